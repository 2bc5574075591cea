# One-off scaffold of the simple contract actions (reads and plain writes). The files
# it writes are ordinary source, edited by hand afterwards; run it only to add new
# simple actions (it never overwrites an existing file).
import os, sys

ROOT = os.path.join(os.path.dirname(__file__), '..', 'src', 'actions')
ABI = {
  'orchestrator': 'pilv2OrchestratorAbi', 'pc3': 'proofCarryingContainerAbi', 'pbp': 'policyBoundProofsAbi',
  'easc': 'executionAgnosticStateCommitmentsAbi', 'cdna': 'crossDomainNullifierAlgebraAbi',
  'verifierRegistry': 'verifierRegistryAbi', 'proofHub': 'crossChainProofHubAbi', 'relayerRegistry': 'relayerRegistryAbi',
}
# (kind, contract, name, functionName, [(param, tsType)], returnType, doc, errors, extraImports)
A = []
def r(c, n, f, params, ret, doc, imports=''): A.append(('read', c, n, f, params, ret, doc, '', imports))
def w(c, n, f, params, doc, errors='', payable=False, imports=''): A.append(('write', c, n, f, params, 'payable' if payable else '', doc, errors, imports))

ADDR = "import type { Address, Hex } from 'viem';\n"
CP = "import type { CheckpointStruct } from '../../types/proof.js';\n"
r('orchestrator', 'isPausedFor', 'isPausedFor', [('target', 'Address')], 'boolean', 'Whether `target` is paused (chain flag or its own flag).', ADDR)
r('orchestrator', 'getComponents', 'components', [], '{ container: Address; policies: Address; stateCommitments: Address; nullifiers: Address; verifierRegistry: Address; hub: Address; relayerRegistry: Address }', 'The contracts the orchestrator coordinates.', ADDR)
r('pc3', 'getCurrentRoot', 'currentRoot', [], 'bigint', 'The current root of the commitment tree (0 when empty).')
r('pc3', 'getRootAt', 'rootAt', [('size', 'bigint')], 'bigint', 'The root of the tree at `size` leaves if among the last 128 sizes, else 0.')
r('pc3', 'isKnownRoot', 'isKnownRoot', [('root', 'bigint'), ('rootSize', 'bigint')], 'boolean', 'Whether a spend may name `root` with `rootSize` (protocol §3).')
r('pc3', 'getLocalDomainId', 'localDomainId', [], 'bigint', "This chain's domain id, `domainId(chainId, appId)`.")
r('pbp', 'getPolicy', 'getPolicy', [('policyHash', 'bigint')], '{ createCircuitId: Hex; spendCircuitId: Hex; attestationQuorum: number; active: boolean; registered: boolean }', 'A policy as registered in PolicyBoundProofs.', ADDR)
r('pbp', 'isPolicyActive', 'isActive', [('policyHash', 'bigint')], 'boolean', 'Whether the policy is registered and active.')
r('cdna', 'isNullifierConsumed', 'isConsumed', [('nullifier', 'bigint')], 'boolean', 'Whether the nullifier was consumed (in any domain: the set is global).')
r('cdna', 'getNullifierDomain', 'consumedIn', [('nullifier', 'bigint')], 'readonly [boolean, bigint]', 'Whether the nullifier was consumed, and in which domain.')
r('cdna', 'isMessageImported', 'isImported', [('messageId', 'Hex')], 'boolean', 'Whether a cross-chain message was imported on this chain.', ADDR)
r('cdna', 'getDomain', 'getDomain', [('domainId', 'bigint')], '{ chainId: bigint; appId: Hex; registered: boolean }', 'A registered domain.', ADDR)
r('easc', 'getPendingCommitment', 'getPending', [('commitment', 'bigint')], '{ policyHash: bigint; quorum: number; attestations: number; finalized: boolean; registered: boolean }', 'A commitment waiting for attestations.')
r('easc', 'getBackend', 'getBackend', [('backendId', 'Hex')], '{ kind: number; signer: Address; active: boolean; registered: boolean }', 'An execution backend.', ADDR)
r('easc', 'hasAttested', 'hasAttested', [('commitment', 'bigint'), ('backendId', 'Hex')], 'boolean', 'Whether `backendId` attested `commitment`.', ADDR)
r('easc', 'getAttestationDigest', 'attestationDigest', [('commitment', 'bigint'), ('policyHash', 'bigint'), ('backendId', 'Hex')], 'Hex', 'The EIP-712 digest a backend signs to attest a commitment.', ADDR)
r('verifierRegistry', 'getVerifier', 'verifierOf', [('circuitId', 'Hex')], '{ verifier: Address; publicInputs: number; vkHash: Hex }', 'The current verifier of a circuit.', ADDR)
r('proofHub', 'getOutboxCount', 'outboxCount', [], 'bigint', 'Messages in the outbox.')
r('proofHub', 'getOutboxRoot', 'outboxRoot', [], 'Hex', 'The current outbox root.', ADDR)
r('proofHub', 'getOutboxRootAt', 'rootAt', [('count', 'bigint')], 'Hex', 'The outbox root after `count` messages.', ADDR)
r('proofHub', 'isAcceptedRoot', 'isAcceptedRoot', [('srcChainId', 'bigint'), ('srcHub', 'Address'), ('root', 'Hex')], 'boolean', 'Whether a quorum accepted `root` for the source hub.', ADDR)
r('proofHub', 'getAcceptedRootAt', 'acceptedRootAt', [('srcChainId', 'bigint'), ('srcHub', 'Address'), ('count', 'bigint')], 'Hex', 'The accepted root of the source hub at `count` (zero if none).', ADDR)
r('proofHub', 'hasVoted', 'hasVoted', [('checkpoint', 'CheckpointStruct'), ('signer', 'Address')], 'boolean', 'Whether `signer` voted for the checkpoint at the current epoch.', ADDR + CP)
r('proofHub', 'getFeePool', 'feePool', [], 'bigint', 'ETH in the fee pool.')
r('proofHub', 'getOwedFees', 'owedFees', [('account', 'Address')], 'bigint', 'Fees owed to `account` (the pool was short when it delivered).', ADDR)
r('proofHub', 'getRemoteHub', 'remoteHub', [('chainId', 'bigint')], 'Address', 'The hub of a remote chain (zero when unknown).', ADDR)
r('relayerRegistry', 'isRelayerActive', 'isActive', [('relayer', 'Address')], 'boolean', 'Whether the relayer is admitted and staked at least minStake.', ADDR)
r('relayerRegistry', 'getRelayer', 'getRelayer', [('relayer', 'Address')], '{ admitted: boolean; unbondingReadyAt: bigint; bonded: bigint; unbonding: bigint }', 'A relayer: admission, bonded and unbonding stake.', ADDR)
r('relayerRegistry', 'getRelayerSetEpoch', 'epoch', [], 'bigint', 'The relayer-set epoch (checkpoint votes count per epoch).')
r('relayerRegistry', 'getRelayerQuorum', 'quorum', [], 'bigint', 'Signatures needed to accept a checkpoint.')
r('relayerRegistry', 'getActiveRelayerCount', 'activeCount', [], 'bigint', 'Active relayers.')
r('relayerRegistry', 'getMinStake', 'minStake', [], 'bigint', 'The stake a relayer needs to be active.')

