// packages/core/src/client/datamimic-client.ts
import path2 from "node:path";
import { MimicfixError as MimicfixError4 } from "@mimicfix/engine";

// packages/core/src/client/download.ts
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { MimicfixError } from "@mimicfix/engine";
async function writeBodyToFile(res, dest, expectedSize, where) {
  const announced = expectedSize ?? contentLength(res.headers["content-length"]);
  const temp = path.join(
    path.dirname(dest),
    `.${path.basename(dest)}.${randomBytes(4).toString("hex")}.part`
  );
  let received = 0;
  try {
    res.body.on("data", (chunk) => {
      received += chunk.length;
    });
    await pipeline(res.body, createWriteStream(temp));
    if (announced !== null && received !== announced) {
      throw new MimicfixError(
        "MIMICFIX_DOWNLOAD_TRUNCATED",
        `${where}: received ${received} bytes, the server announced ${announced}`,
        {
          hint: "The download was cut short (proxy or connection problem); nothing was cached. Run again.",
          details: { received, announced }
        }
      );
    }
    await rename(temp, dest);
    return received;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
function contentLength(value) {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === void 0 || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw);
}

// packages/core/src/client/retry.ts
import { setTimeout as delay } from "node:timers/promises";
import { MimicfixError as MimicfixError2 } from "@mimicfix/engine";
function backoffMs(attempt, baseMs, capMs = 3e4) {
  const raw = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return Math.round(raw * (0.5 + Math.random() * 0.5));
}
function parseRetryAfter(value, now = Date.now()) {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === void 0 || raw.trim() === "") return void 0;
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1e3);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return void 0;
  return Math.max(0, date - now);
}
async function sleep(ms, signal) {
  if (signal?.aborted) throw abortedError(signal);
  try {
    await delay(ms, void 0, signal ? { signal } : void 0);
  } catch (error) {
    if (signal?.aborted) throw abortedError(signal);
    throw error;
  }
}
function abortedError(signal, what = "remote generation") {
  return new MimicfixError2("MIMICFIX_ABORTED", `${what} was aborted`, {
    cause: signal?.reason
  });
}

