/**
 * The HTTP layer of the DATAMIMIC client: one undici Agent, the Bearer header, bounded retries, and the mapping
 * of every failure to a MimicfixError whose message is `[METHOD] path: status` plus a short body excerpt.
 * Headers are never put into errors or logs, and the token is scrubbed from any text we show.
 */

import { MimicfixError, type MimicfixErrorCode } from '@mimicfix/engine';
import { Agent, type Dispatcher, request } from 'undici';
import { abortedError, backoffMs, parseRetryAfter, sleep } from './retry';
import { buildPath, ROUTES, type RouteName } from './routes';

export interface TransportOptions {
  /** Base URL of the instance; a path prefix (`https://host/datamimic`) is kept. */
  url: string;
  token: string;
  /** Project id, used in hints. */
  projectId: string;
  /** Retries after the first attempt. */
  retries: number;
  /** undici headersTimeout and bodyTimeout. */
  requestTimeoutMs: number;
  /** First backoff step. */
  retryBaseMs: number;
  /** Longest `Retry-After` we wait; a longer one fails at once. */
  maxRetryAfterMs: number;
  log?: (line: string) => void;
}

export interface CallOptions {
  params?: Record<string, string>;
  /** JSON request body. */
  json?: unknown;
  signal?: AbortSignal;
  /** Header timeout for this call only (a v2 generate waits on the server). */
  headersTimeoutMs?: number;
  /** Statuses the caller handles itself: returned instead of thrown. */
  acceptStatus?: readonly number[];
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
}

