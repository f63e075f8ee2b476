/**
 * The remote generator backend: runs a generation on a DATAMIMIC instance through its REST API.
 * Upload the whole descriptor closure → generate → track the task → download every expected artifact.
 */
import path from 'node:path';
import { type ArtifactFormat, MimicfixError } from '@mimicfix/engine';
import {
  DatamimicClient,
  type DatamimicClientOptions,
  type RemoteArtifact,
} from '../client/datamimic-client';
import type { GeneratorBackend, GeneratorIdentity, LoadedProject, RemoteOptions } from '../types';
import { countRecords } from './remote-records';

const FORMAT_BY_EXTENSION: Record<string, ArtifactFormat> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.csv': 'csv',
  '.xml': 'xml',
  '.txt': 'txt',
};

/** Identity of a remote backend: host, project and API version; never the token. */
export function remoteIdentity(remote: RemoteOptions): GeneratorIdentity {
  let host: string;
  try {
    host = new URL(remote.url).host;
  } catch (cause) {
    throw new MimicfixError('MIMICFIX_CONFIG', `remote.url is not a URL: ${remote.url}`, {
      cause,
      hint: 'Set DATAMIMIC_URL to the base URL of the instance, e.g. https://datamimic.example.com',
    });
  }
  return { kind: 'remote', host, projectId: remote.projectId, apiVersion: remote.apiVersion ?? 'v2' };
}

/**
 * Creates the remote backend. `remote` may carry {@link DatamimicClientOptions} knobs (retry timing) too.
 * The token is only ever put into the Authorization header.
 */
export function createRemoteBackend(remote: RemoteOptions | DatamimicClientOptions): GeneratorBackend {
  const identity = remoteIdentity(remote);
  return {
    identity,
    async generate(project, outDir, { keyOptions, signal, log }) {
      const client = new DatamimicClient({ ...remote, log: (line) => log(line) });
      try {
        const overrides = [
          Object.keys(keyOptions.counts).length > 0 ? 'counts' : '',
          keyOptions.dataset !== null ? 'dataset' : '',
          keyOptions.locale !== null ? 'locale' : '',
        ].filter(Boolean);
        if (overrides.length > 0) {
          log(
            `remote generation ignores the ${overrides.join('/')} override(s): the descriptor's own values apply`,
          );
        }
        const wanted = selectExpected(project, keyOptions.datasets);

        log(
          `uploading ${project.files.length} file(s) to project ${remote.projectId} on ${identity.kind === 'remote' ? identity.host : ''}`,
        );
        await client.updateFiles(
          project.files.map((f) => ({ path: f.path, bytes: f.bytes })),
          signal,
        );
        const started = await client.generate(signal);
        log(`task ${started.taskId} started`);

        if (client.apiVersion === 'v1')
          return await downloadV1(client, started.taskId, wanted, outDir, signal);

        if (started.outcome === 'failed') {
          // returncode 1 says "failed" but not how: the task search has the real status.
          const task = await client.getTask(started.taskId, signal).catch(() => null);
          throw await client.taskFailed(started.taskId, task?.status ?? 'FAILED (returncode 1)', signal);
        }
        if (started.outcome === 'running') await client.waitForTask(started.taskId, { signal });
        else log(`task ${started.taskId}: finished within the generate wait`);

        const fallback = wanted.flatMap((e) => e.formats.map((format) => `${e.name}.${format}`));
        const listed = await client.listArtifacts(started.taskId, fallback, signal);
        const picked = pickArtifacts(listed, wanted, started.taskId);
        const results: Array<{ file: string; dataset: string; format: ArtifactFormat; records: number }> = [];
        for (const { artifact, dataset, format } of picked) {
          const dest = path.join(outDir, artifact.name);
          const bytes = await client.downloadArtifact(started.taskId, artifact, dest, signal);
          const records = await countRecords(dest, format);
          log(`downloaded ${artifact.name} (${bytes} bytes, ${records} records)`);
          results.push({ file: artifact.name, dataset, format, records });
        }
        return results;
      } finally {
        await client.close();
      }
    },
  };
}

type Expected = LoadedProject['expected'][number];

function selectExpected(project: LoadedProject, datasets: string[] | null): Expected[] {
  if (datasets === null) return project.expected;
  // Nested generates are kept: they belong to whichever top-level generate the descriptor nests them in.
  return project.expected.filter((e) => e.nested || datasets.includes(e.name));
}

/** Maps listed artifact files to the expected datasets: `X.ext`, or `X_<n>.json` for chunked JSON. */
function pickArtifacts(
  listed: RemoteArtifact[],
  wanted: Expected[],
  taskId: string,
): Array<{ artifact: RemoteArtifact; dataset: string; format: ArtifactFormat }> {
  const byName = new Map(wanted.map((e) => [e.name, e]));
  const picked: Array<{ artifact: RemoteArtifact; dataset: string; format: ArtifactFormat }> = [];
  const seen = new Set<string>();
  for (const artifact of listed) {
    if (artifact.name.includes('/') || artifact.name.includes('\\') || artifact.name.startsWith('.'))
      continue;
    const ext = path.extname(artifact.name).toLowerCase();
    const format = FORMAT_BY_EXTENSION[ext];
    if (format === undefined) continue;
    const stem = artifact.name.slice(0, -ext.length);
    const chunk = /^(.*)_\d+$/.exec(stem)?.[1];
    const dataset = byName.has(stem) ? stem : chunk !== undefined && byName.has(chunk) ? chunk : undefined;
    if (dataset === undefined || !byName.get(dataset)?.formats.includes(format)) continue;
    picked.push({ artifact, dataset, format });
    seen.add(`${dataset}.${format}`);
  }
  const missing = wanted.flatMap((e) => e.formats.map((f) => `${e.name}.${f}`)).filter((k) => !seen.has(k));
  if (missing.length > 0) {
    throw new MimicfixError(
      'MIMICFIX_HTTP_BAD_RESPONSE',
      `task ${taskId} finished but did not list the expected artifact(s) ${missing.join(', ')} (listed: ${listed.map((a) => a.name).join(', ') || 'none'})`,
      {
        hint: 'The project on the server may run another descriptor than the uploaded one (see docs/remote.md).',
      },
    );
  }
  return picked.sort((a, b) => a.artifact.name.localeCompare(b.artifact.name, 'en', { numeric: true }));
}

async function downloadV1(
  client: DatamimicClient,
  taskId: string,
  wanted: Expected[],
  outDir: string,
  signal: AbortSignal | undefined,
): Promise<Array<{ file: string; dataset: string; format: ArtifactFormat; records: number }>> {
  const results: Array<{ file: string; dataset: string; format: ArtifactFormat; records: number }> = [];
  for (const entry of wanted) {
    for (const format of entry.formats) {
      const file = `${entry.name}.${format}`;
      const dest = path.join(outDir, file);
      // v1 cannot see task status: every download waits until its artifact exists.
      await client.downloadArtifactV1(taskId, entry.name, format, dest, { signal, waitReady: true });
      results.push({ file, dataset: entry.name, format, records: await countRecords(dest, format) });
    }
  }
  return results;
}
