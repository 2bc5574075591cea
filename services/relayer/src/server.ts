/** /health, /ready, /status (JSON) and /metrics (Prometheus) on one loopback HTTP server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Relayer } from './core/relayer.js';
import type { Metrics } from './metrics/metrics.js';

export async function startServer(
  relayer: Relayer,
  metrics: Metrics,
  options: { host: string; port: number },
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(`${JSON.stringify(body, null, 2)}\n`);
    };
    const url = (req.url ?? '/').split('?')[0];
    try {
      if (url === '/health') return send(200, { ok: true, relayer: relayer.account.address });
      if (url === '/ready') {
        const r = relayer.ready();
        return send(r.ready ? 200 : 503, r);
      }
      if (url === '/status' || url === '/relayers/health') return send(200, relayer.status());
      if (url === '/metrics') {
        for (const c of relayer.chains.values()) {
          metrics.balance.set({ chain: String(c.cfg.chainId) }, Number(c.balance));
          metrics.lastBlock.set({ chain: String(c.cfg.chainId) }, c.scanned);
        }
        for (const l of relayer.lag()) {
          metrics.checkpointLag.set({ src_chain: String(l.src), dst_chain: String(l.dst) }, l.lag);
        }
        metrics.registry
          .metrics()
          .then((text) => {
            res.writeHead(200, { 'content-type': metrics.registry.contentType });
            res.end(text);
          })
          .catch(() => send(500, { error: 'metrics failed' }));
        return;
      }
      send(404, { error: 'not found', paths: ['/health', '/ready', '/status', '/metrics'] });
    } catch {
      send(500, { error: 'internal error' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host}:${port}` };
}
