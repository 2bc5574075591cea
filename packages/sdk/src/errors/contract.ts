/**
 * Contract custom errors (declared in contracts/src/interfaces and OpenZeppelin) as
 * typed errors. `ContractRevertError` carries the decoded name and arguments of any
 * revert; the errors a user meets most have their own subclass with named fields.
 * The table `contractErrorMessages` gives every PIL custom error a readable message.
 */
import type { Address, Hex } from 'viem';
import { BaseError, type BaseErrorParameters } from './base.js';

export type ContractRevertParameters = BaseErrorParameters & {
  errorName: string;
  args: readonly unknown[];
  contractAddress?: Address | undefined;
  functionName?: string | undefined;
};

/** A contract call reverted with a (decoded) custom error. Not retryable. */
export class ContractRevertError extends BaseError {
  override name = 'ContractRevertError';
  readonly errorName: string;
  readonly args: readonly unknown[];
  readonly contractAddress: Address | undefined;
  readonly functionName: string | undefined;
  constructor(shortMessage: string, parameters: ContractRevertParameters) {
    super(shortMessage, parameters);
    this.errorName = parameters.errorName;
    this.args = parameters.args;
    this.contractAddress = parameters.contractAddress;
    this.functionName = parameters.functionName;
  }
}

/** `NullifierAlreadyConsumed(nullifier, domainId)`: the note was already spent (here or on another chain). */
export class NullifierAlreadyConsumedError extends ContractRevertError {
  override name = 'NullifierAlreadyConsumedError';
  get nullifier(): bigint {
    return this.args[0] as bigint;
  }
  get domainId(): bigint {
    return this.args[1] as bigint;
  }
}

/** `MessageAlreadyImported(messageId)`: the cross-chain message was delivered before. */
export class MessageAlreadyImportedError extends ContractRevertError {
  override name = 'MessageAlreadyImportedError';
  get messageId(): Hex {
    return this.args[0] as Hex;
  }
}

/** `PolicyInactive(policyHash)`: the policy is deactivated or unknown. */
export class PolicyInactiveError extends ContractRevertError {
  override name = 'PolicyInactiveError';
  get policyHash(): bigint {
    return this.args[0] as bigint;
  }
}

/** `InvalidProof()`: the Groth16 proof does not verify for these public inputs. */
export class InvalidProofError extends ContractRevertError {
  override name = 'InvalidProofError';
}

/** `UnknownRoot(root, rootSize)`: the spend names a root that is not among the last 128. */
export class UnknownRootError extends ContractRevertError {
  override name = 'UnknownRootError';
  get root(): bigint {
    return this.args[0] as bigint;
  }
  get rootSize(): bigint {
    return this.args[1] as bigint;
  }
}

/** `RootNotAccepted(srcChainId, srcHub, root)`: no relayer quorum signed this outbox root. */
export class RootNotAcceptedError extends ContractRevertError {
  override name = 'RootNotAcceptedError';
  get srcChainId(): bigint {
    return this.args[0] as bigint;
  }
  get srcHub(): Address {
    return this.args[1] as Address;
  }
  get root(): Hex {
    return this.args[2] as Hex;
  }
}

/** `SignerNotActive(signer)`: a checkpoint signature is not from an active relayer. */
export class SignerNotActiveError extends ContractRevertError {
  override name = 'SignerNotActiveError';
  get signer(): Address {
    return this.args[0] as Address;
  }
}

/** `EnforcedPause()`: the chain or the contract is paused. */
export class EnforcedPauseError extends ContractRevertError {
  override name = 'EnforcedPauseError';
}

/** OpenZeppelin `AccessControlUnauthorizedAccount(account, neededRole)`. */
export class UnauthorizedAccountError extends ContractRevertError {
  override name = 'UnauthorizedAccountError';
  get account(): Address {
    return this.args[0] as Address;
  }
  get role(): Hex {
    return this.args[1] as Hex;
  }
}

type Entry = {
  message: (args: readonly unknown[]) => string;
  hint?: string;
  errorClass?: new (shortMessage: string, parameters: ContractRevertParameters) => ContractRevertError;
};