// packages/core/src/client/routes.ts
var ROUTES = {
  "v1.readFile": { method: "GET", path: "/api/v1/{project}/file/read/{file}", idempotent: true },
  "v1.updateFiles": { method: "POST", path: "/api/v1/{project}/files/update", idempotent: true },
  "v1.generate": { method: "POST", path: "/api/v1/{project}/generate", idempotent: false },
  "v1.downloadArtifact": {
    method: "GET",
    path: "/api/v1/{project}/task/{task}/artifact/download/{name}/{format}",
    idempotent: true
  },
  "v2.generate": { method: "POST", path: "/api/v2/projects/{project}/generate", idempotent: false },
  "v2.searchTasks": { method: "POST", path: "/api/v2/projects/{project}/tasks/search", idempotent: true },
  "v2.artifactsMetadata": {
    method: "GET",
    path: "/api/v2/projects/{project}/tasks/{task}/artifacts/metadata",
    idempotent: true
  },
  "v2.downloadArtifact": {
    method: "GET",
    path: "/api/v2/projects/{project}/tasks/{task}/artifacts/{name}/download",
    idempotent: true
  },
  "v2.downloadZip": {
    method: "GET",
    path: "/api/v2/projects/{project}/tasks/{task}/artifacts/download",
    idempotent: true
  },
  "v2.logs": {
    method: "GET",
    path: "/api/v2/projects/{project}/tasks/{task}/logs?encode=false",
    idempotent: true
  },
  "v2.cancel": { method: "POST", path: "/api/v2/tasks/{task}/cancel", idempotent: true }
};
var TASK_STATUS = {
  running: ["QUEUED", "RUNNING", "RETRY", "FINALIZING"],
  succeeded: ["SUCCESS", "SUCCESS_WITH_WARNING"],
  failed: ["WORKER_FAILURE", "DISPATCH_FAILURE", "FINALIZATION_FAILURE", "CANCELLED", "DELETED"]
};
function classifyTaskStatus(status) {
  if (TASK_STATUS.succeeded.includes(status)) return "succeeded";
  if (TASK_STATUS.failed.includes(status)) return "failed";
  return "running";
}
function buildPath(route, params) {
  return ROUTES[route].path.replace(/\{(\w+)\}/g, (_m, key) => {
    const value = params[key];
    if (value === void 0) throw new Error(`route ${route}: missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}

// packages/core/src/client/transport.ts
import { MimicfixError as MimicfixError3 } from "@mimicfix/engine";
import { Agent, request } from "undici";
var AttemptFailure = class {
  constructor(error, retryable, retryAfterMs) {
    this.error = error;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
  error;
  retryable;
  retryAfterMs;
};
var NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH"
]);
var TIMEOUT_CODES = /* @__PURE__ */ new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
var EXCERPT_CHARS = 300;
var ERROR_BODY_LIMIT = 64 * 1024;
var Transport = class {
  options;
  agent;
  base;
  constructor(options) {
    this.options = options;
    this.base = new URL(options.url.endsWith("/") ? options.url : `${options.url}/`);
    this.agent = new Agent({
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      connect: { timeout: Math.min(options.requestTimeoutMs, 1e4) }
    });
  }
  /** Host of the base URL (part of the generator identity). */
  get host() {
    return this.base.host;
  }
  /** `[METHOD] path` of a route, for messages. */
  describe(route, params = {}) {
    return `[${ROUTES[route].method}] ${this.pathOf(route, params)}`;
  }
  /** Replaces every occurrence of the token in `text` (defence in depth: a server may echo it). */
  redact(text) {
    const { token } = this.options;
    return token.length >= 4 ? text.split(token).join("***") : text;
  }
  async close() {
    await this.agent.close();
  }
  /** Calls a route and parses a JSON answer. Invalid JSON → MIMICFIX_HTTP_BAD_RESPONSE. */
  async json(route, call = {}) {
    return this.withRetries(route, call, async (res) => {
      const text = await res.body.text();
      if (call.acceptStatus?.includes(res.status) && res.status >= 400) {
        return { status: res.status, data: void 0 };
      }
      if (text.trim() === "") return { status: res.status, data: null };
      try {
        return { status: res.status, data: JSON.parse(text) };
      } catch (cause) {
        throw new MimicfixError3(
          "MIMICFIX_HTTP_BAD_RESPONSE",
          `${this.describe(route, call.params)}: ${res.status}: answer is not valid JSON: ${this.excerpt(text)}`,
          {
            cause,
            hint: "Check DATAMIMIC_URL: it must be the base URL of the DATAMIMIC instance (not a login page or proxy).",
            details: { status: res.status, route }
          }
        );
      }
    });
  }
  /** Calls a route and returns the text body and headers. */
  async text(route, call = {}) {
    return this.withRetries(route, call, async (res) => ({
      status: res.status,
      text: await res.body.text(),
      headers: res.headers
    }));
  }
  /**
   * Calls a route and hands the open response to `consume` (downloads). A failure thrown by `consume` that
   * is a network/truncation error is retried like any other attempt.
   */
  async stream(route, call, consume) {
    return this.withRetries(route, call, consume);
  }
  pathOf(route, params) {
    return buildPath(route, params);
  }
  urlOf(route, params) {
    return new URL(this.pathOf(route, params).replace(/^\//, ""), this.base);
  }
  excerpt(text) {
    const flat = this.redact(text).replace(/\s+/g, " ").trim();
    return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}\u2026` : flat || "(empty body)";
  }
  async withRetries(route, call, consume) {
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
        if (thrown.retryAfterMs !== void 0) {
          if (thrown.retryAfterMs > this.options.maxRetryAfterMs) {
            thrown.error.message += ` (server asked to retry after ${Math.ceil(thrown.retryAfterMs / 1e3)} s, more than the ${Math.ceil(this.options.maxRetryAfterMs / 1e3)} s we wait)`;
            throw thrown.error;
          }
          wait = Math.max(wait, thrown.retryAfterMs);
        }
        this.options.log?.(
          `${this.describe(route, call.params)}: ${firstLine(thrown.error.message)}; retry ${attempt}/${this.options.retries} in ${wait} ms`
        );
        await sleep(wait, call.signal);
      }
    }
  }
  async attempt(route, call, consume) {
    const spec = ROUTES[route];
    const params = call.params ?? {};
    const where = this.describe(route, params);
    if (call.signal?.aborted) throw abortedError(call.signal);
    let res;
    try {
      const raw = await request(this.urlOf(route, params), {
        method: spec.method,
        dispatcher: this.agent,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept: "application/json",
          ...call.json !== void 0 ? { "content-type": "application/json" } : {}
        },
        body: call.json !== void 0 ? JSON.stringify(call.json) : void 0,
        signal: call.signal,
        ...call.headersTimeoutMs !== void 0 ? { headersTimeout: call.headersTimeoutMs } : {}
      });
      res = { status: raw.statusCode, headers: raw.headers, body: raw.body };
    } catch (cause) {
      throw this.transportFailure(where, cause, call.signal, spec.idempotent, false);
    }
    if (res.status >= 400 && !call.acceptStatus?.includes(res.status)) {
      let text = "";
      try {
        text = await readLimited(res.body, ERROR_BODY_LIMIT);
      } catch {
      }
      throw this.statusFailure(route, where, res, text, spec.idempotent);
    }
    try {
      return await consume(res);
    } catch (cause) {
      if (cause instanceof AttemptFailure) throw cause;
      if (cause instanceof MimicfixError3) {
        if (cause.code === "MIMICFIX_DOWNLOAD_TRUNCATED") throw new AttemptFailure(cause, spec.idempotent);
        throw cause;
      }
      throw this.transportFailure(where, cause, call.signal, spec.idempotent, true);
    } finally {
      if (!res.body.destroyed && !res.body.readableEnded) {
        res.body.on("error", () => {
        });
        res.body.destroy();
      }
    }
  }
  transportFailure(where, cause, signal, idempotent, midBody) {
    if (signal?.aborted) return abortedError(signal);
    const code = cause?.code ?? "";
    const detail = this.redact(cause?.message ?? String(cause));
    if (TIMEOUT_CODES.has(code)) {
      const what = code === "UND_ERR_HEADERS_TIMEOUT" ? "no response headers" : "response body stalled";
      return new MimicfixError3(
        "MIMICFIX_HTTP_TIMEOUT",
        `${where}: ${what} within ${this.options.requestTimeoutMs} ms`,
        {
          cause,
          hint: "The DATAMIMIC instance is slow or unreachable; raise remote.requestTimeoutMs if it is just slow.",
          details: { code }
        }
      );
    }
    if (NETWORK_CODES.has(code) || /other side closed|socket/i.test(detail)) {
      const errorCode = midBody ? "MIMICFIX_DOWNLOAD_TRUNCATED" : "MIMICFIX_HTTP_NETWORK";
      const error = new MimicfixError3(
        errorCode,
        `${where}: ${midBody ? "connection lost while reading the body" : "connection failed"} (${code || detail})`,
        {
          cause,
          hint: "Check DATAMIMIC_URL and the network path to the DATAMIMIC instance.",
          details: { code }
        }
      );
      return new AttemptFailure(error, idempotent || code === "ECONNREFUSED");
    }
    return new MimicfixError3("MIMICFIX_HTTP_NETWORK", `${where}: request failed: ${detail}`, {
      cause,
      details: { code }
    });
  }
  statusFailure(route, where, res, text, idempotent) {
    const status = res.status;
    const parsed = parseErrorBody(text);
    const excerpt = this.excerpt(parsed?.detail !== void 0 ? String(parsed.detail) : text);
    const details = { status, route, ...parsed?.code ? { serverCode: parsed.code } : {} };
    if (status === 401 || status === 403) {
      return new MimicfixError3("MIMICFIX_HTTP_AUTH", `${where}: ${status}: ${excerpt}`, {
        hint: `The project access token in DATAMIMIC_TOKEN was refused for project ${this.options.projectId} (invalid, expired or not for this project). Create a new token in the DATAMIMIC UI.`,
        details
      });
    }
    if (status === 404) {
      return new MimicfixError3("MIMICFIX_HTTP_NOT_FOUND", `${where}: 404: ${excerpt}`, {
        hint: "Check DATAMIMIC_PROJECT_ID and DATAMIMIC_URL (the project, task or file does not exist there).",
        details
      });
    }
    if (status === 422) {
      const problems = (parsed?.errors ?? []).map((e) => `${Array.isArray(e.loc) ? e.loc.join(".") : String(e.loc ?? "?")}: ${e.msg ?? "?"}`).join("; ");
      return new MimicfixError3(
        "MIMICFIX_HTTP_VALIDATION",
        `${where}: 422: ${excerpt}${problems ? ` \u2014 ${this.redact(problems)}` : ""}`,
        {
          hint: "The server rejected the request body; the route table in client/routes.ts may need a fix for this instance.",
          details
        }
      );
    }
    const error = new MimicfixError3("MIMICFIX_HTTP_STATUS", `${where}: ${status}: ${excerpt}`, { details });
    const retryAfterMs = parseRetryAfter(res.headers["retry-after"]);
    if (status === 429 || status === 503) return new AttemptFailure(error, true, retryAfterMs);
    if (status >= 500) return new AttemptFailure(error, idempotent, retryAfterMs);
    void route;
    return error;
  }
};
function parseErrorBody(text) {
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : void 0;
  } catch {
    return void 0;
  }
}
async function readLimited(body, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk;
    chunks.push(buf);
    size += buf.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}
