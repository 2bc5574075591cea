// The runbook's monthly security review:
//   static analysis   `forge lint` (Foundry's linter, from npm like the rest of the
//                     toolchain) over the contract sources, high and medium lints;
//   dependency CVEs   `npm audit` of the checkout's lock file against the configured
//                     registry; when the registry cannot be reached this is a warning
//                     ("not checked"), never a pass;
//   access review     every role holder per chain (`pil roles`), an EOA admin critical.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type LintFinding = { lint: string; severity: 'high' | 'med'; file: string; line: number; message: string };

type Diagnostic = {
  message: string;
  code?: { code: string } | null;
  spans?: { file_name: string; line_start: number }[];
};

/** High and medium lints of `forge lint` over `paths` (run inside the Foundry project `cwd`). */
export async function staticAnalysis(repoRoot: string, paths: string[]): Promise<LintFinding[]> {
  const forge = path.join(repoRoot, 'node_modules', '.bin', 'forge');
  const out: LintFinding[] = [];
  for (const severity of ['high', 'med'] as const) {
    // The diagnostics come on stderr, one JSON object a line.
    const { stdout, stderr } = await run(forge, ['lint', ...paths, '--severity', severity, '--json'], {
      cwd: path.join(repoRoot, 'contracts'),
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const line of `${stdout}\n${stderr}`.split('\n')) {
      if (!line.startsWith('{')) continue;
      const d = JSON.parse(line) as Diagnostic;
      const span = d.spans?.[0];
      out.push({
        lint: d.code?.code ?? 'unknown',
        severity,
        file: span ? path.relative(path.join(repoRoot, 'contracts'), span.file_name) : '',
        line: span?.line_start ?? 0,
        message: d.message,
      });
    }
  }
  return out;
}

export type AuditResult =
  | {
      checked: true;
      vulnerabilities: Record<'critical' | 'high' | 'moderate' | 'low' | 'info', number>;
      advisories: { name: string; severity: string; title: string }[];
    }
  | { checked: false; reason: string };

/** `npm audit` of the production dependencies of the checkout at `repoRoot`. */
export async function dependencyAudit(repoRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<AuditResult> {
  const parse = (stdout: string): AuditResult => {
    const j = JSON.parse(stdout) as {
      message?: string;
      error?: { summary?: string };
      metadata?: { vulnerabilities?: Record<string, number> };
      vulnerabilities?: Record<string, { name: string; severity: string; via: (string | { title?: string })[] }>;
    };
    if (j.error || !j.metadata?.vulnerabilities) {
      const why = j.error?.summary || j.message || 'no audit report';
      // No URL in the reason: a private registry's may hold credentials.
      return {
        checked: false,
        reason: why
          .split('\n')[0]!
          .replace(/https?:\/\/\S+/g, '<registry>')
          .slice(0, 200),
      };
    }
    const v = j.metadata.vulnerabilities;
    return {
      checked: true,
      vulnerabilities: {
        critical: v.critical ?? 0,
        high: v.high ?? 0,
        moderate: v.moderate ?? 0,
        low: v.low ?? 0,
        info: v.info ?? 0,
      },
      advisories: Object.values(j.vulnerabilities ?? {}).map((x) => ({
        name: x.name,
        severity: x.severity,
        title: x.via.map((w) => (typeof w === 'string' ? w : (w.title ?? ''))).join('; '),
      })),
    };
  };
  try {
    const { stdout } = await run('npm', ['audit', '--json', '--omit=dev'], {
      cwd: repoRoot,
      env: { ...process.env, ...env, npm_config_fetch_retries: '0', npm_config_fetch_timeout: '15000' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return parse(stdout);
  } catch (err) {
    // npm audit exits 1 when it finds vulnerabilities (the report is on stdout) or fails.
    const stdout = (err as { stdout?: string }).stdout;
    if (stdout?.trim().startsWith('{')) return parse(stdout);
    return { checked: false, reason: 'npm audit did not run' };
  }
}
