/**
 * Every DATAMIMIC REST route the client uses, in ONE table, so that a path can be corrected in one place once
 * checked against a live instance. Sources: docs.datamimic.io (v1 access-token workflow) and the vendor's
 * JetBrains plugin (v2). See docs/remote.md.
 */

export type HttpMethod = 'GET' | 'POST';

export interface RouteSpec {
  method: HttpMethod;
  /** Path template; `{param}` is replaced by the percent-encoded value (one path segment each). */
  path: string;
  /**
   * Safe to send again after a 5xx or a reset connection. `generate` is not: a retried generate can start a
   * second task, so it is only retried when the server says it did not take the request (429/503, refused).
   */
  idempotent: boolean;
}

export const ROUTES = {
  'v1.readFile': { method: 'GET', path: '/api/v1/{project}/file/read/{file}', idempotent: true },
  'v1.updateFiles': { method: 'POST', path: '/api/v1/{project}/files/update', idempotent: true },
  'v1.generate': { method: 'POST', path: '/api/v1/{project}/generate', idempotent: false },
  'v1.downloadArtifact': {
    method: 'GET',
    path: '/api/v1/{project}/task/{task}/artifact/download/{name}/{format}',
    idempotent: true,
  },
  'v2.generate': { method: 'POST', path: '/api/v2/projects/{project}/generate', idempotent: false },
  'v2.searchTasks': { method: 'POST', path: '/api/v2/projects/{project}/tasks/search', idempotent: true },
  'v2.artifactsMetadata': {
    method: 'GET',
    path: '/api/v2/projects/{project}/tasks/{task}/artifacts/metadata',
    idempotent: true,
  },
  'v2.downloadArtifact': {
    method: 'GET',
    path: '/api/v2/projects/{project}/tasks/{task}/artifacts/{name}/download',
    idempotent: true,
  },
  'v2.downloadZip': {
    method: 'GET',
    path: '/api/v2/projects/{project}/tasks/{task}/artifacts/download',
    idempotent: true,
  },
  'v2.logs': {
    method: 'GET',
    path: '/api/v2/projects/{project}/tasks/{task}/logs?encode=false',
    idempotent: true,
  },
  'v2.cancel': { method: 'POST', path: '/api/v2/tasks/{task}/cancel', idempotent: true },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** Task statuses as the v2 API reports them. Anything else is treated as still running. */
export const TASK_STATUS = {
  running: ['QUEUED', 'RUNNING', 'RETRY', 'FINALIZING'],
  succeeded: ['SUCCESS', 'SUCCESS_WITH_WARNING'],
  failed: ['WORKER_FAILURE', 'DISPATCH_FAILURE', 'FINALIZATION_FAILURE', 'CANCELLED', 'DELETED'],
} as const;

export type TaskOutcome = 'running' | 'succeeded' | 'failed';

/** Classifies a status string; unknown statuses count as running (the API may add new ones). */
export function classifyTaskStatus(status: string): TaskOutcome {
  if ((TASK_STATUS.succeeded as readonly string[]).includes(status)) return 'succeeded';
  if ((TASK_STATUS.failed as readonly string[]).includes(status)) return 'failed';
  return 'running';
}

/**
 * Fills a route's path template. Every value is percent-encoded as ONE path segment (a `/` in an artifact
 * name becomes `%2F`), so a name can never walk to another route.
 */
export function buildPath(route: RouteName, params: Record<string, string>): string {
  return ROUTES[route].path.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`route ${route}: missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}