function firstLine(text) {
  return text.split("\n", 1)[0] ?? text;
}

// packages/core/src/client/datamimic-client.ts
var LOG_TAIL_LINES = 20;
function toUploadFiles(projectId, files) {
  return files.map((file, index) => {
    const base = path2.posix.basename(file.path);
    const extension = path2.posix.extname(base);
    return {
      code: file.bytes.toString("base64"),
      encoding: "utf-8",
      extension,
      index,
      name: extension ? base.slice(0, -extension.length) : base,
      uri: `${projectId}/${file.path}`
    };
  });
}
var DatamimicClient = class {
  projectId;
  apiVersion;
  transport;
  options;
  constructor(options) {
    for (const key of ["url", "projectId", "token"]) {
      if (typeof options[key] !== "string" || options[key].trim() === "") {
        const env = { url: "DATAMIMIC_URL", projectId: "DATAMIMIC_PROJECT_ID", token: "DATAMIMIC_TOKEN" }[key];
        throw new MimicfixError4("MIMICFIX_CONFIG", `remote.${key} is empty`, { hint: `Set ${env}.` });
      }
    }
    try {
      new URL(options.url);
    } catch (cause) {
      throw new MimicfixError4("MIMICFIX_CONFIG", `remote.url is not a URL: ${options.url}`, {
        cause,
        hint: "Set DATAMIMIC_URL to the base URL of the instance, e.g. https://datamimic.example.com"
      });
    }
    this.projectId = options.projectId;
    this.apiVersion = options.apiVersion ?? "v2";
    this.options = {
      url: options.url,
      projectId: options.projectId,
      token: options.token,
      taskTimeoutMs: options.taskTimeoutMs ?? 18e5,
      pollIntervalMs: options.pollIntervalMs ?? 1e3,
      requestTimeoutMs: options.requestTimeoutMs ?? 3e4,
      retries: options.retries ?? 4,
      retryBaseMs: options.retryBaseMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 6e4,
      generateWaitS: options.generateWaitS ?? 10,
      maxPollIntervalMs: options.maxPollIntervalMs ?? 5e3,
      log: options.log ?? (() => {
      })
    };
    this.transport = new Transport({
      url: this.options.url,
      token: this.options.token,
      projectId: this.projectId,
      retries: this.options.retries,
      requestTimeoutMs: this.options.requestTimeoutMs,
      retryBaseMs: this.options.retryBaseMs,
      maxRetryAfterMs: this.options.maxRetryAfterMs,
      log: (line) => this.options.log(line)
    });
  }
  /** Host of the instance (for the generator identity; never the token). */
  get host() {
    return this.transport.host;
  }
  /** Closes the connection pool. */
  async close() {
    await this.transport.close();
  }
  /** Reads one project file (v1 `file/read`): the answer is a JSON string holding base64. */
  async readFile(file, signal) {
    const params = { project: this.projectId, file };
    const { data } = await this.transport.json("v1.readFile", { params, signal });
    if (typeof data !== "string") {
      throw this.badShape("v1.readFile", params, "a JSON string with the file in base64", data);
    }
    return Buffer.from(data, "base64");
  }
  /** Uploads files (v1 `files/update`); pass the whole descriptor closure so the server runs what we hashed. */
  async updateFiles(files, signal) {
    await this.transport.json("v1.updateFiles", {
      params: { project: this.projectId },
      json: toUploadFiles(this.projectId, files),
      signal
    });
  }
  /**
   * Starts a generation. v2 asks the server to wait up to `generateWaitS` (returncode 0 ok, 1 failed,
   * 3 still running); v1 answers with the task id only.
   */
  async generate(signal) {
    const params = { project: this.projectId };
    if (this.apiVersion === "v1") {
      const { data: data2 } = await this.transport.json("v1.generate", { params, signal });
      const taskId2 = data2?.task_id;
      if (typeof taskId2 !== "string" && typeof taskId2 !== "number") {
        throw this.badShape("v1.generate", params, '{"task_id": ...}', data2);
      }
      return { taskId: String(taskId2), outcome: "running" };
    }
    const wait = this.options.generateWaitS;
    const { data } = await this.transport.json("v2.generate", {
      params,
      json: { timeout: wait, task_type: "standard" },
      signal,
      // The server holds the answer for up to `wait` seconds.
      headersTimeoutMs: this.options.requestTimeoutMs + wait * 1e3
    });
    const taskId = data?.task_id;
    if (typeof taskId !== "string" && typeof taskId !== "number") {
      throw this.badShape("v2.generate", params, '{"returncode", "message", "task_id"}', data);
    }
    const code = Number(data?.returncode);
    const outcome = code === 0 ? "succeeded" : code === 1 ? "failed" : "running";
    return {
      taskId: String(taskId),
      outcome,
      ...typeof data?.message === "string" ? { message: data.message } : {}
    };
  }
  /** Looks a task up through v2 `tasks/search`; `null` while it is not visible yet. */
  async getTask(taskId, signal) {
    const params = { project: this.projectId };
    const { data } = await this.transport.json("v2.searchTasks", {
      params,
      // Only known filter keys: the server answers 422 to unknown ones.
      json: { filters: { task_id: taskId }, pagination: { page: 1, per_page: 1 } },
      signal
    });
    const rows = data?.data;
    if (!Array.isArray(rows)) throw this.badShape("v2.searchTasks", params, '{"data": [...]}', data);
    const row = rows.find((r) => String(r?.task_id) === taskId) ?? rows[0];
    if (row === void 0) return null;
    const status = row.status;
    if (typeof status !== "string")
      throw this.badShape("v2.searchTasks", params, "a task with a status", row);
    const name = row.name;
    return { taskId, status, ...typeof name === "string" ? { name } : {} };
  }
  /**
   * Polls the task until it finishes. Backoff from `pollIntervalMs` ×1.5 up to `maxPollIntervalMs`; an empty
   * search answer means "not visible yet"; an unknown status means "still running". Throws
   * MIMICFIX_TASK_FAILED (status + log tail), MIMICFIX_TASK_TIMEOUT, or MIMICFIX_ABORTED after cancelling the
   * task on the server.
   */
  async waitForTask(taskId, options = {}) {
    const { signal } = options;
    const deadline = Date.now() + this.options.taskTimeoutMs;
    let interval = this.options.pollIntervalMs;
    let last;
    try {
      for (; ; ) {
        const task = await this.getTask(taskId, signal);
        if (task !== null) {
          if (task.status !== last) {
            last = task.status;
            options.onStatus?.(task.status);
            this.options.log(`task ${taskId}: ${task.status}`);
          }
          const outcome = classifyTaskStatus(task.status);
          if (outcome === "succeeded") return task;
          if (outcome === "failed") throw await this.taskFailed(taskId, task.status, signal);
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new MimicfixError4(
            "MIMICFIX_TASK_TIMEOUT",
            `task ${taskId} of project ${this.projectId} did not finish within ${Math.round(this.options.taskTimeoutMs / 1e3)} s (last status: ${last ?? "not visible yet"})`,
            {
              hint: "The task may still be running on the server; raise remote.taskTimeoutMs for large descriptors.",
              details: { taskId, status: last ?? null }
            }
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
  async listArtifacts(taskId, fallback, signal) {
    const params = { project: this.projectId, task: taskId };
    const { status, data } = await this.transport.json("v2.artifactsMetadata", {
      params,
      signal,
      acceptStatus: fallback ? [404, 405] : []
    });
    if (status === 404 || status === 405) {
      this.options.log(
        `task ${taskId}: no artifact metadata (${status}); using the descriptor's expected artifacts`
      );
      return (fallback ?? []).map((name) => ({ name, size: null }));
    }
    const list = data?.artifacts;
    if (!Array.isArray(list))
      throw this.badShape("v2.artifactsMetadata", params, '{"artifacts": [...]}', data);
    return list.map((item) => {
      const entry = item;
      const name = typeof entry.name === "string" ? entry.name : artifactNameFromUrl(entry.url);
      if (name === void 0)
        throw this.badShape("v2.artifactsMetadata", params, "artifacts with a url", item);
      const size = Number(entry.size);
      return {
        name,
        size: entry.size !== void 0 && entry.size !== null && Number.isFinite(size) ? size : null
      };
    });
  }
  /**
   * Streams one artifact to `dest` (v2 `artifacts/{name}/download`), checking the byte count against `size`
   * (or Content-Length). Truncated → MIMICFIX_DOWNLOAD_TRUNCATED and `dest` is not created.
   */
  async downloadArtifact(taskId, artifact, dest, signal) {
    const params = { project: this.projectId, task: taskId, name: artifact.name };
    const where = this.transport.describe("v2.downloadArtifact", params);
    return this.transport.stream(
      "v2.downloadArtifact",
      { params, signal },
      (res) => writeBodyToFile(res, dest, artifact.size, where)
    );
  }
  /**
   * v1 download of `{name}/{format}` (e.g. `person/json`). With `waitReady`, a 404 means "not written yet" and
   * is polled until the task timeout: v1 has no task-status route.
   */
  async downloadArtifactV1(taskId, name, format, dest, options = {}) {
    const params = { project: this.projectId, task: taskId, name, format };
    const where = this.transport.describe("v1.downloadArtifact", params);
    const deadline = Date.now() + this.options.taskTimeoutMs;
    let interval = this.options.pollIntervalMs;
    for (; ; ) {
      const written = await this.transport.stream(
        "v1.downloadArtifact",
        { params, signal: options.signal, acceptStatus: options.waitReady ? [404] : [] },
        async (res) => res.status === 404 ? null : writeBodyToFile(res, dest, null, where)
      );
      if (written !== null) return written;
      if (Date.now() >= deadline) {
        throw new MimicfixError4(
          "MIMICFIX_TASK_TIMEOUT",
          `${where}: artifact not available within ${Math.round(this.options.taskTimeoutMs / 1e3)} s`,
          {
            hint: "v1 has no task-status route: a failed task looks like a missing artifact. Check the task in the DATAMIMIC UI, or use apiVersion v2.",
            details: { taskId }
          }
        );
      }
      await sleep(interval, options.signal);
      interval = Math.min(this.options.maxPollIntervalMs, Math.round(interval * 1.5));
    }
  }
  /** Streams the ZIP of all artifacts (v2) to `dest`. */
  async downloadZip(taskId, dest, signal) {
    const params = { project: this.projectId, task: taskId };
    const where = this.transport.describe("v2.downloadZip", params);
    return this.transport.stream(
      "v2.downloadZip",
      { params, signal },
      (res) => writeBodyToFile(res, dest, null, where)
    );
  }
  /** The task's log so far (v2 `logs?encode=false`); `completed` from `X-Log-Completed`. */
  async fetchLogs(taskId, signal) {
    const { text, headers } = await this.transport.text("v2.logs", {
      params: { project: this.projectId, task: taskId },
      signal
    });
    const flag = headers["x-log-completed"];
    return { text, completed: String(Array.isArray(flag) ? flag[0] : flag).toLowerCase() === "true" };
  }
  /** Cancels a task (v2 `tasks/{task}/cancel`). */
  async cancelTask(taskId) {
    await this.transport.json("v2.cancel", { params: { task: taskId } });
  }
  /** Builds MIMICFIX_TASK_FAILED with the status and the tail of the task log. */
  async taskFailed(taskId, status, signal) {
    let tail = "";
    try {
      const logs = await this.fetchLogs(taskId, signal);
      tail = this.transport.redact(logs.text.trimEnd().split("\n").slice(-LOG_TAIL_LINES).join("\n"));
    } catch (error) {
      tail = `(log unavailable: ${this.transport.redact(error instanceof Error ? error.message : String(error))})`;
    }
    return new MimicfixError4(
      "MIMICFIX_TASK_FAILED",
      `task ${taskId} of project ${this.projectId} ended with status ${status}${tail ? `; log tail:
${tail}` : ""}`,
      {
        hint: "Fix the descriptor (see the log above) or open the task in the DATAMIMIC UI.",
        details: { taskId, status }
      }
    );
  }
  async cancelQuietly(taskId) {
    try {
      await this.cancelTask(taskId);
      this.options.log(`task ${taskId}: cancelled`);
    } catch (error) {
      this.options.log(
        `task ${taskId}: cancel failed: ${this.transport.redact(error instanceof Error ? error.message : String(error))}`
      );
    }
  }
  badShape(route, params, want, got) {
    let shown;
    try {
      shown = JSON.stringify(got) ?? String(got);
    } catch {
      shown = String(got);
    }
    shown = this.transport.redact(shown);
    return new MimicfixError4(
      "MIMICFIX_HTTP_BAD_RESPONSE",
      `${this.transport.describe(route, params)}: expected ${want}, got ${shown.length > 200 ? `${shown.slice(0, 200)}\u2026` : shown}`,
      { details: { route } }
    );
  }
};
function artifactNameFromUrl(url) {
  if (typeof url !== "string") return void 0;
  const match = /\/artifacts\/([^/?#]+)\/download(?:[?#].*)?$/.exec(url);
  if (!match?.[1]) return void 0;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
export {
  DatamimicClient,
  toUploadFiles
};
