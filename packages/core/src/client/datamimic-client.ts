/**
 * A client of the DATAMIMIC REST API (v1 and v2 routes, see routes.ts) on undici: upload the descriptor
 * closure, start a generation, track the task, list and stream artifacts, read logs, cancel.
 */
import path from 'node:path';
import { MimicfixError } from '@mimicfix/engine';
import type { RemoteOptions } from '../types';
import { writeBodyToFile } from './download';
import { abortedError, sleep } from './retry';
import { classifyTaskStatus, type TaskOutcome } from './routes';
import { Transport } from './transport';

/** Options of {@link DatamimicClient}: the remote connection plus knobs tests and the CLI may turn. */
export interface DatamimicClientOptions extends RemoteOptions {
  /** First retry backoff step; grows ×2 per retry with jitter. @default 500 */
  retryBaseMs?: number;
  /** Longest `Retry-After` honoured; a longer one fails at once. @default 60_000 */
  maxRetryAfterMs?: number;
  /** Seconds a v2 generate asks the server to wait for the task before answering (returncode 3). @default 10 */
  generateWaitS?: number;
  /** Longest poll interval (the interval grows ×1.5 from pollIntervalMs). @default 5_000 */
  maxPollIntervalMs?: number;
  /** Progress and retry lines. Never receives the token. @default no output */
  log?: (line: string) => void;
}

/** A file of the project as the v1 `files/update` route takes it. */
export interface UploadFile {
  code: string;
  encoding: 'utf-8';
  extension: string;
  index: number;
  name: string;
  uri: string;
}

export interface GenerateAnswer {
  taskId: string;
  /** `succeeded`/`failed` when the server finished within the wait, else `running`. */
  outcome: TaskOutcome;
  message?: string;
}

export interface TaskInfo {
  taskId: string;
  status: string;
  name?: string;
}

export interface RemoteArtifact {
  /** Flat file name, e.g. `person.json`. */
  name: string;
  /** Announced size in bytes, or null when unknown. */
  size: number | null;
}

const LOG_TAIL_LINES = 20;

/**
 * Builds the `files/update` body: every closure file with its bytes in base64, `uri` = `<project>/<path>`.
 */
export function toUploadFiles(
  projectId: string,
  files: Array<{ path: string; bytes: Buffer }>,
): UploadFile[] {
  return files.map((file, index) => {
    const base = path.posix.basename(file.path);
    const extension = path.posix.extname(base);
    return {
      code: file.bytes.toString('base64'),
      encoding: 'utf-8',
      extension,
      index,
      name: extension ? base.slice(0, -extension.length) : base,
      uri: `${projectId}/${file.path}`,
    };
  });
}

export class DatamimicClient {
  readonly projectId: string;
  readonly apiVersion: 'v1' | 'v2';
  private readonly transport: Transport;
  private readonly options: Required<Omit<DatamimicClientOptions, 'log' | 'apiVersion'>> & {
    log: (line: string) => void;
  };

  constructor(options: DatamimicClientOptions) {
    for (const key of ['url', 'projectId', 'token'] as const) {
      if (typeof options[key] !== 'string' || options[key].trim() === '') {
        const env = { url: 'DATAMIMIC_URL', projectId: 'DATAMIMIC_PROJECT_ID', token: 'DATAMIMIC_TOKEN' }[
          key
        ];
        throw new MimicfixError('MIMICFIX_CONFIG', `remote.${key} is empty`, { hint: `Set ${env}.` });
      }
    }
    try {
      new URL(options.url);
    } catch (cause) {
      throw new MimicfixError('MIMICFIX_CONFIG', `remote.url is not a URL: ${options.url}`, {
        cause,
        hint: 'Set DATAMIMIC_URL to the base URL of the instance, e.g. https://datamimic.example.com',
      });
    }
    this.projectId = options.projectId;
    this.apiVersion = options.apiVersion ?? 'v2';
    this.options = {
      url: options.url,
      projectId: options.projectId,
      token: options.token,
      taskTimeoutMs: options.taskTimeoutMs ?? 1_800_000,
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      retries: options.retries ?? 4,
      retryBaseMs: options.retryBaseMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      generateWaitS: options.generateWaitS ?? 10,
      maxPollIntervalMs: options.maxPollIntervalMs ?? 5_000,
      log: options.log ?? (() => {}),
    };
    this.transport = new Transport({
      url: this.options.url,
      token: this.options.token,
      projectId: this.projectId,
      retries: this.options.retries,
      requestTimeoutMs: this.options.requestTimeoutMs,
      retryBaseMs: this.options.retryBaseMs,
      maxRetryAfterMs: this.options.maxRetryAfterMs,
      log: (line) => this.options.log(line),
    });
  }

