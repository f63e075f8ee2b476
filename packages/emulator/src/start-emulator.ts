/**
 * The DATAMIMIC emulator: a node:http server on 127.0.0.1 that speaks the v1/v2 REST routes the mimicfix
 * client uses, stores uploaded project files in a temp folder it owns, and generates with the mimicfix engine.
 * Built for tests (fault injection, request counts) and for running the remote path in CI without credentials.
 */
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generate as engineGenerate } from '@mimicfix/engine';
import { FaultInjector, type FaultSpec } from './faults';
import { type EmulatorRouteName, matchRoute, ROUTE_NAMES } from './routes';
import { createTask, type EmulatorGenerator, FINAL_STATUSES, type Task, type TaskStatus } from './tasks';
import { buildZip } from './zip';

export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /**
   * Accepted project access tokens: one token for every project, or a token per project id (other projects
   * answer 404). Unset: any non-empty Bearer token is accepted.
   */
  tokens?: string | Record<string, string>;
  /** Root descriptor file name inside a project. @default 'datamimic.xml' */
  descriptor?: string;
  /** Seed passed to the engine. @default 'mimicfix' */
  seed?: string | number;
  /** A new task is missing from `tasks/search` for this long (like the real API right after dispatch). @default 0 */
  visibilityDelayMs?: number;
  /** Time a task stays QUEUED before it runs. @default 10 */
  queueDelayMs?: number;
  /** Extra artifacts (file name → size in bytes) that every successful task serves, synthesised on the fly. */
  syntheticArtifacts?: Record<string, number>;
  /** Replaces the engine (tests, benchmarks). */
  generator?: EmulatorGenerator;
  /** Folder for project files and task outputs. @default a fresh temp folder, removed on close */
  dataDir?: string;
  /** Receives one line per request (method, path, status). Never headers. */
  log?: (line: string) => void;
}

export interface EmulatorTaskView {
  id: string;
  project: string;
  status: TaskStatus;
  log: string;
}

