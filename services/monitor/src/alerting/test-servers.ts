/**
 * Real local receivers for the alerting tests: an HTTP server standing in for PagerDuty or a
 * Slack webhook, and an SMTP server that parses what it receives. Both bind port 0 on loopback.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = { method: string; path: string; contentType: string | undefined; body: string };
export type Reply = { status: number; body?: string; headers?: Record<string, string> };

export type HttpReceiver = {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  requests: Received[];
  /** Parsed JSON bodies of the requests so far. */
  bodies(): unknown[];
  /** Answers to use, in order, before falling back to the default reply. */
  script: Reply[];
  /** Never answer: for timeouts. */
  hang: boolean;
  close(): Promise<void>;
};

export async function startHttpReceiver(reply: Reply): Promise<HttpReceiver> {
  const requests: Received[] = [];
  const receiver: HttpReceiver = {
    url: '',
    requests,
    bodies: () => requests.map((r) => JSON.parse(r.body) as unknown),
    script: [],
    hang: false,
    close: () => close(server),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (receiver.hang) return;
      const answer = receiver.script.shift() ?? reply;
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}

export type SmtpReceiver = { port: number; messages: ParsedMail[]; close(): Promise<void> };

/** `port` 0 picks a free port; a test restarting "the same" server passes the port it got before. */
export async function startSmtpReceiver(
  options: { port?: number; auth?: { user: string; pass: string } } = {},
): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Reverse DNS of 127.0.0.1 costs ~150 ms per connection.
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      const ok =
        options.auth !== undefined && auth.username === options.auth.user && auth.password === options.auth.pass;
      callback(ok ? null : new Error('Invalid username or password'), ok ? { user: auth.username } : undefined);
    },
    onData(stream, _session, callback) {
      // Parse before acknowledging, so the message is recorded once the client's send resolves.
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
