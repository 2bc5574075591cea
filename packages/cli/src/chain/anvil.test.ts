import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../errors.js';
import { startTestChain, useAnvil } from '../test-utils/anvil.js';
import { startAnvil } from './anvil.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('anvil fixture', () => {
  const chain = useAnvil({ chainId: 31339 });

  it('serves the requested chain id on a free loopback port', async () => {
    expect(chain().port).toBeGreaterThan(0);
    expect(chain().rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await chain().client.getChainId()).toBe(31339);
  });

  it('stops the process', async () => {
    const other = await startTestChain({ chainId: 31340 });
    expect(isAlive(other.pid)).toBe(true);
    await other.stop();
    expect(isAlive(other.pid)).toBe(false);
  });

  it('reports a taken port clearly', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const err = await startAnvil({ chainId: 31341, port }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NetworkError);
      expect((err as NetworkError).shortMessage).toContain(`Port ${port}`);
    } finally {
      server.close();
    }
  });
});
