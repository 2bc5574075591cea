/** What consume and export share: tree sync, membership path, new note, spend proof. */
import type { PilClient } from '../clients/createPilClient.js';
import { buildSpendInput } from '../crypto/inputs.js';
import { computeDomainId } from '../crypto/note.js';
import { InvalidParameterError } from '../errors/families.js';
import { mapError } from '../errors/map.js';
import type { PilAccount, PilRecipient } from '../keys/account.js';
import { createNote, type Note, type OwnedNote } from '../notes/note.js';
import { type Prover, toContractProof } from '../prover/prover.js';
import { getCommitmentTree } from '../tree/sync.js';
import type { ContractProof, SpendArgs } from '../types/proof.js';

export type PreparedSpend = {
  proof: ContractProof;
  args: SpendArgs;
  /** The new note (for the recipient, on the destination chain). */
  dstNote: Note;
  proveMs: number;
};

export async function prepareSpend(
  client: PilClient,
  parameters: {
    prover: Prover;
    account: PilAccount;
    note: OwnedNote;
    recipient: PilRecipient;
    dstChainId: number;
    memo?: Uint8Array | undefined;
  },
): Promise<PreparedSpend> {
  const { note, account } = parameters;
  if (note.chainId !== client.chainId) {
    throw new InvalidParameterError(`The note is on chain ${note.chainId}, the client on ${client.chainId}`);
  }
  if (note.npk !== account.npk) throw new InvalidParameterError('The note does not belong to this account');
  const synced = await getCommitmentTree(client);
  if (note.leafIndex >= synced.size || synced.tree.leaf(Number(note.leafIndex)) !== note.commitment) {
    throw new InvalidParameterError(`Leaf ${note.leafIndex} of chain ${client.chainId} is not this note`);
  }
  const path = synced.tree.path(Number(note.leafIndex));
  const dstNote = await createNote({
    recipient: parameters.recipient,
    amount: note.amount,
    stateHash: note.stateHash,
    policyHash: note.policyHash,
    memo: parameters.memo,
  });
  let built: Awaited<ReturnType<typeof buildSpendInput>>;
  try {
    built = await buildSpendInput({
      nullifierSecret: account.nullifierSecret,
      amount: note.amount,
      stateHash: note.stateHash,
      policyHash: note.policyHash,
      payloadHash: note.payloadHash,
      blinding: note.blinding,
      path,
      srcDomain: computeDomainId(client.chainId),
      dstDomain: computeDomainId(parameters.dstChainId),
      dstNpk: dstNote.npk,
      dstPayloadHash: dstNote.payloadHash,
      dstBlinding: dstNote.blinding,
    });
  } catch (err) {
    throw mapError(err, { action: 'building the spend proof input' });
  }
  const started = performance.now();
  const { proof } = await parameters.prover.prove('container_spend', built.input);
  const proveMs = performance.now() - started;
  return {
    proof: toContractProof(proof),
    args: {
      root: synced.root,
      rootSize: synced.size,
      nullifier: built.input.nullifier,
      dstCommitment: built.input.dstCommitment,
      policyHash: note.policyHash,
    },
    dstNote,
    proveMs,
  };
}
