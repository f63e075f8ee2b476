import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMimicfixError, type MimicfixError } from '@mimicfix/engine';
import { afterEach, describe, expect, it } from 'vitest';
// The emulator from source, not its dist: core cannot depend on @mimicfix/emulator (which depends on core), so
// turbo would not build the emulator before core's tests.
import { type Emulator, type EmulatorGenerator, startEmulator } from '../../../emulator/src/index';
import { createRemoteBackend } from '../../src/backends/remote';
import { DatamimicClient } from '../../src/client/datamimic-client';
import type { KeyOptions, LoadedProject, RemoteOptions } from '../../src/types';

const TOKEN = 'dmtok_DISTINCTIVE_5b2f9e71c4';
const DESCRIPTOR = '<setup>\n  <generate name="person" count="3" target="JSON,CSV"/>\n</setup>\n';
const PEOPLE = 'name|age\nAda|36\nAlan|41\n';
const KEY_OPTIONS: KeyOptions = { seed: 'mimicfix', counts: {}, dataset: null, locale: null, datasets: null };

const dirs: string[] = [];
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-remote-test-'));
  dirs.push(dir);
  return dir;
}

function project(): LoadedProject {
  const base = tempDir();
  const files = [
    { path: 'data/people.ent.csv', text: PEOPLE },
    { path: 'datamimic.xml', text: DESCRIPTOR },
  ].map((f) => {
    const absolutePath = path.join(base, f.path);
    fs.mkdirSync(path.dirname(absolutePath), { recursive: true });
    fs.writeFileSync(absolutePath, f.text);
    const bytes = Buffer.from(f.text);
    return { path: f.path, absolutePath, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  return {
    descriptorPath: path.join(base, 'datamimic.xml'),
    baseDir: base,
    files,
    expected: [{ name: 'person', formats: ['json', 'csv'], nested: false }],
    warnings: [],
  };
}

/** Writes person.json (3 records) and person.csv (3 rows + header) unless the descriptor says "fail"/"hang". */
const fakeEngine: EmulatorGenerator = async (descriptorPath, outDir, { signal, log }) => {
  const text = fs.readFileSync(descriptorPath, 'utf8');
  const people = fs.readFileSync(path.join(path.dirname(descriptorPath), 'data/people.ent.csv'), 'utf8');
  log(`read ${people.split('\n').length - 2} people`);
  if (text.includes('fail')) log(`descriptor: ${text}`);
  if (text.includes('fail'))
    throw Object.assign(new Error('unknown generator Foo at datamimic.xml:2:3'), {
      code: 'MIMICFIX_GENERATOR',
    });
  if (text.includes('hang'))
    await new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  const names = ['Ada', 'Alan', 'Grace'];
  const count = text.includes('many') ? 5000 : 3;
  const rows = Array.from({ length: count }, (_v, i) => ({ id: i + 1, name: names[i % 3] }));
  fs.writeFileSync(path.join(outDir, 'person.json'), JSON.stringify(rows));
  fs.writeFileSync(
    path.join(outDir, 'person.csv'),
    `id|name\n${rows.map((r) => `${r.id}|${r.name}`).join('\n')}\n`,
  );
};

function remote(extra: Partial<RemoteOptions> & Record<string, unknown> = {}): RemoteOptions {
  return {
    url: emulator?.url ?? '',
    projectId: 'proj-a',
    token: TOKEN,
    pollIntervalMs: 20,
    retries: 2,
    retryBaseMs: 5,
    generateWaitS: 0,
    ...extra,
  } as RemoteOptions;
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

function allFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('remote backend against the emulator', () => {
  it('uploads the closure, generates once, tracks the task and downloads every artifact', async () => {
    emulator = await startEmulator({
      tokens: { 'proj-a': TOKEN },
      generator: fakeEngine,
      visibilityDelayMs: 60,
    });
    const backend = createRemoteBackend(remote());
    expect(backend.identity).toEqual({
      kind: 'remote',
      host: new URL(emulator.url).host,
      projectId: 'proj-a',
      apiVersion: 'v2',
    });
    const out = tempDir();
    const lines: string[] = [];
    const files = await backend.generate(project(), out, {
      keyOptions: KEY_OPTIONS,
      log: (l) => lines.push(l),
    });
    expect(files).toEqual([
      { file: 'person.csv', dataset: 'person', format: 'csv', records: 3 },
      { file: 'person.json', dataset: 'person', format: 'json', records: 3 },
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'person.json'), 'utf8'))[2].name).toBe('Grace');
    expect(fs.readdirSync(out).sort()).toEqual(['person.csv', 'person.json']);
    const uploaded = await emulator.projectFiles('proj-a');
    expect(uploaded['datamimic.xml']?.toString()).toBe(DESCRIPTOR);
    expect(uploaded['data/people.ent.csv']?.toString()).toBe(PEOPLE);
    expect(emulator.counts['v1.updateFiles']).toBe(1);
    expect(emulator.counts['v2.generate']).toBe(1);
    expect(emulator.counts['v2.searchTasks']).toBeGreaterThanOrEqual(1);
    expect(emulator.counts['v2.downloadArtifact']).toBe(2);
    expect(lines.some((l) => l.startsWith('task ') && l.endsWith('SUCCESS'))).toBe(true);
  });

  it('never lets the token into an error, a log line or a file', async () => {
    emulator = await startEmulator({ tokens: { 'proj-a': TOKEN }, generator: fakeEngine });
    const out = tempDir();
    const logged: string[] = [];
    const log = (l: string) => logged.push(l);
    const messages: string[] = [];
    const collect = async (p: Promise<unknown>) => {
      const e = await failure(p);
      messages.push(
        e.format(),
        JSON.stringify(e.details ?? {}),
        String((e.cause as Error | undefined)?.message ?? ''),
      );
    };
    // A full successful flow.
    await createRemoteBackend(remote()).generate(project(), out, { keyOptions: KEY_OPTIONS, log });
    // A server that echoes the token, retried 5xx, a failed task, a truncated download, a wrong project.
    emulator.faults.add({
      route: 'v2.searchTasks',
      status: 500,
      times: 3,
      body: { detail: `echo Bearer ${TOKEN}` },
    });
    await collect(
      createRemoteBackend(remote()).generate(project(), tempDir(), { keyOptions: KEY_OPTIONS, log }),
    );
    emulator.faults.add({ route: 'v2.downloadArtifact', truncateAfterBytes: 5, times: 3 });
    await collect(
      createRemoteBackend(remote()).generate(project(), tempDir(), { keyOptions: KEY_OPTIONS, log }),
    );
    await collect(
      createRemoteBackend(remote({ projectId: 'nope' })).generate(project(), out, {
        keyOptions: KEY_OPTIONS,
        log,
      }),
    );
    const failing = project();
    failing.files = failing.files.map((f) =>
      f.path === 'datamimic.xml' ? { ...f, bytes: Buffer.from(`<setup><!-- fail ${TOKEN} --></setup>`) } : f,
    );
    await collect(
      createRemoteBackend(remote()).generate(failing, tempDir(), { keyOptions: KEY_OPTIONS, log }),
    );

    expect(messages.length).toBe(12);
    expect(logged.length).toBeGreaterThan(5);
    const hits = [...messages, ...logged].filter((text) => text.includes(TOKEN));
    expect(hits).toEqual([]);
    for (const dir of dirs) {
      for (const file of allFiles(dir)) {
        // The uploaded descriptor of the failing case holds the token on purpose; it is the user's file.
        if (file.endsWith('datamimic.xml')) continue;
        expect(fs.readFileSync(file).includes(TOKEN), file).toBe(false);
      }
    }
    // The failed task's log echoed the descriptor (holding the token); the tail in the error is scrubbed.
    expect(messages.some((m) => m.includes('MIMICFIX_TASK_FAILED') && m.includes('<!-- fail *** -->'))).toBe(
      true,
    );
  });

  it('a task failure reports its status and the log tail', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine });
    const p = project();
    p.files = p.files.map((f) =>
      f.path === 'datamimic.xml' ? { ...f, bytes: Buffer.from('<setup><fail/></setup>') } : f,
    );
    const error = await failure(
      createRemoteBackend(remote()).generate(p, tempDir(), { keyOptions: KEY_OPTIONS, log: () => {} }),
    );
    expect(error.code).toBe('MIMICFIX_TASK_FAILED');
    expect(error.message).toContain('ended with status WORKER_FAILURE');
    expect(error.message).toContain('MIMICFIX_GENERATOR: unknown generator Foo at datamimic.xml:2:3');
    expect(emulator.counts['v2.logs']).toBe(1);

    // The same failure answered inside the generate wait (returncode 1) reports the real status too.
    const again = await failure(
      createRemoteBackend(remote({ generateWaitS: 5 })).generate(p, tempDir(), {
        keyOptions: KEY_OPTIONS,
        log: () => {},
      }),
    );
    expect(again.code).toBe('MIMICFIX_TASK_FAILED');
    expect(again.message).toContain('ended with status WORKER_FAILURE');
    expect(emulator.counts['v2.generate']).toBe(2);
  });

  it('a truncated download is detected, retried, and leaves nothing behind', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine });
    // Cut well inside the ~70 KB CSV, so that the headers arrive and the body ends early.
    emulator.faults.add({ route: 'v2.downloadArtifact', truncateAfterBytes: 30_000, times: 3 });
    const p = project();
    p.files = p.files.map((f) =>
      f.path === 'datamimic.xml' ? { ...f, bytes: Buffer.from('<setup><!-- many --></setup>') } : f,
    );
    const out = tempDir();
    const error = await failure(
      createRemoteBackend(remote()).generate(p, out, { keyOptions: KEY_OPTIONS, log: () => {} }),
    );
    expect(error.message).toContain('person.csv/download: connection lost while reading the body');
    expect(error.code).toBe('MIMICFIX_DOWNLOAD_TRUNCATED');
    expect(emulator.counts['v2.downloadArtifact']).toBe(3);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a stalled download body → MIMICFIX_HTTP_TIMEOUT, nothing kept', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine });
    emulator.faults.add({ route: 'v2.downloadArtifact', delayBodyMs: 3_000 });
    const out = tempDir();
    const error = await failure(
      createRemoteBackend(remote({ requestTimeoutMs: 300 })).generate(project(), out, {
        keyOptions: KEY_OPTIONS,
        log: () => {},
      }),
    );
    expect(error.code).toBe('MIMICFIX_HTTP_TIMEOUT');
    expect(error.message).toContain('artifacts/person.csv/download: response body stalled');
    expect(emulator.counts['v2.downloadArtifact']).toBe(1);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('detects a short body against the size announced in metadata', async () => {
    emulator = await startEmulator({ tokens: TOKEN });
    const task = await emulator.seedTask('proj-a', { 'person.json': '[1,2,3]' });
    const client = new DatamimicClient({ ...remote(), retries: 0 });
    const out = tempDir();
    const error = await failure(
      client.downloadArtifact(task, { name: 'person.json', size: 100 }, path.join(out, 'person.json')),
    );
    await client.close();
    expect(error.code).toBe('MIMICFIX_DOWNLOAD_TRUNCATED');
    expect(error.message).toContain('received 7 bytes, the server announced 100');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('treats an empty search answer and unknown statuses as still running', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine, queueDelayMs: 100 });
    emulator.faults.add({
      route: 'v2.searchTasks',
      status: 200,
      body: { data: [{ status: 'WARMING_UP' }] },
      times: 2,
    });
    const lines: string[] = [];
    const files = await createRemoteBackend(remote()).generate(project(), tempDir(), {
      keyOptions: KEY_OPTIONS,
      log: (line) => lines.push(line),
    });
    expect(files).toHaveLength(2);
    expect(emulator.counts['v2.searchTasks']).toBeGreaterThanOrEqual(3);
    const statuses = lines.filter((l) => /^task \S+: [A-Z_]+$/.test(l)).map((l) => l.split(': ')[1]);
    expect(statuses[0]).toBe('WARMING_UP');
    expect(statuses.at(-1)).toBe('SUCCESS');
  });

  it('caps the total wait with MIMICFIX_TASK_TIMEOUT', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine });
    const p = project();
    p.files = p.files.map((f) => (f.path === 'datamimic.xml' ? { ...f, bytes: Buffer.from('<hang/>') } : f));
    const error = await failure(
      createRemoteBackend(remote({ taskTimeoutMs: 300 })).generate(p, tempDir(), {
        keyOptions: KEY_OPTIONS,
        log: () => {},
      }),
    );
    expect(error.code).toBe('MIMICFIX_TASK_TIMEOUT');
    expect(error.message).toContain('last status: RUNNING');
  });

  it('an AbortSignal cancels the remote task → MIMICFIX_ABORTED', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine });
    const p = project();
    p.files = p.files.map((f) => (f.path === 'datamimic.xml' ? { ...f, bytes: Buffer.from('<hang/>') } : f));
    const controller = new AbortController();
    const running = createRemoteBackend(remote()).generate(p, tempDir(), {
      keyOptions: KEY_OPTIONS,
      signal: controller.signal,
      log: (line) => {
        if (line.endsWith('RUNNING')) controller.abort();
      },
    });
    const error = await failure(running);
    expect(error.code).toBe('MIMICFIX_ABORTED');
    expect(emulator.counts['v2.cancel']).toBe(1);
    const [task] = emulator.tasks('proj-a');
    expect((await emulator.waitForTask(task?.id ?? '')).status).toBe('CANCELLED');
  });

  it("falls back to the descriptor's expected artifacts when metadata is missing", async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine });
    emulator.faults.add({ route: 'v2.artifactsMetadata', status: 404, body: { detail: 'Not Found' } });
    const files = await createRemoteBackend(remote()).generate(project(), tempDir(), {
      keyOptions: KEY_OPTIONS,
      log: () => {},
    });
    expect(files.map((f) => [f.file, f.records])).toEqual([
      ['person.csv', 3],
      ['person.json', 3],
    ]);
  });

  it('works through the v1 routes (download polls until the artifact exists)', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine, queueDelayMs: 80 });
    const backend = createRemoteBackend(remote({ apiVersion: 'v1' }));
    expect(backend.identity).toMatchObject({ apiVersion: 'v1' });
    const out = tempDir();
    const files = await backend.generate(project(), out, { keyOptions: KEY_OPTIONS, log: () => {} });
    expect(files).toEqual([
      { file: 'person.json', dataset: 'person', format: 'json', records: 3 },
      { file: 'person.csv', dataset: 'person', format: 'csv', records: 3 },
    ]);
    expect(emulator.counts['v1.generate']).toBe(1);
    expect(emulator.counts['v2.generate']).toBe(0);
    expect(emulator.counts['v1.downloadArtifact']).toBeGreaterThanOrEqual(2);
  });

  it('reads project files, lists metadata with string sizes, downloads the zip and the logs', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: fakeEngine });
    const client = new DatamimicClient({ ...remote(), generateWaitS: 5 });
    try {
      await client.updateFiles(project().files);
      expect((await client.readFile('datamimic.xml')).toString()).toBe(DESCRIPTOR);
      const started = await client.generate();
      expect(started.outcome).toBe('succeeded');
      const listed = await client.listArtifacts(started.taskId);
      expect(listed).toEqual([
        { name: 'person.csv', size: 29 },
        { name: 'person.json', size: 70 },
      ]);
      const zip = path.join(tempDir(), 'all.zip');
      await client.downloadZip(started.taskId, zip);
      expect(fs.readFileSync(zip).readUInt32LE(0)).toBe(0x04034b50);
      const logs = await client.fetchLogs(started.taskId);
      expect(logs.completed).toBe(true);
      expect(logs.text).toContain('read 2 people');
    } finally {
      await client.close();
    }
  });
});