  /** Host of the instance (for the generator identity; never the token). */
  get host(): string {
    return this.transport.host;
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  /** Reads one project file (v1 `file/read`): the answer is a JSON string holding base64. */
  async readFile(file: string, signal?: AbortSignal): Promise<Buffer> {
    const params = { project: this.projectId, file };
    const { data } = await this.transport.json<unknown>('v1.readFile', { params, signal });
    if (typeof data !== 'string') {
      throw this.badShape('v1.readFile', params, 'a JSON string with the file in base64', data);
    }
    return Buffer.from(data, 'base64');
  }

  /** Uploads files (v1 `files/update`); pass the whole descriptor closure so the server runs what we hashed. */
  async updateFiles(files: Array<{ path: string; bytes: Buffer }>, signal?: AbortSignal): Promise<void> {
    await this.transport.json('v1.updateFiles', {
      params: { project: this.projectId },
      json: toUploadFiles(this.projectId, files),
      signal,
    });
  }

  /**
   * Starts a generation. v2 asks the server to wait up to `generateWaitS` (returncode 0 ok, 1 failed,
   * 3 still running); v1 answers with the task id only.
   */
  async generate(signal?: AbortSignal): Promise<GenerateAnswer> {
    const params = { project: this.projectId };
    if (this.apiVersion === 'v1') {
      const { data } = await this.transport.json<{ task_id?: unknown }>('v1.generate', { params, signal });
      const taskId = data?.task_id;
      if (typeof taskId !== 'string' && typeof taskId !== 'number') {
        throw this.badShape('v1.generate', params, '{"task_id": ...}', data);
      }
      return { taskId: String(taskId), outcome: 'running' };
    }
    const wait = this.options.generateWaitS;
    const { data } = await this.transport.json<{
      returncode?: unknown;
      message?: unknown;
      task_id?: unknown;
    }>('v2.generate', {
      params,
      json: { timeout: wait, task_type: 'standard' },
      signal,
      // The server holds the answer for up to `wait` seconds.
      headersTimeoutMs: this.options.requestTimeoutMs + wait * 1000,
    });
    const taskId = data?.task_id;
    if (typeof taskId !== 'string' && typeof taskId !== 'number') {
      throw this.badShape('v2.generate', params, '{"returncode", "message", "task_id"}', data);
    }
    const code = Number(data?.returncode);
    const outcome: TaskOutcome = code === 0 ? 'succeeded' : code === 1 ? 'failed' : 'running';
    return {
      taskId: String(taskId),
      outcome,
      ...(typeof data?.message === 'string' ? { message: data.message } : {}),
    };
  }

  /** Looks a task up through v2 `tasks/search`; `null` while it is not visible yet. */
  async getTask(taskId: string, signal?: AbortSignal): Promise<TaskInfo | null> {
    const params = { project: this.projectId };
    const { data } = await this.transport.json<{ data?: unknown }>('v2.searchTasks', {
      params,
      // Only known filter keys: the server answers 422 to unknown ones.
      json: { filters: { task_id: taskId }, pagination: { page: 1, per_page: 1 } },
      signal,
    });
    const rows = data?.data;
    if (!Array.isArray(rows)) throw this.badShape('v2.searchTasks', params, '{"data": [...]}', data);
    // A row of another task (a server that ignored the filter) is not ours: keep waiting for ours.
    const idOf = (r: unknown) => (r as { task_id?: unknown } | null)?.task_id;
    const row =
      rows.find((r) => String(idOf(r)) === taskId) ??
      (rows.length === 1 && idOf(rows[0]) === undefined ? rows[0] : undefined);
    if (row === undefined) return null;
    const status = (row as { status?: unknown }).status;
    if (typeof status !== 'string')
      throw this.badShape('v2.searchTasks', params, 'a task with a status', row);
    const name = (row as { name?: unknown }).name;
    return { taskId, status, ...(typeof name === 'string' ? { name } : {}) };
  }

  /**
   * Polls the task until it finishes. Backoff from `pollIntervalMs` ×1.5 up to `maxPollIntervalMs`; an empty
   * search answer means "not visible yet"; an unknown status means "still running". Throws
   * MIMICFIX_TASK_FAILED (status + log tail), MIMICFIX_TASK_TIMEOUT, or MIMICFIX_ABORTED after cancelling the
   * task on the server.
   */
  async waitForTask(
    taskId: string,
    options: { signal?: AbortSignal; onStatus?: (status: string) => void } = {},
  ): Promise<TaskInfo> {
    const { signal } = options;
    const deadline = Date.now() + this.options.taskTimeoutMs;
    let interval = this.options.pollIntervalMs;
    let last: string | undefined;
    try {
      for (;;) {
        const task = await this.getTask(taskId, signal);
        if (task !== null) {
          if (task.status !== last) {
            last = task.status;
            options.onStatus?.(task.status);
            this.options.log(`task ${taskId}: ${task.status}`);
          }
          const outcome = classifyTaskStatus(task.status);
          if (outcome === 'succeeded') return task;
          if (outcome === 'failed') throw await this.taskFailed(taskId, task.status, signal);
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new MimicfixError(
            'MIMICFIX_TASK_TIMEOUT',
            `task ${taskId} of project ${this.projectId} did not finish within ${Math.round(this.options.taskTimeoutMs / 1000)} s (last status: ${last ?? 'not visible yet'})`,
            {
              hint: 'The task may still be running on the server; raise remote.taskTimeoutMs for large descriptors.',
              details: { taskId, status: last ?? null },
            },
          );
        }
        await sleep(Math.min(interval, left), signal);
        interval = Math.min(this.options.maxPollIntervalMs, Math.round(interval * 1.5));
      }
    } catch (error) {
      if (signal?.aborted) {
        await this.cancelQuietly(taskId);
        throw abortedError(signal, `remote task ${taskId}`);
      }
      throw error;
    }
  }

  /**
   * Lists a finished task's artifacts from v2 metadata. When the instance has no metadata route (404) and
   * `fallback` is given, those names are used with unknown sizes.
   */
  async listArtifacts(taskId: string, fallback?: string[], signal?: AbortSignal): Promise<RemoteArtifact[]> {
    const params = { project: this.projectId, task: taskId };
    const { status, data } = await this.transport.json<{ artifacts?: unknown }>('v2.artifactsMetadata', {
      params,
      signal,
      acceptStatus: fallback ? [404, 405] : [],
    });
    if (status === 404 || status === 405) {
      this.options.log(
        `task ${taskId}: no artifact metadata (${status}); using the descriptor's expected artifacts`,
      );
      return (fallback ?? []).map((name) => ({ name, size: null }));
    }
    const list = data?.artifacts;
    if (!Array.isArray(list))
      throw this.badShape('v2.artifactsMetadata', params, '{"artifacts": [...]}', data);
    return list.map((item) => {
      const entry = item as { url?: unknown; name?: unknown; size?: unknown };
      const name = typeof entry.name === 'string' ? entry.name : artifactNameFromUrl(entry.url);
      if (name === undefined)
        throw this.badShape('v2.artifactsMetadata', params, 'artifacts with a url', item);
      const size = Number(entry.size);
      return {
        name,
        size: entry.size !== undefined && entry.size !== null && Number.isFinite(size) ? size : null,
      };
    });
  }

  /**
   * Streams one artifact to `dest` (v2 `artifacts/{name}/download`), checking the byte count against `size`
   * (or Content-Length). Truncated → MIMICFIX_DOWNLOAD_TRUNCATED and `dest` is not created.
   */
  async downloadArtifact(
    taskId: string,
    artifact: RemoteArtifact,
    dest: string,
    signal?: AbortSignal,
  ): Promise<number> {
    const params = { project: this.projectId, task: taskId, name: artifact.name };
    const where = this.transport.describe('v2.downloadArtifact', params);
    return this.transport.stream('v2.downloadArtifact', { params, signal }, (res) =>
      writeBodyToFile(res, dest, artifact.size, where),
    );
  }

  /**
   * v1 download of `{name}/{format}` (e.g. `person/json`). With `waitReady`, a 404 means "not written yet" and
   * is polled until the task timeout: v1 has no task-status route.
   */
  async downloadArtifactV1(
    taskId: string,
    name: string,
    format: string,
    dest: string,
    options: { signal?: AbortSignal; waitReady?: boolean } = {},
  ): Promise<number> {
    const params = { project: this.projectId, task: taskId, name, format };
    const where = this.transport.describe('v1.downloadArtifact', params);
    const deadline = Date.now() + this.options.taskTimeoutMs;
    let interval = this.options.pollIntervalMs;
    for (;;) {
      const written = await this.transport.stream(
        'v1.downloadArtifact',
        { params, signal: options.signal, acceptStatus: options.waitReady ? [404] : [] },
        async (res) => (res.status === 404 ? null : writeBodyToFile(res, dest, null, where)),
      );
      if (written !== null) return written;
      if (Date.now() >= deadline) {
        throw new MimicfixError(
          'MIMICFIX_TASK_TIMEOUT',
          `${where}: artifact not available within ${Math.round(this.options.taskTimeoutMs / 1000)} s`,
          {
            hint: 'v1 has no task-status route: a failed task looks like a missing artifact. Check the task in the DATAMIMIC UI, or use apiVersion v2.',
            details: { taskId },
          },
        );
      }
      await sleep(interval, options.signal);
      interval = Math.min(this.options.maxPollIntervalMs, Math.round(interval * 1.5));
    }
  }

  /** Streams the ZIP of all artifacts (v2) to `dest`. */
  async downloadZip(taskId: string, dest: string, signal?: AbortSignal): Promise<number> {
    const params = { project: this.projectId, task: taskId };
    const where = this.transport.describe('v2.downloadZip', params);
    return this.transport.stream('v2.downloadZip', { params, signal }, (res) =>
      writeBodyToFile(res, dest, null, where),
    );
  }

  /** The task's log so far (v2 `logs?encode=false`); `completed` from `X-Log-Completed`. */
  async fetchLogs(taskId: string, signal?: AbortSignal): Promise<{ text: string; completed: boolean }> {
    const { text, headers } = await this.transport.text('v2.logs', {
      params: { project: this.projectId, task: taskId },
      signal,
    });
    const flag = headers['x-log-completed'];
    return { text, completed: String(Array.isArray(flag) ? flag[0] : flag).toLowerCase() === 'true' };
  }

  /** Cancels a task (v2 `tasks/{task}/cancel`). */
  async cancelTask(taskId: string): Promise<void> {
    await this.transport.json('v2.cancel', { params: { task: taskId } });
  }

  /** Builds MIMICFIX_TASK_FAILED with the status and the tail of the task log. */
  async taskFailed(taskId: string, status: string, signal?: AbortSignal): Promise<MimicfixError> {
    let tail = '';
    try {
      const logs = await this.fetchLogs(taskId, signal);
      tail = this.transport.redact(logs.text.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n'));
    } catch (error) {
      tail = `(log unavailable: ${this.transport.redact(error instanceof Error ? error.message : String(error))})`;
    }
    return new MimicfixError(
      'MIMICFIX_TASK_FAILED',
      `task ${taskId} of project ${this.projectId} ended with status ${status}${tail ? `; log tail:\n${tail}` : ''}`,
      {
        hint: 'Fix the descriptor (see the log above) or open the task in the DATAMIMIC UI.',
        details: { taskId, status },
      },
    );
  }

  private async cancelQuietly(taskId: string): Promise<void> {
    try {
      await this.cancelTask(taskId);
      this.options.log(`task ${taskId}: cancelled`);
    } catch (error) {
      this.options.log(
        `task ${taskId}: cancel failed: ${this.transport.redact(error instanceof Error ? error.message : String(error))}`,
      );
    }
  }

  private badShape(
    route: Parameters<Transport['describe']>[0],
    params: Record<string, string>,
    want: string,
    got: unknown,
  ): MimicfixError {
    let shown: string;
    try {
      shown = JSON.stringify(got) ?? String(got);
    } catch {
      shown = String(got);
    }
    shown = this.transport.redact(shown);
    return new MimicfixError(
      'MIMICFIX_HTTP_BAD_RESPONSE',
      `${this.transport.describe(route, params)}: expected ${want}, got ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}`,
      { details: { route } },
    );
  }
}

/** `.../artifacts/<name>/download` → `<name>` (decoded). */
function artifactNameFromUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const match = /\/artifacts\/([^/?#]+)\/download(?:[?#].*)?$/.exec(url);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
