/**
 * Binds actions to a client, viem style: `pilActions(client).getTreeSize()` is
 * `getTreeSize(client)`. The bound set is `contractActions` (actions/index.ts) plus
 * the high-level flows.
 */
import { contractActions } from '../actions/index.js';
import { consumeContainer } from '../flows/consumeContainer.js';
import { createContainer } from '../flows/createContainer.js';
import { exportContainer } from '../flows/exportContainer.js';
import { importContainer } from '../flows/importContainer.js';
import { getOutboxCheckpoint, getOutboxMessage, getOutboxMessages } from '../flows/outbox.js';
import { waitForImport } from '../flows/waitForImport.js';
import { scanNotes } from '../notes/scan.js';
import { getCommitmentTree } from '../tree/sync.js';
import type { PilClient } from './createPilClient.js';

const boundActions = {
  ...contractActions,
  // flows
  createContainer,
  consumeContainer,
  exportContainer,
  importContainer,
  waitForImport,
  scanNotes,
  getCommitmentTree,
  getOutboxCheckpoint,
  getOutboxMessage,
  getOutboxMessages,
} as const;

type Bound<T> = {
  [K in keyof T]: T[K] extends (client: PilClient, ...rest: infer A) => infer R ? (...rest: A) => R : never;
};

export type PilActions = Bound<typeof boundActions>;

export function pilActions(client: PilClient): PilActions {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(boundActions)) {
    out[name] = (...rest: unknown[]) => (fn as (c: PilClient, ...r: unknown[]) => unknown)(client, ...rest);
  }
  return out as PilActions;
}