describe('remote backend against the emulator running the engine', () => {
  it('produces the same bytes and record counts as the local engine for the same descriptor', async () => {
    const { generate, scanDescriptor } = await import('@mimicfix/engine');
    const base = tempDir();
    fs.mkdirSync(path.join(base, 'data'));
    fs.writeFileSync(path.join(base, 'data/tiers.wgt.csv'), 'gold|1\nsilver|3\n');
    fs.writeFileSync(
      path.join(base, 'datamimic.xml'),
      `<setup>
    <generate name="customer" count="40" target="JSON,CSV">
        <key name="id" generator="IncrementGenerator"/>
        <key name="tier" source="data/tiers.wgt.csv"/>
    </generate>
</setup>
`,
    );
    const scan = scanDescriptor(path.join(base, 'datamimic.xml'));
    const loaded: LoadedProject = {
      descriptorPath: path.join(base, 'datamimic.xml'),
      baseDir: base,
      files: scan.files
        .map((abs) => {
          const bytes = fs.readFileSync(abs);
          return {
            path: path.relative(base, abs).split(path.sep).join('/'),
            absolutePath: abs,
            bytes,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          };
        })
        .sort((a, b) => a.path.localeCompare(b.path)),
      expected: scan.expected,
      warnings: [],
    };
    expect(loaded.files.map((f) => f.path)).toEqual(['data/tiers.wgt.csv', 'datamimic.xml']);

    emulator = await startEmulator({ tokens: TOKEN });
    const remoteOut = tempDir();
    const files = await createRemoteBackend(remote()).generate(loaded, remoteOut, {
      keyOptions: KEY_OPTIONS,
      log: () => {},
    });
    const localOut = tempDir();
    const local = await generate(loaded.descriptorPath, { outDir: localOut, seed: 'mimicfix' });

    expect(files.map((f) => [f.file, f.records]).sort()).toEqual(
      local.artifacts.map((a) => [a.file, a.records]).sort(),
    );
    for (const f of files) {
      expect(
        fs.readFileSync(path.join(remoteOut, f.file)).equals(fs.readFileSync(path.join(localOut, f.file))),
      ).toBe(true);
    }
    expect(files.find((f) => f.format === 'csv')?.records).toBe(40);
  });
});
