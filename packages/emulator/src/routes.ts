/**
 * The DATAMIMIC REST routes the emulator serves (v1 and v2 subsets, see docs/emulator.md). Route names match
 * the client's route table in @mimicfix/core so that fault injection and request counts read the same.
 */

export type EmulatorRouteName =
  | 'v1.readFile'
  | 'v1.updateFiles'
  | 'v1.generate'
  | 'v1.downloadArtifact'
  | 'v2.generate'
  | 'v2.searchTasks'
  | 'v2.artifactsMetadata'
  | 'v2.downloadArtifact'
  | 'v2.downloadZip'
  | 'v2.logs'
  | 'v2.cancel';

interface RoutePattern {
  name: EmulatorRouteName;
  method: 'GET' | 'POST';
  /** Segments; `:x` captures one (percent-decoded) segment. */
  segments: string[];
}

const PATTERNS: RoutePattern[] = [
  ['v1.readFile', 'GET', '/api/v1/:project/file/read/:file'],
  ['v1.updateFiles', 'POST', '/api/v1/:project/files/update'],
  ['v1.generate', 'POST', '/api/v1/:project/generate'],
  ['v1.downloadArtifact', 'GET', '/api/v1/:project/task/:task/artifact/download/:name/:format'],
  ['v2.generate', 'POST', '/api/v2/projects/:project/generate'],
  ['v2.searchTasks', 'POST', '/api/v2/projects/:project/tasks/search'],
  ['v2.artifactsMetadata', 'GET', '/api/v2/projects/:project/tasks/:task/artifacts/metadata'],
  ['v2.downloadZip', 'GET', '/api/v2/projects/:project/tasks/:task/artifacts/download'],
  ['v2.downloadArtifact', 'GET', '/api/v2/projects/:project/tasks/:task/artifacts/:name/download'],
  ['v2.logs', 'GET', '/api/v2/projects/:project/tasks/:task/logs'],
  ['v2.cancel', 'POST', '/api/v2/tasks/:task/cancel'],
].map(([name, method, path]) => ({
  name: name as EmulatorRouteName,
  method: method as 'GET' | 'POST',
  segments: (path as string).split('/').slice(1),
}));

export const ROUTE_NAMES: readonly EmulatorRouteName[] = PATTERNS.map((p) => p.name);

export type RouteMatch =
  | { kind: 'route'; name: EmulatorRouteName; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

/** Matches a raw request path (query stripped); each captured segment is percent-decoded on its own. */
export function matchRoute(method: string, rawPath: string): RouteMatch {
  const parts = rawPath.split('/').slice(1);
  let pathMatched = false;
  for (const pattern of PATTERNS) {
    if (pattern.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length; i++) {
      const want = pattern.segments[i] as string;
      const got = parts[i] as string;
      if (want.startsWith(':')) {
        if (got === '') {
          ok = false;
          break;
        }
        try {
          params[want.slice(1)] = decodeURIComponent(got);
        } catch {
          ok = false;
          break;
        }
      } else if (want !== got) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (pattern.method !== method) {
      pathMatched = true;
      continue;
    }
    return { kind: 'route', name: pattern.name, params };
  }
  return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}