w('proofHub', 'submitCheckpoint', 'submitCheckpoint', [('checkpoint', 'CheckpointStruct'), ('signatures', 'readonly Hex[]')], 'Submits relayer signatures of a source outbox checkpoint; the root is accepted at the quorum. Anyone may submit.', 'SignerNotActiveError', imports="import type { Hex } from 'viem';\n" + CP)
w('proofHub', 'fundFeePool', 'fundFeePool', [], "Adds `value` wei to the hub's fee pool.", payable=True)
w('proofHub', 'claimOwedFees', 'claimOwedFees', [], 'Pays the caller the fees owed to it.')
w('relayerRegistry', 'stake', 'stake', [], 'Bonds `value` wei of stake for the caller.', payable=True)
w('relayerRegistry', 'requestUnstake', 'requestUnstake', [('amount', 'bigint')], 'Starts unbonding `amount` of stake (slashable until withdrawn).')
w('relayerRegistry', 'withdrawStake', 'withdraw', [], 'Withdraws stake whose unbonding period has passed.')
w('relayerRegistry', 'slashWrongCheckpoint', 'slashWrongCheckpoint', [('checkpoint', 'CheckpointStruct'), ('signature', 'Hex')], "Slashes a relayer that signed a wrong root of this chain's outbox.", imports="import type { Hex } from 'viem';\n" + CP)
w('relayerRegistry', 'slashEquivocation', 'slashEquivocation', [('a', 'CheckpointStruct'), ('signatureA', 'Hex'), ('b', 'CheckpointStruct'), ('signatureB', 'Hex')], 'Slashes a relayer that signed two roots for the same checkpoint.', imports="import type { Hex } from 'viem';\n" + CP)
w('easc', 'attestCommitment', 'attestCommitment', [('commitment', 'bigint'), ('backendId', 'Hex'), ('signature', 'Hex')], "Submits a backend's attestation of a pending commitment; at the quorum it enters the tree.", imports="import type { Hex } from 'viem';\n")
w('pbp', 'registerPolicy', 'registerPolicy', [('policyHash', 'bigint'), ('createCircuitId', 'Hex'), ('spendCircuitId', 'Hex'), ('attestationQuorum', 'number')], 'Registers a policy (`POLICY_ADMIN_ROLE`).', 'UnauthorizedAccountError', imports="import type { Hex } from 'viem';\n")
w('pbp', 'deactivatePolicy', 'deactivatePolicy', [('policyHash', 'bigint')], 'Deactivates a policy (`POLICY_ADMIN_ROLE` or the guardian).', 'UnauthorizedAccountError')
w('pbp', 'reactivatePolicy', 'reactivatePolicy', [('policyHash', 'bigint')], 'Reactivates a policy (`POLICY_ADMIN_ROLE`).', 'UnauthorizedAccountError')
w('easc', 'registerBackend', 'registerBackend', [('backendId', 'Hex'), ('kind', 'number'), ('signer', 'Address')], 'Registers an execution backend and its attestation signer (`DEFAULT_ADMIN_ROLE`).', 'UnauthorizedAccountError', imports="import type { Address, Hex } from 'viem';\n")

