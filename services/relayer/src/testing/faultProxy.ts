/**
 * A loopback HTTP proxy in front of a JSON-RPC endpoint that injects faults, seeded:
 *   drop       the connection is closed without an answer, before the request is forwarded
 *   lost       the request IS forwarded (and executed by the node) but the answer is
 *              dropped: the client cannot tell whether e.g. its transaction was sent
 *   delay      the request is held 100 ms to `maxDelayMs` before forwarding
 *   error500   HTTP 500 with a plain body
 *   reset      TCP reset (RST) of the client's connection
 * Everything else passes. `setRates` changes the mix at run time (e.g. all faults off
 * to let a test finish, or 100 % `error500` for a dead endpoint).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../core/retry.js';

export type FaultKind = 'drop' | 'lost' | 'delay' | 'error500' | 'reset';
export type FaultRates = Partial<Record<FaultKind, number>>;

export type FaultProxy = {
  url: string;
  counts: Record<FaultKind | 'pass', number>;
  setRates(rates: FaultRates): void;
  stop(): Promise<void>;
};

const KINDS: FaultKind[] = ['drop', 'lost', 'delay', 'error500', 'reset'];

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFaultProxy(
  upstream: string,
  options: { seed: number; rates?: FaultRates; maxDelayMs?: number },
): Promise<FaultProxy> {
  const rand = seededRandom(options.seed);
  let rates: FaultRates = options.rates ?? {};
  const maxDelay = options.maxDelayMs ?? 1_500;
  const counts = { pass: 0, drop: 0, lost: 0, delay: 0, error500: 0, reset: 0 };
  const target = new URL(upstream);

  const pick = (): FaultKind | 'pass' => {
    let x = rand();
    for (const k of KINDS) {
      const r = rates[k] ?? 0;
      if (x < r) return k;
      x -= r;
    }
    return 'pass';
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const up = httpRequest(
        {
          hostname: target.hostname,
          port: target.port,
          path: target.pathname,
          method: req.method,
          headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        },
        (res) => {
          readBody(res).then((b) => resolve({ status: res.statusCode ?? 502, body: b }), reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer(async (req, res) => {
    const kind = pick();
    counts[kind]++;
    try {
      const body = await readBody(req);
      if (kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (kind === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }
      if (kind === 'error500') {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('injected fault: internal server error');
        return;
      }
      if (kind === 'delay') await new Promise((r) => setTimeout(r, 100 + Math.floor(rand() * (maxDelay - 100))));
      const answer = await forward(req, body);
      if (kind === 'lost') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    } catch {
      req.socket.destroy();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setRates(r) {
      rates = r;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
