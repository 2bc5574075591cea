// `pil decode <calldata>`: offline, with our ABIs and the Safe, MultiSend and
// TimelockController ABIs; nested calls (Safe → MultiSend → timelock → PIL)
// are decoded all the way down. Revert data (custom errors) too.
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { parseAddress } from '../governance/cli.js';
import { decodeCall, decodeRevert, formatCall, parseCalldata } from '../governance/decode.js';
import { withExamples } from '../options.js';
import type { Runtime } from '../runtime.js';

export function registerDecodeCommand(program: Command, rt: Runtime): void {
  withExamples(
    program
      .command('decode')
      .description(
        'decode calldata or revert data offline with the PIL, Safe and timelock ABIs (nested calls included)',
      )
      .argument('<calldata>', '0x-prefixed calldata (a function call) or revert data (a custom error)')
      .option('--to <address>', 'the address the call goes to (shown with the result)')
      .action((input: string, opts: { to?: string }, cmd: Command) => {
        const ctx = rt.base(cmd);
        const data = parseCalldata(input);
        const to = opts.to ? parseAddress(opts.to, '--to address') : undefined;
        const call = decodeCall(data, to ? { to } : {});
        if (!call.unknown) {
          ctx.output.result({ kind: 'call', ...call }, () => formatCall(call));
          return;
        }
        const error = decodeRevert(data);
        if (error) {
          ctx.output.result({ kind: 'error', selector: call.selector, error }, () => `revert: ${error}`);
          return;
        }
        throw new InputError(`Unknown selector ${call.selector}`, {
          details:
            'no function or custom error of the PIL contracts, the Safe, MultiSend or the TimelockController has it',
          hint: 'cast 4byte-decode looks it up in a public signature database (online)',
        });
      }),
    [
      'pil decode 0x3f4ba83a   # unpause()',
      'pil decode 0x01d5062a… --json   # a timelock schedule() with its inner call',
      'pil decode 0x6a761202… --to 0x6CaB…   # a Safe execTransaction',
    ],
  );
}