def cap(s): return s[0].upper() + s[1:]

written = []
for kind, c, n, f, params, ret, doc, errors, imports in A:
  path = os.path.join(ROOT, c, n + '.ts')
  os.makedirs(os.path.dirname(path), exist_ok=True)
  N = cap(n)
  written.append((c, n, N))
  if os.path.exists(path): continue
  abi = ABI[c]
  args = ', '.join(f'parameters.{p}' for p, _ in params)
  fields = ' '.join(f'{p}: {t};' for p, t in params)
  if kind == 'read':
    ptype = f'{{ {fields} }}' if params else 'undefined'
    sig = f'parameters: {N}Parameters' if params else ''
    argline = f', args: [{args}]' if params else ''
    src = f"""{imports}import {{ {abi} }} from '../../abi/generated/index.js';
import type {{ PilClient }} from '../../clients/createPilClient.js';
import type {{ ConfigError, TransportError }} from '../../errors/families.js';
import {{ readPilContract }} from '../internal/contract.js';

export type {N}Parameters = {ptype};
export type {N}ReturnType = {ret};
export type {N}ErrorType = ConfigError | TransportError;

/** {doc} */
export async function {n}(client: PilClient{', ' + sig if sig else ''}): Promise<{N}ReturnType> {{
  return readPilContract<{N}ReturnType>(client, {{ contract: '{c}', abi: {abi}, functionName: '{f}'{argline} }});
}}
"""
  else:
    payable = ret == 'payable'
    extra = ' value: bigint;' if payable else ''
    ptype = f'WriteOptions & {{ {fields}{extra} }}' if (params or payable) else 'WriteOptions | undefined'
    opt = '' if (params or payable) else '?'
    errs = ' | '.join(x for x in [errors, 'ContractRevertError'] if x)
    argline = f'\n    args: [{args}],' if params else ''
    valline = '\n    value: parameters.value,' if payable else ''
    src = f"""{imports}import {{ {abi} }} from '../../abi/generated/index.js';
import type {{ PilClient }} from '../../clients/createPilClient.js';
import type {{ {', '.join(sorted(set(errs.split(' | '))))} }} from '../../errors/contract.js';
import type {{ ConfigError, TransactionError, TransportError }} from '../../errors/families.js';
import {{ type WriteOptions, type WriteResult, writePilContract }} from '../internal/contract.js';

export type {N}Parameters = {ptype};
export type {N}ReturnType = WriteResult;
export type {N}ErrorType = {errs} | ConfigError | TransactionError | TransportError;

/** {doc} Simulates, sends with the client's account and waits for the receipt. */
export async function {n}(client: PilClient, parameters{opt}: {N}Parameters): Promise<{N}ReturnType> {{
  return writePilContract(client, {{
    contract: '{c}',
    abi: {abi},
    functionName: '{f}',{argline}{valline}
    gas: parameters{opt}.gas,
  }});
}}
"""
  open(path, 'w').write(src)

if False:
  for c, n, N in written: fh.write(f'{c} {n} {N}\n')
