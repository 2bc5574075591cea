// The `pil` command tree: global options here, one module per command group.
import { Command } from 'commander';
import { registerCeremonyCommands } from './commands/ceremony.js';
import { registerChecksCommands } from './commands/checks.js';
import { registerConfigCommands } from './commands/config.js';
import { registerDbCommands } from './commands/db.js';
import { registerDecodeCommand } from './commands/decode.js';
import { registerDevnetCommands } from './commands/devnet.js';
import { registerFundsCommands } from './commands/funds.js';
import { registerHealthCommands } from './commands/health.js';
import { registerIncidentCommands } from './commands/incident.js';
import { registerMonitorCommands } from './commands/monitor.js';
import { registerPauseCommands } from './commands/pause.js';
import { registerRelayerCommands } from './commands/relayer.js';
import { registerRelayerServiceCommands } from './commands/relayer-service.js';
import { registerRolesCommand } from './commands/roles.js';
import { registerSafeCommands } from './commands/safe.js';
import { registerSecurityCheckCommand } from './commands/securityCheck.js';
import { registerStateCommands } from './commands/state.js';
import { registerStatusCommand } from './commands/status.js';
import { registerTimelockCommands } from './commands/timelock.js';
import { registerUpgradeCommands } from './commands/upgrade.js';
import { registerVerifierCommands } from './commands/verifier.js';
import { registerWarpCommand } from './commands/warp.js';
import { addGlobalOptions, withExamples } from './options.js';
import type { Runtime } from './runtime.js';

export const VERSION = '0.1.0';

export function createProgram(rt: Runtime): Command {
  const program = new Command('pil')
    .description('PIL, the Privacy Interoperability Layer: operate deployments and run a local devnet')
    .version(VERSION, '-V, --version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void rt.io.stdout.write(s),
      writeErr: (s) => void rt.io.stderr.write(s),
      // Parse errors are printed by main() in the common error format.
      outputError: () => {},
    });
  addGlobalOptions(program);
  withExamples(program, ['pil devnet up', 'pil status --network devnet', 'pil config show --network mainnet --json']);
  registerDevnetCommands(program, rt);
  registerConfigCommands(program, rt);
  registerStatusCommand(program, rt);
  // Governance and the runbook procedures (ADR 0008).
  registerWarpCommand(program, rt);
  registerHealthCommands(program, rt);
  registerChecksCommands(program, rt);
  registerMonitorCommands(program, rt);
  registerIncidentCommands(program, rt);
  registerDbCommands(program, rt);
  registerPauseCommands(program, rt);
  registerSecurityCheckCommand(program, rt);
  registerTimelockCommands(program, rt);
  registerRelayerCommands(program, rt);
  registerRelayerServiceCommands(program, rt);
  registerRolesCommand(program, rt);
  registerSafeCommands(program, rt);
  registerDecodeCommand(program, rt);
  registerCeremonyCommands(program, rt);
  registerVerifierCommands(program, rt);
  registerFundsCommands(program, rt);
  registerStateCommands(program, rt);
  registerUpgradeCommands(program, rt);
  return program;
}