const a = (args: readonly unknown[], i: number) => String(args[i]);

/** A readable message (and hint) for every PIL custom error, by name. */
export const contractErrorMessages: Record<string, Entry> = {
  // IPILBase
  EnforcedPause: {
    message: () => 'The chain or this contract is paused',
    hint: 'Wait for governance to unpause (orchestrator.isPaused())',
    errorClass: EnforcedPauseError,
  },
  ZeroAddress: { message: () => 'An address argument is zero' },
  NotAFieldElement: { message: (x) => `${a(x, 0)} is not a BN254 field element` },
  UnauthorizedCaller: { message: (x) => `${a(x, 0)} may not call this function` },
  // OpenZeppelin
  AccessControlUnauthorizedAccount: {
    message: (x) => `Account ${a(x, 0)} lacks role ${a(x, 1)}`,
    hint: 'This function needs a governance role (Safe or timelock)',
    errorClass: UnauthorizedAccountError,
  },
  ReentrancyGuardReentrantCall: { message: () => 'Reentrant call' },
  // PC3
  UnknownRoot: {
    message: (x) => `Root ${a(x, 0)} at tree size ${a(x, 1)} is not among the last 128 roots`,
    hint: 'Rebuild the tree from events and prove against a recent root',
    errorClass: UnknownRootError,
  },
  InvalidDestination: { message: (x) => `Chain ${a(x, 0)} is not a valid export destination` },
  RefundFailed: { message: (x) => `Refunding ${a(x, 1)} wei to ${a(x, 0)} failed` },
  // PBP
  PolicyInactive: {
    message: (x) => `Policy ${a(x, 0)} is inactive or unknown`,
    hint: 'Use an active policy (PolicyBoundProofs.isActive)',
    errorClass: PolicyInactiveError,
  },
  PolicyAlreadyRegistered: { message: (x) => `Policy ${a(x, 0)} is already registered` },
  PolicyNotRegistered: { message: (x) => `Policy ${a(x, 0)} is not registered` },
  InvalidCircuitId: { message: () => 'Invalid circuit id' },
  // CDNA
  NullifierAlreadyConsumed: {
    message: (x) => `Nullifier ${a(x, 0)} was already consumed (domain ${a(x, 1)})`,
    hint: 'This note has been spent; it cannot be spent or exported again',
    errorClass: NullifierAlreadyConsumedError,
  },
  MessageAlreadyImported: {
    message: (x) => `Message ${a(x, 0)} was already imported`,
    hint: 'Nothing to do: the container already arrived',
    errorClass: MessageAlreadyImportedError,
  },
  UnknownDomain: { message: (x) => `Domain ${a(x, 0)} is not registered` },
  DomainAlreadyRegistered: { message: (x) => `Domain ${a(x, 0)} is already registered` },
  // EASC
  BackendAlreadyRegistered: { message: (x) => `Backend ${a(x, 0)} is already registered` },
  BackendInactive: { message: (x) => `Backend ${a(x, 0)} is inactive or unknown` },
  CommitmentAlreadyRegistered: { message: (x) => `Commitment ${a(x, 0)} is already pending` },
  CommitmentNotPending: { message: (x) => `Commitment ${a(x, 0)} is not pending` },
  AlreadyAttested: { message: (x) => `Backend ${a(x, 1)} already attested commitment ${a(x, 0)}` },
  InvalidAttestation: { message: (x) => `Invalid attestation of ${a(x, 0)} by backend ${a(x, 1)}` },
  InvalidQuorum: { message: (x) => (x.length ? `Invalid quorum ${a(x, 0)} (active ${a(x, 1)})` : 'Invalid quorum') },
  // VerifierRegistry
  InvalidProof: {
    message: () => 'The proof does not verify',
    hint: 'Prove with the keys the chain uses, for exactly these public inputs (ciphertext included)',
    errorClass: InvalidProofError,
  },
  UnknownCircuit: { message: (x) => `No verifier for circuit ${a(x, 0)}` },
  PublicInputCountMismatch: { message: (x) => `Circuit ${a(x, 0)} takes ${a(x, 1)} public inputs, got ${a(x, 2)}` },
  UnsupportedPublicInputCount: { message: (x) => `Unsupported public input count ${a(x, 0)}` },
  VerifierHasNoCode: { message: (x) => `Verifier ${a(x, 0)} has no code` },
  PublicInputCountChanged: { message: (x) => `Circuit ${a(x, 0)} had ${a(x, 1)} public inputs, not ${a(x, 2)}` },
  // Hub
  SignerNotActive: {
    message: (x) => `Checkpoint signer ${a(x, 0)} is not an active relayer`,
    hint: 'Only signatures of relayers active at the current relayer-set epoch count',
    errorClass: SignerNotActiveError,
  },
  InvalidSignature: { message: () => 'A checkpoint signature is malformed' },
  UnknownSource: { message: (x) => `Unknown source hub ${a(x, 1)} of chain ${a(x, 0)}` },
  RootNotAccepted: {
    message: (x) => `Outbox root ${a(x, 2)} of chain ${a(x, 0)} is not accepted`,
    hint: 'A quorum of active relayers must sign a checkpoint of this root first',
    errorClass: RootNotAcceptedError,
  },
  WrongDestination: { message: (x) => `The message is for chain ${a(x, 0)} hub ${a(x, 1)}, not here` },
  InvalidInclusionProof: { message: () => 'The message is not in the outbox under this root' },
  PayloadHashMismatch: { message: (x) => `Payload hash ${a(x, 1)} differs from the message's ${a(x, 0)}` },
  UnknownDestination: { message: (x) => `No remote hub for chain ${a(x, 0)}` },
  InsufficientPool: { message: (x) => `Fee pool holds ${a(x, 1)} wei, ${a(x, 0)} requested` },
  NothingOwed: { message: (x) => `Nothing is owed to ${a(x, 0)}` },
  TransferFailed: { message: (x) => `Transfer of ${a(x, 1)} wei to ${a(x, 0)} failed` },
  InvalidRemote: { message: (x) => `Chain ${a(x, 0)} cannot be its own remote` },
  // RelayerRegistry
  AlreadyAdmitted: { message: (x) => `Relayer ${a(x, 0)} is already admitted` },
  NotAdmitted: { message: (x) => `Relayer ${a(x, 0)} is not admitted` },
  WouldBreakQuorum: { message: (x) => `Only ${a(x, 0)} active relayers would remain for quorum ${a(x, 1)}` },
  ZeroAmount: { message: () => 'The amount is zero' },
  InsufficientStake: { message: (x) => `Requested ${a(x, 0)} but only ${a(x, 1)} is bonded` },
  StillUnbonding: { message: (x) => `Stake is unbonding until ${a(x, 0)}` },
  NothingToWithdraw: { message: () => 'Nothing to withdraw' },
  InvalidEvidence: { message: () => 'The slashing evidence is invalid' },
  NothingToSlash: { message: (x) => `Relayer ${a(x, 0)} has no stake to slash` },
  EvidenceAlreadyUsed: { message: (x) => `Evidence ${a(x, 0)} was already used` },
  InsufficientSlashedBalance: { message: (x) => `Slashed balance ${a(x, 1)} < ${a(x, 0)}` },
  // Orchestrator
  ComponentsNotSet: { message: () => 'The orchestrator components are not set' },
  UnexpectedValue: { message: () => 'ETH sent to a call that takes none' },
};

/** The typed error for a decoded revert. */
export function contractRevertError(
  parameters: Omit<ContractRevertParameters, 'hint'> & { hint?: string | undefined },
): ContractRevertError {
  const entry = contractErrorMessages[parameters.errorName];
  const short = entry ? entry.message(parameters.args) : `The contract reverted with ${parameters.errorName}`;
  const Class = entry?.errorClass ?? ContractRevertError;
  return new Class(short, {
    ...parameters,
    hint: parameters.hint ?? entry?.hint,
    docsPath: parameters.docsPath ?? '#errors',
  });
}
