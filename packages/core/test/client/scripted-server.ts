/**
 * A tiny node:http server on 127.0.0.1:0 whose answers are scripted per attempt, for retry tests: the n-th
 * request runs the n-th step (the last step repeats). Records every request it saw.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Step = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export interface ScriptedServer {
  url: string;
  /** Requests seen, in order. */
  requests: Array<{
    method: string;
    url: string;
    at: number;
    body: string;
    headers: http.IncomingHttpHeaders;
  }>;
  close(): Promise<void>;
}

export async function scriptedServer(steps: Step[]): Promise<ScriptedServer> {
  const requests: ScriptedServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        at: Date.now(),
        body,
        headers: req.headers,
      });
      const step = steps[Math.min(requests.length, steps.length) - 1];
      step?.(req, res, body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** Step helpers. */
export const reply =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  (_req, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };

export const resetConnection: Step = (req) => {
  req.socket.destroy();
};

export const hangHeaders: Step = () => {
  // Never answers: the client's headersTimeout must fire.
};

export const hangBody: Step = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  res.write('[');
  // Stalls after the first byte: the client's bodyTimeout must fire.
};
