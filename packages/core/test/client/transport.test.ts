import { isMimicfixError, type MimicfixError } from '@mimicfix/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { DatamimicClient, type DatamimicClientOptions } from '../../src/client/datamimic-client';
import {
  hangBody,
  hangHeaders,
  reply,
  resetConnection,
  type ScriptedServer,
  type Step,
  scriptedServer,
} from './scripted-server';

const TOKEN = 'tok-transport-9c1e55';
let server: ScriptedServer | undefined;
let client: DatamimicClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(steps: Step[], extra: Partial<DatamimicClientOptions> = {}): Promise<DatamimicClient> {
  server = await scriptedServer(steps);
  client = new DatamimicClient({
    url: server.url,
    projectId: 'proj-1',
    token: TOKEN,
    retries: 3,
    retryBaseMs: 5,
    requestTimeoutMs: 2_000,
    ...extra,
  });
  return client;
}

async function failure(promise: Promise<unknown>): Promise<MimicfixError> {
  try {
    await promise;
  } catch (error) {
    if (isMimicfixError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const searchOk = reply(200, { data: [{ task_id: 't1', status: 'RUNNING' }], meta: {} });

describe('DATAMIMIC client transport', () => {
  it('sends the Bearer token and JSON accept header, and reads a base64 file', async () => {
    const c = await setup([reply(200, JSON.stringify(Buffer.from('<setup/>').toString('base64')))]);
    expect((await c.readFile('datamimic.xml')).toString()).toBe('<setup/>');
    expect(server?.requests[0]?.url).toBe('/api/v1/proj-1/file/read/datamimic.xml');
    expect(server?.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server?.requests[0]?.headers.accept).toBe('application/json');
  });

  it.each([401, 403])('%i → MIMICFIX_HTTP_AUTH naming DATAMIMIC_TOKEN, no retry', async (status) => {
    const c = await setup([
      reply(status, { detail: 'Invalid credentials', code: 'AUTH_INVALID_CREDENTIALS' }),
    ]);
    const error = await failure(c.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_AUTH');
    expect(error.message).toBe(`[POST] /api/v2/projects/proj-1/tasks/search: ${status}: Invalid credentials`);
    expect(error.format()).toContain('DATAMIMIC_TOKEN');
    expect(error.format()).not.toContain(TOKEN);
    expect(server?.requests).toHaveLength(1);
  });

  it('404 → MIMICFIX_HTTP_NOT_FOUND with the path', async () => {
    const c = await setup([reply(404, { detail: 'File not found', code: 'NOT_FOUND' })]);
    const error = await failure(c.readFile('missing.xml'));
    expect(error.code).toBe('MIMICFIX_HTTP_NOT_FOUND');
    expect(error.message).toBe('[GET] /api/v1/proj-1/file/read/missing.xml: 404: File not found');
    expect(server?.requests).toHaveLength(1);
  });

  it("422 → MIMICFIX_HTTP_VALIDATION showing the server's detail and errors", async () => {
    const c = await setup([
      reply(422, {
        detail: 'Validation error',
        code: 'VALIDATION_ERROR',
        errors: [{ loc: ['body', 'filters', 'x'], msg: 'Extra inputs are not permitted', input: 1 }],
      }),
    ]);
    const error = await failure(c.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_VALIDATION');
    expect(error.message).toContain('422: Validation error');
    expect(error.message).toContain('body.filters.x: Extra inputs are not permitted');
    expect(server?.requests).toHaveLength(1);
  });

  it('honours Retry-After on 429 and 503, then succeeds', async () => {
    const c = await setup([
      reply(429, { detail: 'slow down' }, { 'retry-after': '1' }),
      reply(503, { detail: 'maintenance' }, { 'retry-after': '0' }),
      searchOk,
    ]);
    expect((await c.getTask('t1'))?.status).toBe('RUNNING');
    const at = server?.requests.map((r) => r.at) ?? [];
    expect(at).toHaveLength(3);
    // The retry waited for the announced second, not the 5 ms backoff.
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('fails at once when Retry-After exceeds the cap', async () => {
    const c = await setup([reply(503, { detail: 'down' }, { 'retry-after': '3600' })], {
      maxRetryAfterMs: 5_000,
    });
    const error = await failure(c.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_STATUS');
    expect(error.message).toContain('retry after 3600 s');
    expect(server?.requests).toHaveLength(1);
  });

  it('retries 5xx with backoff and gives up after retries + 1 attempts', async () => {
    const c = await setup([reply(502, 'bad gateway')]);
    const error = await failure(c.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_STATUS');
    expect(error.message).toBe(
      '[POST] /api/v2/projects/proj-1/tasks/search: 502: bad gateway (gave up after 4 attempts)',
    );
    expect(server?.requests).toHaveLength(4);
  });

  it('recovers after transient 500s', async () => {
    const lines: string[] = [];
    const c = await setup([reply(500, { detail: 'oops' }), reply(500, { detail: 'oops' }), searchOk], {
      log: (line) => lines.push(line),
    });
    expect((await c.getTask('t1'))?.status).toBe('RUNNING');
    expect(server?.requests).toHaveLength(3);
    expect(lines.map((l) => l.replace(/in \d+ ms/, 'in N ms'))).toEqual([
      '[POST] /api/v2/projects/proj-1/tasks/search: 500: oops; retry 1/3 in N ms',
      '[POST] /api/v2/projects/proj-1/tasks/search: 500: oops; retry 2/3 in N ms',
    ]);
  });

  it('does not retry a generate after a 500 (it may have started a task) but does after 503', async () => {
    const c = await setup([reply(500, { detail: 'boom' })]);
    expect((await failure(c.generate())).code).toBe('MIMICFIX_HTTP_STATUS');
    expect(server?.requests).toHaveLength(1);
    await c.close();
    await server?.close();
    const c2 = await setup([
      reply(503, { detail: 'busy' }),
      reply(200, { returncode: 3, task_id: 't9', message: '' }),
    ]);
    expect(await c2.generate()).toEqual({ taskId: 't9', outcome: 'running', message: '' });
    expect(server?.requests).toHaveLength(2);
    expect(JSON.parse(server?.requests[1]?.body ?? '')).toEqual({ timeout: 10, task_type: 'standard' });
  });

  it('retries connection resets and reports MIMICFIX_HTTP_NETWORK after the last attempt', async () => {
    const c = await setup([resetConnection, resetConnection, searchOk]);
    expect((await c.getTask('t1'))?.status).toBe('RUNNING');
    expect(server?.requests).toHaveLength(3);
    await c.close();
    await server?.close();
    const c2 = await setup([resetConnection], { retries: 2 });
    const error = await failure(c2.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_NETWORK');
    expect(server?.requests).toHaveLength(3);
    // Names the host (where the connection failed), never the token.
    expect(error.message).toContain(`[POST] ${new URL(server?.url ?? '').origin}/`);
    expect(error.message).not.toContain(TOKEN);
  });

  it('slow headers → MIMICFIX_HTTP_TIMEOUT', async () => {
    const c = await setup([hangHeaders], { requestTimeoutMs: 300 });
    const error = await failure(c.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_TIMEOUT');
    expect(error.message).toContain('no response headers within 300 ms');
  });

  it('slow body → MIMICFIX_HTTP_TIMEOUT', async () => {
    const c = await setup([hangBody], { requestTimeoutMs: 300 });
    const error = await failure(c.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_TIMEOUT');
    expect(error.message).toContain('response body stalled');
  });

  it('invalid JSON → MIMICFIX_HTTP_BAD_RESPONSE with an excerpt, and a wrong shape too', async () => {
    const c = await setup([reply(200, '<html><body>Login</body></html>')]);
    const error = await failure(c.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_BAD_RESPONSE');
    expect(error.message).toContain('not valid JSON: <html><body>Login</body></html>');
    await c.close();
    await server?.close();
    const c2 = await setup([reply(200, { items: [] })]);
    expect((await failure(c2.getTask('t1'))).code).toBe('MIMICFIX_HTTP_BAD_RESPONSE');
  });

  it('scrubs the token from body excerpts and never shows headers', async () => {
    const c = await setup([reply(400, { detail: `bad header Authorization: Bearer ${TOKEN}` })]);
    const error = await failure(c.getTask('t1'));
    expect(error.code).toBe('MIMICFIX_HTTP_STATUS');
    expect(error.message).toBe(
      '[POST] /api/v2/projects/proj-1/tasks/search: 400: bad header Authorization: Bearer ***',
    );
    expect(JSON.stringify(error.details)).not.toContain(TOKEN);
  });

  it('percent-encodes path parameters as one segment', async () => {
    const c = await setup([reply(200, JSON.stringify(''))]);
    await c.readFile('data/a b?.csv');
    expect(server?.requests[0]?.url).toBe('/api/v1/proj-1/file/read/data%2Fa%20b%3F.csv');
  });
});