/** Thrown inside one attempt; the retry loop decides whether to try again. */
class AttemptFailure {
  constructor(
    readonly error: MimicfixError,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {}
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const EXCERPT_CHARS = 300;
const ERROR_BODY_LIMIT = 64 * 1024;

export class Transport {
  readonly options: TransportOptions;
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(options: TransportOptions) {
    this.options = options;
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.agent = new Agent({
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      connect: { timeout: Math.min(options.requestTimeoutMs, 10_000) },
    });
  }

  /** Host of the base URL (part of the generator identity). */
  get host(): string {
    return this.base.host;
  }

  /** `[METHOD] path` of a route, for messages. */
  describe(route: RouteName, params: Record<string, string> = {}): string {
    return `[${ROUTES[route].method}] ${this.pathOf(route, params)}`;
  }

  /** Replaces every occurrence of the token in `text` (defence in depth: a server may echo it). */
  redact(text: string): string {
    const { token } = this.options;
    return token.length >= 4 ? text.split(token).join('***') : text;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Calls a route and parses a JSON answer. Invalid JSON → MIMICFIX_HTTP_BAD_RESPONSE. */
  async json<T = unknown>(route: RouteName, call: CallOptions = {}): Promise<{ status: number; data: T }> {
    return this.withRetries(route, call, async (res) => {
      const text = await res.body.text();
      if (call.acceptStatus?.includes(res.status) && res.status >= 400) {
        return { status: res.status, data: undefined as T };
      }
      if (text.trim() === '') return { status: res.status, data: null as T };
      try {
        return { status: res.status, data: JSON.parse(text) as T };
      } catch (cause) {
        throw new MimicfixError(
          'MIMICFIX_HTTP_BAD_RESPONSE',
          `${this.describe(route, call.params)}: ${res.status}: answer is not valid JSON: ${this.excerpt(text)}`,
          {
            cause,
            hint: 'Check DATAMIMIC_URL: it must be the base URL of the DATAMIMIC instance (not a login page or proxy).',
            details: { status: res.status, route },
          },
        );
      }
    });
  }

  /** Calls a route and returns the text body and headers. */
  async text(
    route: RouteName,
    call: CallOptions = {},
  ): Promise<{ status: number; text: string; headers: Response['headers'] }> {
    return this.withRetries(route, call, async (res) => ({
      status: res.status,
      text: await res.body.text(),
      headers: res.headers,
    }));
  }

  /**
   * Calls a route and hands the open response to `consume` (downloads). A failure thrown by `consume` that
   * is a network/truncation error is retried like any other attempt.
   */
  async stream<R>(route: RouteName, call: CallOptions, consume: (res: Response) => Promise<R>): Promise<R> {
    return this.withRetries(route, call, consume);
  }

  private pathOf(route: RouteName, params: Record<string, string>): string {
    return buildPath(route, params);
  }

  private urlOf(route: RouteName, params: Record<string, string>): URL {
    // The route path is relative to the base so that a base path prefix survives.
    return new URL(this.pathOf(route, params).replace(/^\//, ''), this.base);
  }

  /** The request URL without user info, for messages. */
  private hostUrl(route: RouteName, params: Record<string, string>): string {
    const url = this.urlOf(route, params);
    url.username = '';
    url.password = '';
    return this.redact(url.href);
  }

  private excerpt(text: string): string {
    const flat = this.redact(text).replace(/\s+/g, ' ').trim();
    return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat || '(empty body)';
  }

  private async withRetries<R>(
    route: RouteName,
    call: CallOptions,
    consume: (res: Response) => Promise<R>,
  ): Promise<R> {
    const maxAttempts = this.options.retries + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(route, call, consume);
      } catch (thrown) {
        if (!(thrown instanceof AttemptFailure)) throw thrown;
        if (!thrown.retryable || attempt >= maxAttempts) {
          if (attempt > 1) thrown.error.message += ` (gave up after ${attempt} attempts)`;
          throw thrown.error;
        }
        let wait = backoffMs(attempt, this.options.retryBaseMs);
        if (thrown.retryAfterMs !== undefined) {
          if (thrown.retryAfterMs > this.options.maxRetryAfterMs) {
            thrown.error.message += ` (server asked to retry after ${Math.ceil(thrown.retryAfterMs / 1000)} s, more than the ${Math.ceil(this.options.maxRetryAfterMs / 1000)} s we wait)`;
            throw thrown.error;
          }
          wait = Math.max(wait, thrown.retryAfterMs);
        }
        this.options.log?.(
          `${firstLine(thrown.error.message)}; retry ${attempt}/${this.options.retries} in ${wait} ms`,
        );
        await sleep(wait, call.signal);
      }
    }
  }

  private async attempt<R>(
    route: RouteName,
    call: CallOptions,
    consume: (res: Response) => Promise<R>,
  ): Promise<R> {
    const spec = ROUTES[route];
    const params = call.params ?? {};
    const where = this.describe(route, params);
    // Connection problems are about the host: name it (never the token, which travels in a header).
    const whereWithHost = `[${spec.method}] ${this.hostUrl(route, params)}`;
    if (call.signal?.aborted) throw abortedError(call.signal);
    let res: Response;
    try {
      const raw = await request(this.urlOf(route, params), {
        method: spec.method,
        dispatcher: this.agent,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept: 'application/json',
          ...(call.json !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: call.json !== undefined ? JSON.stringify(call.json) : undefined,
        signal: call.signal,
        ...(call.headersTimeoutMs !== undefined ? { headersTimeout: call.headersTimeoutMs } : {}),
      });
      res = { status: raw.statusCode, headers: raw.headers, body: raw.body };
    } catch (cause) {
      throw this.transportFailure(whereWithHost, cause, call.signal, spec.idempotent, false);
    }

    if (res.status >= 400 && !call.acceptStatus?.includes(res.status)) {
      let text = '';
      try {
        text = await readLimited(res.body, ERROR_BODY_LIMIT);
      } catch {
        // The status alone is enough to report.
      }
      throw this.statusFailure(route, where, res, text, spec.idempotent);
    }

    try {
      return await consume(res);
    } catch (cause) {
      if (cause instanceof AttemptFailure) throw cause;
      if (cause instanceof MimicfixError) {
        // A truncated download is worth another attempt on an idempotent route.
        if (cause.code === 'MIMICFIX_DOWNLOAD_TRUNCATED') throw new AttemptFailure(cause, spec.idempotent);
        throw cause;
      }
      throw this.transportFailure(whereWithHost, cause, call.signal, spec.idempotent, true);
    } finally {
      // Release the socket if the consumer left the body unread.
      if (!res.body.destroyed && !res.body.readableEnded) {
        res.body.on('error', () => {});
        res.body.destroy();
      }
    }
  }

  private transportFailure(
    where: string,
    cause: unknown,
    signal: AbortSignal | undefined,
    idempotent: boolean,
    midBody: boolean,
  ): AttemptFailure | MimicfixError {
    if (signal?.aborted) return abortedError(signal);
    const code = (cause as { code?: string } | null)?.code ?? '';
    const detail = this.redact((cause as Error | null)?.message ?? String(cause));
    if (TIMEOUT_CODES.has(code)) {
      const what = code === 'UND_ERR_HEADERS_TIMEOUT' ? 'no response headers' : 'response body stalled';
      return new MimicfixError(
        'MIMICFIX_HTTP_TIMEOUT',
        `${where}: ${what} within ${this.options.requestTimeoutMs} ms`,
        {
          cause,
          hint: 'The DATAMIMIC instance is slow or unreachable; raise remote.requestTimeoutMs if it is just slow.',
          details: { code },
        },
      );
    }
    if (NETWORK_CODES.has(code) || /other side closed|socket/i.test(detail)) {
      const errorCode: MimicfixErrorCode = midBody ? 'MIMICFIX_DOWNLOAD_TRUNCATED' : 'MIMICFIX_HTTP_NETWORK';
      const error = new MimicfixError(
        errorCode,
        `${where}: ${midBody ? 'connection lost while reading the body' : 'connection failed'} (${code || detail})`,
        {
          cause,
          hint: 'Check DATAMIMIC_URL and the network path to the DATAMIMIC instance.',
          details: { code },
        },
      );
      // A refused connection never reached the server: safe to retry even a generate.
      return new AttemptFailure(error, idempotent || code === 'ECONNREFUSED');
    }
    return new MimicfixError('MIMICFIX_HTTP_NETWORK', `${where}: request failed: ${detail}`, {
      cause,
      details: { code },
    });
  }

  private statusFailure(
    route: RouteName,
    where: string,
    res: Response,
    text: string,
    idempotent: boolean,
  ): AttemptFailure | MimicfixError {
    const status = res.status;
    const parsed = parseErrorBody(text);
    const excerpt = this.excerpt(parsed?.detail !== undefined ? String(parsed.detail) : text);
    const details = { status, route, ...(parsed?.code ? { serverCode: parsed.code } : {}) };
    if (status === 401 || status === 403) {
      return new MimicfixError('MIMICFIX_HTTP_AUTH', `${where}: ${status}: ${excerpt}`, {
        hint: `The project access token in DATAMIMIC_TOKEN was refused for project ${this.options.projectId} (invalid, expired or not for this project). Create a new token in the DATAMIMIC UI.`,
        details,
      });
    }
    if (status === 404) {
      return new MimicfixError('MIMICFIX_HTTP_NOT_FOUND', `${where}: 404: ${excerpt}`, {
        hint: 'Check DATAMIMIC_PROJECT_ID and DATAMIMIC_URL (the project, task or file does not exist there).',
        details,
      });
    }
    if (status === 422) {
      const problems = (parsed?.errors ?? [])
        .map((e) => `${Array.isArray(e.loc) ? e.loc.join('.') : String(e.loc ?? '?')}: ${e.msg ?? '?'}`)
        .join('; ');
      return new MimicfixError(
        'MIMICFIX_HTTP_VALIDATION',
        `${where}: 422: ${excerpt}${problems ? ` — ${this.redact(problems)}` : ''}`,
        {
          hint: 'The server rejected the request body; the route table in client/routes.ts may need a fix for this instance.',
          details,
        },
      );
    }
    const error = new MimicfixError('MIMICFIX_HTTP_STATUS', `${where}: ${status}: ${excerpt}`, { details });
    const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
    if (status === 429 || status === 503) return new AttemptFailure(error, true, retryAfterMs);
    if (status >= 500) return new AttemptFailure(error, idempotent, retryAfterMs);
    return error;
  }
}

interface ErrorBody {
  detail?: unknown;
  code?: string;
  errors?: Array<{ loc?: unknown; msg?: string }>;
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as ErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

async function readLimited(body: Response['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    chunks.push(buf);
    size += buf.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
