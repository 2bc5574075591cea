// Logging goes to stderr (stdout is for command output, JSON under --json).
// Under --json, or with PIL_LOG_FORMAT=json, logs are pino's JSON lines;
// otherwise one readable line per record.
import pino, { type DestinationStream, type Logger } from 'pino';
import { redact } from './errors.js';

export type { Logger };

export type LoggerOptions = { json: boolean; level: pino.LevelWithSilent; stream?: NodeJS.WritableStream };

const levelNames: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

function humanStream(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      const { level, msg, time: _t, pid: _p, hostname: _h, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const name = levelNames[level as number] ?? 'info';
      const extra = Object.entries(rest)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      const prefix = name === 'info' ? '' : `${name}: `;
      out.write(redact(`${prefix}${String(msg ?? '')}${extra ? ` ${extra}` : ''}\n`));
    },
  };
}

function jsonStream(out: NodeJS.WritableStream): DestinationStream {
  return { write: (line: string) => void out.write(redact(line)) };
}

export function createLogger(options: LoggerOptions): Logger {
  const out = options.stream ?? process.stderr;
  return pino(
    {
      level: options.level,
      base: options.json ? { pid: process.pid } : {},
      redact: { paths: ['privateKey', '*.privateKey', 'apiKey', '*.apiKey'], censor: '[redacted]' },
    },
    options.json ? jsonStream(out) : humanStream(out),
  );
}