export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:41234` (use as DATAMIMIC_URL). */
  url: string;
  port: number;
  /** Folder holding `projects/` and `tasks/`. */
  dataDir: string;
  /** Scripted failures for the next requests of a route. */
  faults: FaultInjector;
  /** Requests received per route (faulted ones included); `unknown` for unmatched paths. */
  counts: Record<EmulatorRouteName | 'unknown', number>;
  /** Sets every count back to 0. */
  resetCounts(): void;
  /** Tasks created so far (newest last). */
  tasks(project?: string): EmulatorTaskView[];
  /** The files uploaded to a project (path → bytes). */
  projectFiles(project: string): Promise<Record<string, Buffer>>;
  /**
   * Creates a finished task serving `files` (name → bytes) without running the generator (plus the
   * `syntheticArtifacts` when the status is SUCCESS). Returns its id.
   */
  seedTask(project: string, files: Record<string, Buffer | string>, status?: TaskStatus): Promise<string>;
  /** Waits until a task reached a final status. */
  waitForTask(taskId: string): Promise<EmulatorTaskView>;
  /** Stops listening, drops open connections, aborts running tasks and removes the temp folder. */
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON value, raw bytes, or a stream with its length. */
  json?: unknown;
  bytes?: Buffer;
  stream?: { open: () => Readable; length: number };
}

const MAX_BODY = 64 * 1024 * 1024;

/** Starts an emulator. Close it with `close()`. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'mimicfix-emulator-')));
  const descriptorName = options.descriptor ?? 'datamimic.xml';
  const visibilityDelayMs = options.visibilityDelayMs ?? 0;
  const queueDelayMs = options.queueDelayMs ?? 10;
  const generator: EmulatorGenerator =
    options.generator ??
    (async (descriptorPath, outDir, { signal, log }) => {
      await engineGenerate(descriptorPath, { outDir, seed: options.seed ?? 'mimicfix', signal, log });
    });
  const log = options.log ?? (() => {});
  const faults = new FaultInjector();
  const counts = Object.fromEntries([...ROUTE_NAMES, 'unknown'].map((n) => [n, 0])) as Emulator['counts'];
  const tasks = new Map<string, Task>();
  const timers = new Map<NodeJS.Timeout, () => void>();
  const sockets = new Set<Socket>();
  let baseUrl = '';
  let closed = false;

  const projectDir = (project: string) => path.join(dataDir, 'projects', safeName(project), 'files');
  const taskDir = (id: string) => path.join(dataDir, 'tasks', id);

  function later(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      // close() resolves pending waits early; every waiter checks `closed` afterwards.
      timers.set(t, resolve);
    });
  }

  function authorize(req: http.IncomingMessage, project: string | undefined): Reply | undefined {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match) return error(401, 'AUTH_REQUIRED', 'Not authenticated');
    const given = match[1] as string;
    const { tokens } = options;
    if (tokens === undefined) return undefined;
    if (typeof tokens === 'string') {
      return given === tokens
        ? undefined
        : error(401, 'AUTH_INVALID_CREDENTIALS', 'Invalid or expired token');
    }
    if (project === undefined || !(project in tokens)) return error(404, 'NOT_FOUND', 'Project not found');
    return tokens[project] === given
      ? undefined
      : error(401, 'AUTH_INVALID_CREDENTIALS', 'Invalid or expired token');
  }

  function startTask(project: string): Task {
    const task = createTask(project, '', visibilityDelayMs);
    task.outDir = path.join(taskDir(task.id), 'out');
    tasks.set(task.id, task);
    task.log.push(`${new Date().toISOString()} task ${task.id} queued`);
    void runTask(task);
    return task;
  }

  async function runTask(task: Task): Promise<void> {
    const setStatus = (status: TaskStatus) => {
      task.status = status;
      task.log.push(`${new Date().toISOString()} status ${status}`);
    };
    try {
      await later(queueDelayMs);
      if (task.abort.signal.aborted || closed) return;
      const input = path.join(taskDir(task.id), 'input');
      // Snapshot the project so that a later upload cannot change a running task.
      await mkdir(input, { recursive: true });
      if (existsSync(projectDir(task.project)))
        await cp(projectDir(task.project), input, { recursive: true });
      await mkdir(task.outDir, { recursive: true });
      setStatus('RUNNING');
      const descriptorPath = path.join(input, descriptorName);
      if (!existsSync(descriptorPath))
        throw new Error(`${descriptorName} not found in project ${task.project}`);
      await generator(descriptorPath, task.outDir, {
        signal: task.abort.signal,
        log: (line) => task.log.push(line),
      });
      if (task.abort.signal.aborted) return;
      for (const [name, size] of Object.entries(options.syntheticArtifacts ?? {}))
        task.synthetic.set(name, size);
      setStatus('SUCCESS');
    } catch (err) {
      if (task.abort.signal.aborted) return;
      const e = err as { code?: string; message?: string };
      task.log.push(`ERROR ${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`);
      setStatus('WORKER_FAILURE');
    } finally {
      if (task.abort.signal.aborted && task.status !== 'CANCELLED') setStatus('CANCELLED');
      task.finish();
    }
  }

  async function artifactList(task: Task): Promise<Array<{ name: string; size: number }>> {
    const list: Array<{ name: string; size: number }> = [];
    if (task.status !== 'SUCCESS') return list;
    const names = existsSync(task.outDir) ? (await readdir(task.outDir)).sort() : [];
    for (const name of names) {
      const info = await stat(path.join(task.outDir, name));
      if (info.isFile()) list.push({ name, size: info.size });
    }
    for (const [name, size] of task.synthetic) list.push({ name, size });
    return list;
  }

  async function artifactReply(task: Task, name: string): Promise<Reply> {
    if (task.status !== 'SUCCESS') return error(404, 'NOT_FOUND', 'Artifact not found');
    const size = task.synthetic.get(name);
    if (size !== undefined)
      return { status: 200, stream: { open: () => syntheticStream(size), length: size } };
    if (name.includes('/') || name.includes('\\') || name === '..' || name === '.') {
      return error(404, 'NOT_FOUND', 'Artifact not found');
    }
    const file = path.join(task.outDir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return error(404, 'NOT_FOUND', 'Artifact not found');
    return {
      status: 200,
      headers: { 'content-type': 'application/octet-stream' },
      stream: { open: () => createReadStream(file), length: info.size },
    };
  }

  function findTask(project: string | undefined, id: string): Task | undefined {
    const task = tasks.get(id);
    if (!task || (project !== undefined && task.project !== project)) return undefined;
    return task;
  }

  async function waitFinal(task: Task, ms: number): Promise<void> {
    if (FINAL_STATUSES.has(task.status)) return;
    await Promise.race([task.done, later(ms)]);
  }

  async function handle(
    route: EmulatorRouteName,
    params: Record<string, string>,
    body: Buffer,
  ): Promise<Reply> {
    const project = params.project as string;
    switch (route) {
      case 'v1.readFile': {
        const rel = safeRelative(params.file as string);
        if (rel === undefined) return error(404, 'NOT_FOUND', 'File not found');
        const bytes = await readFile(path.join(projectDir(project), rel)).catch(() => undefined);
        if (bytes === undefined) return error(404, 'NOT_FOUND', 'File not found');
        return { status: 200, json: bytes.toString('base64') };
      }
      case 'v1.updateFiles': {
        const parsed = parseJson(body);
        if (!parsed.ok || !Array.isArray(parsed.value)) {
          return validation([{ loc: ['body'], msg: 'Input should be a valid list', input: null }]);
        }
        const problems: unknown[] = [];
        const writes: Array<{ rel: string; bytes: Buffer }> = [];
        parsed.value.forEach((item: unknown, i: number) => {
          const f = item as Record<string, unknown>;
          if (typeof f !== 'object' || f === null || typeof f.code !== 'string') {
            problems.push({ loc: ['body', i, 'code'], msg: 'Field required', input: f });
            return;
          }
          const uri =
            typeof f.uri === 'string' ? f.uri : `${String(f.name ?? '')}${String(f.extension ?? '')}`;
          const rel = safeRelative(uri.startsWith(`${project}/`) ? uri.slice(project.length + 1) : uri);
          if (rel === undefined) {
            problems.push({ loc: ['body', i, 'uri'], msg: 'Invalid file path', input: uri });
            return;
          }
          writes.push({ rel, bytes: Buffer.from(f.code, 'base64') });
        });
        if (problems.length > 0) return validation(problems);
        for (const w of writes) {
          const dest = path.join(projectDir(project), w.rel);
          await mkdir(path.dirname(dest), { recursive: true });
          await writeFile(dest, w.bytes);
        }
        return { status: 200, json: { message: `${writes.length} file(s) updated` } };
      }
      case 'v1.generate': {
        const task = startTask(project);
        return { status: 200, json: { task_id: task.id } };
      }
      case 'v1.downloadArtifact': {
        const task = findTask(project, params.task as string);
        if (!task) return error(404, 'NOT_FOUND', 'Task not found');
        return artifactReply(task, `${params.name}.${params.format}`);
      }
      case 'v2.generate': {
        const parsed = parseJson(body.length === 0 ? Buffer.from('{}') : body);
        const value = parsed.ok ? (parsed.value as Record<string, unknown>) : undefined;
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          return validation([{ loc: ['body'], msg: 'Input should be a valid object', input: null }]);
        }
        const timeout = value.timeout ?? 0;
        if (typeof timeout !== 'number' || timeout < 0) {
          return validation([
            { loc: ['body', 'timeout'], msg: 'Input should be a non-negative number', input: timeout },
          ]);
        }
        const task = startTask(project);
        await waitFinal(task, Math.min(timeout, 60) * 1000);
        if (task.status === 'SUCCESS') {
          return { status: 200, json: { returncode: 0, message: 'Task finished', task_id: task.id } };
        }
        if (FINAL_STATUSES.has(task.status)) {
          return {
            status: 200,
            json: { returncode: 1, message: `Task ended with ${task.status}`, task_id: task.id },
          };
        }
        return { status: 202, json: { returncode: 3, message: 'Task still running', task_id: task.id } };
      }
      case 'v2.searchTasks': {
        const parsed = parseJson(body);
        const value = parsed.ok ? (parsed.value as Record<string, unknown>) : undefined;
        if (!value || typeof value !== 'object') {
          return validation([{ loc: ['body'], msg: 'Input should be a valid object', input: null }]);
        }
        const filters = (value.filters ?? {}) as Record<string, unknown>;
        const unknownKeys = Object.keys(filters).filter((k) => !['task_id', 'status', 'name'].includes(k));
        if (unknownKeys.length > 0) {
          return validation(
            unknownKeys.map((k) => ({
              loc: ['body', 'filters', k],
              msg: 'Extra inputs are not permitted',
              input: filters[k],
            })),
          );
        }
        const pagination = (value.pagination ?? {}) as { page?: number; per_page?: number };
        const page = Math.max(1, Number(pagination.page ?? 1));
        const perPage = Math.max(1, Math.min(100, Number(pagination.per_page ?? 20)));
        const now = Date.now();
        const rows = [...tasks.values()]
          .filter((t) => t.project === project && t.visibleAt <= now)
          .filter((t) => filters.task_id === undefined || t.id === filters.task_id)
          .filter((t) => filters.status === undefined || t.status === filters.status)
          .reverse();
        const pageRows = rows.slice((page - 1) * perPage, page * perPage);
        return {
          status: 200,
          json: {
            data: pageRows.map((t) => ({
              task_id: t.id,
              status: t.status,
              name: t.name,
              date_queued: t.dateQueued,
            })),
            meta: { pagination: { page, per_page: perPage, total: rows.length } },
          },
        };
      }
      case 'v2.artifactsMetadata': {
        const task = findTask(project, params.task as string);
        if (!task) return error(404, 'NOT_FOUND', 'Task not found');
        const list = await artifactList(task);
        const prefix = `${baseUrl}/api/v2/projects/${encodeURIComponent(project)}/tasks/${encodeURIComponent(task.id)}/artifacts`;
        return {
          status: 200,
          json: {
            artifacts: list.map((a) => ({
              url: `${prefix}/${encodeURIComponent(a.name)}/download`,
              size: String(a.size),
            })),
          },
        };
      }
      case 'v2.downloadArtifact': {
        const task = findTask(project, params.task as string);
        if (!task) return error(404, 'NOT_FOUND', 'Task not found');
        return artifactReply(task, params.name as string);
      }
      case 'v2.downloadZip': {
        const task = findTask(project, params.task as string);
        if (!task) return error(404, 'NOT_FOUND', 'Task not found');
        if (task.status !== 'SUCCESS') return error(404, 'NOT_FOUND', 'Artifacts not found');
        const entries: Array<{ name: string; data: Buffer }> = [];
        for (const a of await artifactList(task)) {
          if (task.synthetic.has(a.name)) continue; // synthetic artifacts are for streaming benchmarks only
          entries.push({ name: a.name, data: await readFile(path.join(task.outDir, a.name)) });
        }
        return { status: 200, headers: { 'content-type': 'application/zip' }, bytes: buildZip(entries) };
      }
      case 'v2.logs': {
        const task = findTask(project, params.task as string);
        if (!task) return error(404, 'NOT_FOUND', 'Task not found');
        return {
          status: 200,
          headers: {
            'content-type': 'text/plain; charset=utf-8',
            'x-log-completed': FINAL_STATUSES.has(task.status) ? 'true' : 'false',
          },
          bytes: Buffer.from(`${task.log.join('\n')}\n`),
        };
      }
      case 'v2.cancel': {
        const task = tasks.get(params.task as string);
        if (!task) return error(404, 'NOT_FOUND', 'Task not found');
        if (FINAL_STATUSES.has(task.status)) return error(409, 'CONFLICT', `Task already ${task.status}`);
        task.abort.abort(new Error('cancelled'));
        task.status = 'CANCELLED';
        task.log.push(`${new Date().toISOString()} status CANCELLED`);
        return { status: 200, json: { message: 'Task cancelled', task_id: task.id } };
      }
    }
  }

  async function send(req: http.IncomingMessage, res: http.ServerResponse, reply: Reply, fault?: FaultSpec) {
    if (fault?.delayHeadersMs) await later(fault.delayHeadersMs);
    if (res.destroyed || closed) return;
    let payload: Buffer | undefined;
    if (reply.json !== undefined) payload = Buffer.from(JSON.stringify(reply.json));
    else if (reply.bytes) payload = reply.bytes;
    const length = payload?.length ?? reply.stream?.length ?? 0;
    const headers: Record<string, string> = {
      ...(reply.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...reply.headers,
      'content-length': String(length),
    };
    res.writeHead(reply.status, headers);
    if (fault?.delayBodyMs) {
      res.flushHeaders();
      await later(fault.delayBodyMs);
      if (res.destroyed || closed) return;
    }
    const limit = fault?.truncateAfterBytes;
    if (limit === undefined) {
      if (payload) res.end(payload);
      else if (reply.stream) await pipeline(reply.stream.open(), res).catch(() => res.destroy());
      else res.end();
      return;
    }
    const source: AsyncIterable<Buffer> | Iterable<Buffer> = payload
      ? [payload]
      : reply.stream
        ? reply.stream.open()
        : [];
    let sent = 0;
    for await (const chunk of source) {
      if (res.destroyed) break;
      const piece = sent + chunk.length > limit ? chunk.subarray(0, Math.max(0, limit - sent)) : chunk;
      sent += piece.length;
      if (!res.write(piece)) await waitDrain(res);
      if (sent >= limit) break;
    }
    // Announced the full length, sent less: close the connection like a broken proxy would (after the
    // partial body has been flushed, so the client really sees `limit` bytes).
    const socket = res.socket;
    if (socket) await new Promise<void>((resolve) => socket.end(resolve));
    socket?.destroy();
    void req;
  }

  const view = (t: Task): EmulatorTaskView => ({
    id: t.id,
    project: t.project,
    status: t.status,
    log: t.log.join('\n'),
  });
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://emulator');
      if (req.method === 'GET' && url.pathname.startsWith('/_emulator/')) {
        // Introspection for test processes that cannot reach the Emulator object (e.g. Vitest workers).
        const info =
          url.pathname === '/_emulator/counts'
            ? counts
            : url.pathname === '/_emulator/tasks'
              ? [...tasks.values()].map(view)
              : undefined;
        await send(
          req,
          res,
          info === undefined ? error(404, 'NOT_FOUND', 'Not found') : { status: 200, json: info },
        );
        return;
      }
      const matched = matchRoute(req.method ?? 'GET', url.pathname);
      const route = matched.kind === 'route' ? matched.name : 'unknown';
      counts[route]++;
      let status = 0;
      try {
        const body = await readBody(req);
        const fault = faults.take(route);
        if (fault?.reset) {
          req.socket.destroy();
          log(`${req.method} ${url.pathname} -> reset (fault)`);
          return;
        }
        let reply: Reply;
        if (fault?.status !== undefined) {
          reply = faultReply(fault);
        } else if (matched.kind === 'not-found') {
          reply = error(404, 'NOT_FOUND', 'Not found');
        } else if (matched.kind === 'method-not-allowed') {
          reply = error(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
        } else {
          const params = matched.params;
          let project = params.project;
          if (project === undefined && params.task !== undefined) project = tasks.get(params.task)?.project;
          reply = authorize(req, project) ?? (await handle(matched.name, params, body));
        }
        status = reply.status;
        await send(req, res, reply, fault);
      } catch (err) {
        status = 500;
        if (!res.headersSent && !res.destroyed) {
          await send(req, res, error(500, 'INTERNAL_SERVER_ERROR', (err as Error).message ?? 'error'));
        } else {
          res.destroy();
        }
      } finally {
        log(`${req.method} ${url.pathname} -> ${status}`);
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    port,
    dataDir,
    faults,
    counts,
    resetCounts() {
      for (const key of Object.keys(counts) as Array<keyof typeof counts>) counts[key] = 0;
    },
    tasks(project) {
      return [...tasks.values()].filter((t) => project === undefined || t.project === project).map(view);
    },
    async projectFiles(project) {
      const root = projectDir(project);
      const out: Record<string, Buffer> = {};
      if (!existsSync(root)) return out;
      for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const abs = path.join(entry.parentPath, entry.name);
        out[path.relative(root, abs).split(path.sep).join('/')] = await readFile(abs);
      }
      return out;
    },
    async seedTask(project, files, status = 'SUCCESS') {
      const task = createTask(project, '', 0);
      task.outDir = path.join(taskDir(task.id), 'out');
      await mkdir(task.outDir, { recursive: true });
      for (const [name, data] of Object.entries(files)) await writeFile(path.join(task.outDir, name), data);
      task.status = status;
      if (status === 'SUCCESS') {
        for (const [name, size] of Object.entries(options.syntheticArtifacts ?? {}))
          task.synthetic.set(name, size);
      }
      task.log.push(`seeded task with status ${status}`);
      task.finish();
      tasks.set(task.id, task);
      return task.id;
    },
    async waitForTask(taskId) {
      const task = tasks.get(taskId);
      if (!task) throw new Error(`no task ${taskId}`);
      await task.done;
      return view(task);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const [t, resolve] of timers) {
        clearTimeout(t);
        resolve();
      }
      timers.clear();
      for (const task of tasks.values())
        if (!FINAL_STATUSES.has(task.status)) task.abort.abort(new Error('emulator closed'));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await Promise.all(
        // Give aborted runs a moment to stop writing before the folder goes; never hold the process open for it.
        [...tasks.values()].map((t) =>
          Promise.race([t.done, new Promise((r) => setTimeout(r, 2000).unref())]),
        ),
      );
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function error(status: number, code: string, detail: string): Reply {
  return { status, json: { detail, code } };
}

function validation(errors: unknown[]): Reply {
  return { status: 422, json: { detail: 'Validation error', code: 'VALIDATION_ERROR', errors } };
}

function faultReply(fault: FaultSpec): Reply {
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  const status = fault.status as number;
  if (typeof fault.body === 'string') return { status, headers, bytes: Buffer.from(fault.body) };
  return {
    status,
    headers,
    json: fault.body ?? { detail: `injected fault ${status}`, code: `HTTP_${status}` },
  };
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

/** A relative POSIX path that stays inside its folder, or undefined. */
function safeRelative(p: string): string | undefined {
  const normal = path.posix.normalize(p.replace(/\\/g, '/'));
  if (
    normal === '' ||
    normal === '.' ||
    normal.startsWith('../') ||
    normal === '..' ||
    path.posix.isAbsolute(normal)
  ) {
    return undefined;
  }
  return normal;
}

/** A folder name for a project id that cannot escape the data folder. */
function safeName(project: string): string {
  return encodeURIComponent(project).replace(/\./g, '%2E');
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const PATTERN_CHUNK = Buffer.alloc(64 * 1024, 'mimicfix synthetic artifact\n');

/** A stream of `size` bytes of a repeated pattern, produced on demand (no memory or disk use). */
function syntheticStream(size: number): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(left, PATTERN_CHUNK.length);
      left -= n;
      this.push(n === PATTERN_CHUNK.length ? PATTERN_CHUNK : PATTERN_CHUNK.subarray(0, n));
    },
  });
}

function waitDrain(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
