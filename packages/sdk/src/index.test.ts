import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedIdentifiers } from '../../../e2e/helpers/docs.js';
import * as core from './index.js';
import * as node from './node/index.js';

describe('public API (update the snapshots deliberately: an export is a promise to users)', () => {
  it('@pil/sdk exports exactly these names', () => {
    expect(Object.keys(core).sort()).toMatchSnapshot();
  });
  it('@pil/sdk/node exports exactly these names', () => {
    expect(Object.keys(node).sort()).toMatchSnapshot();
  });
  it('createPilClient binds every action and flow', () => {
    const client = core.createPilClient({ chain: { id: 1 } as never, rpcUrl: 'http://127.0.0.1:1' });
    const methods = Object.keys(client).filter((k) => typeof (client as Record<string, unknown>)[k] === 'function');
    expect(methods.sort()).toMatchSnapshot();
  });
  it('exports every action file (a new action must be exported and bound, not left behind)', () => {
    const index = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    const dir = new URL('./actions/', import.meta.url);
    const missing = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('internal') && f !== 'index.ts')
      .filter((f) => !index.includes(`'./actions/${f.replace(/\.ts$/, '.js')}'`));
    expect(missing).toEqual([]);
  });
  it('documents every exported function and class with a runnable example (README or docs/API.md)', async () => {
    // The blocks counted are the ones e2e/sdk-package.test.ts runs against a devnet.
    const used = documentedIdentifiers();
    const functions = (m: Record<string, unknown>) => Object.keys(m).filter((k) => typeof m[k] === 'function');
    const core = await import('./index.js');
    const nodeEntry = await import('./node/index.js');
    const missing = [...functions(core), ...functions(nodeEntry)].filter((name) => !used.has(name));
    expect(missing).toEqual([]);
  });
});
