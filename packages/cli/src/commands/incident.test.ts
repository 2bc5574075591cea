// `pil incident` on a devnet: open (status page text, P0 checklist, chain snapshot in the
// timeline), log, resolve (resolution notice, postmortem skeleton with the timeline), show
// and list; bad input refused with nothing written; opening still works when a chain
// cannot be reached.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDevnet } from '../test-utils/governance.js';
import { runCli } from '../test-utils/run.js';

type Opened = {
  incident: { id: string; timeline: { text: string }[]; respondBy: number; openedAt: number };
  statusPage: string;
  checklist: string[];
};

describe('pil incident', () => {
  const net = useDevnet();
  let id = '';

  it('opens a P0 with the status page text, the checklist and a snapshot of the chains', async () => {
    const r = await net().cli([
      'incident',
      'open',
      '--severity',
      'p0',
      '--title',
      'exploit on PC3',
      '--impact',
      'PC3 on all chains',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Opened;
    id = out.incident.id;
    expect(id).toMatch(/^INC-\d{8}-1$/);
    expect(out.statusPage).toMatch(
      /^\[INVESTIGATING\] We are investigating reports of exploit on PC3\.\nImpact: PC3 on all chains\nStarted: \d{4}-\d\d-\d\d \d\d:\d\d UTC\nUpdates every 30 minutes\.$/,
    );
    expect(out.checklist[0]).toMatch(/PagerDuty/);
    expect(out.incident.respondBy - out.incident.openedAt).toBe(15 * 60_000);
    expect(out.incident.timeline[1]!.text).toMatch(
      /^chains: devnet-31337 block \d+ running; devnet-31338 block \d+ running$/,
    );
  });

  it('logs, refuses bad input without writing, resolves with the notice and a postmortem', async () => {
    expect((await net().cli(['incident', 'log', id, 'paused all chains (EP-001)'])).code).toBe(0);
    const file = path.join(net().stateDir, 'incidents', 'devnet', `${id}.json`);
    const before = readFileSync(file, 'utf8');
    expect((await net().cli(['incident', 'log', id, '   '])).code).toBe(5);
    expect((await net().cli(['incident', 'log', id, 'x'.repeat(2_001)])).code).toBe(5);
    expect((await net().cli(['incident', 'log', '../../etc/passwd', 'x'])).code).toBe(5);
    expect((await net().cli(['incident', 'log', 'INC-20000101-9', 'x'])).stderr).toMatch(/No incident INC-20000101-9/);
    const badSeverity = await net().cli(['incident', 'open', '--severity', 'P9', '--title', 't']);
    expect(badSeverity.code).toBe(2);
    expect(badSeverity.stderr).toMatch(/--severity must be P0, P1, P2 or P3/);
    expect(readFileSync(file, 'utf8')).toBe(before);

    const r = await net().cli(['incident', 'resolve', id, '--root-cause', 'a leaked relayer key', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { resolution: string; postmortem: string };
    expect(out.resolution).toMatch(
      /^\[RESOLVED\] The issue affecting PC3 on all chains has been resolved\.\nDuration: 0 hours \d+ minutes\nRoot cause: a leaked relayer key\nFull postmortem to follow\.$/,
    );
    const pm = readFileSync(out.postmortem, 'utf8');
    expect(pm).toContain(`# Postmortem ${id}: exploit on PC3`);
    expect(pm).toMatch(/- .* UTC: paused all chains \(EP-001\)/);
    expect(pm).toContain('## Action items');
    expect((await net().cli(['incident', 'resolve', id, '--root-cause', 'again'])).stderr).toMatch(/already resolved/);
    expect((await net().cli(['incident', 'log', id, 'late'])).code).toBe(5);

    const shown = await net().cli(['incident', 'show', id]);
    expect(shown.stdout).toMatch(/P0 resolved: exploit on PC3/);
    const list = JSON.parse((await net().cli(['incident', 'list', '--json'])).stdout) as {
      incidents: { id: string }[];
    };
    expect(list.incidents.map((i) => i.id)).toEqual([id]);
  });

  it('opens even when a chain does not answer', async () => {
    // mainnet from the runbook's environment variables, with an RPC URL nobody listens on.
    const c = net().chains[0]!.deployment.contracts;
    const r = await runCli(
      ['incident', 'open', '--severity', 'P2', '--title', 'rpc down', '--network', 'mainnet', '--json'],
      {
        env: {
          PIL_STATE_DIR: net().stateDir,
          MAINNET_RPC_URL: 'http://127.0.0.1:9/',
          ORCHESTRATOR_ADDRESS: c.orchestrator!.proxy,
          PC3_ADDRESS: c.pc3!.proxy,
          PBP_ADDRESS: c.pbp!.proxy,
          EASC_ADDRESS: c.easc!.proxy,
          CDNA_ADDRESS: c.cdna!.proxy,
        },
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Opened;
    expect(out.incident.timeline[1]!.text).toMatch(/^chains: (ethereum unreachable|unreachable \(\w+\))$/);
    expect(out.checklist).toEqual([]);
    expect(existsSync(path.join(net().stateDir, 'incidents', 'mainnet', `${out.incident.id}.json`))).toBe(true);
  });
});
