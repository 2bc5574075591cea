// `pil roles`: every role holder of every PIL contract and both timelocks (the
// monthly access review), flagging any EOA that holds an admin role. Exits 8
// when there is a critical finding.
import type { Command } from 'commander';
import { CheckFailedError } from '../errors.js';
import { perChain, selectChains } from '../governance/cli.js';
import { rolesReport } from '../governance/inspect.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

export function registerRolesCommand(program: Command, rt: Runtime): void {
  withExamples(
    program
      .command('roles')
      .description(
        'every role holder of every PIL contract and timelock, the Safe owners; flags any EOA holding an admin role (exit 8)',
      )
      .option('--chain <id|name>', 'one chain only')
      .option('--from-block <n>', 'scan role events from this block (default 0)', (v) => BigInt(v))
      .action(async (opts: { chain?: string; fromBlock?: bigint }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const reports = await perChain(selectChains(ctx, opts.chain), (chain) =>
          rolesReport(ctx, chain, opts.fromBlock),
        );
        const findings = reports.flatMap((r) => r.findings.map((f) => ({ chain: r.chain, ...f })));
        const eoaAdmins = findings.filter((f) => f.severity === 'critical');
        ctx.output.result({ network: ctx.network.name, ok: eoaAdmins.length === 0, chains: reports }, () =>
          [
            ...reports.map((r) =>
              [
                `${r.chain} (${r.chainId}): Safe ${r.safe.address}, ${r.safe.threshold} of ${r.safe.owners.length} owners (${r.safe.owners.join(', ')})`,
                table(
                  ['contract', 'role', 'holder', 'who', 'kind'],
                  r.entries.flatMap((e) =>
                    e.holders.map((h) => [e.contract, e.role, h.address, h.label, h.kind === 'EOA' ? 'EOA' : h.kind]),
                  ),
                ),
              ].join('\n'),
            ),
            '',
            findings.length
              ? findings.map((f) => `${f.severity.toUpperCase()} ${f.chain}: ${f.message}`).join('\n')
              : 'no EOA holds an admin role; every role is held as protocol §8 says',
          ].join('\n'),
        );
        if (eoaAdmins.length)
          throw new CheckFailedError(`${eoaAdmins.length} critical role finding(s)`, {
            details: eoaAdmins.map((f) => f.message).join('\n'),
          });
      }),
    ['pil roles --network devnet', 'pil roles --network mainnet --json', 'pil roles --chain 31338'],
  );
}
