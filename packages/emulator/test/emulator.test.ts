import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, type EmulatorGenerator, startEmulator } from '../src/index';

const TOKEN = 'emu-test-token-7f3a';
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const writePerson: EmulatorGenerator = async (descriptorPath, outDir, { log }) => {
  log(`generating ${path.basename(descriptorPath)}`);
  await writeFile(path.join(outDir, 'person.json'), JSON.stringify([{ id: 1 }, { id: 2 }]));
};

async function call(
  method: string,
  route: string,
  body?: unknown,
  token: string | null = TOKEN,
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const res = await fetch(`${emulator?.url}${route}`, {
    method,
    headers: {
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const upload = (project: string, files: Record<string, string>) =>
  call(
    'POST',
    `/api/v1/${project}/files/update`,
    Object.entries(files).map(([p, text], index) => ({
      code: Buffer.from(text).toString('base64'),
      encoding: 'utf-8',
      extension: path.extname(p),
      index,
      name: path.basename(p, path.extname(p)),
      uri: `${project}/${p}`,
    })),
  );

describe('emulator', () => {
  it('checks the Bearer token, per project when tokens is a map', async () => {
    emulator = await startEmulator({ tokens: { p1: TOKEN } });
    expect((await call('GET', '/api/v1/p1/file/read/datamimic.xml', undefined, null)).status).toBe(401);
    const wrong = await call('GET', '/api/v1/p1/file/read/datamimic.xml', undefined, 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.json.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await call('GET', '/api/v1/other/file/read/datamimic.xml')).status).toBe(404);
    expect((await call('GET', '/api/v1/p1/file/read/datamimic.xml')).status).toBe(404);
    expect(emulator.counts['v1.readFile']).toBe(4);
  });

  it('stores uploaded files and reads them back as a base64 JSON string', async () => {
    emulator = await startEmulator({ tokens: TOKEN });
    const up = await upload('p1', { 'datamimic.xml': '<setup/>', 'data/people.ent.csv': 'a|b\n1|2\n' });
    expect(up.status).toBe(200);
    const read = await call('GET', '/api/v1/p1/file/read/datamimic.xml');
    expect(Buffer.from(read.json, 'base64').toString()).toBe('<setup/>');
    const nested = await call('GET', `/api/v1/p1/file/read/${encodeURIComponent('data/people.ent.csv')}`);
    expect(Buffer.from(nested.json, 'base64').toString()).toBe('a|b\n1|2\n');
    const files = await emulator.projectFiles('p1');
    expect(Object.keys(files).sort()).toEqual(['data/people.ent.csv', 'datamimic.xml']);
    const outside = await upload('p1', { '../evil.xml': 'x' });
    expect(outside.status).toBe(422);
    expect(outside.json.errors[0].loc).toEqual(['body', 0, 'uri']);
  });

  it('generates through v2, serves metadata (size as a string), artifacts, zip and completed logs', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: writePerson });
    await upload('p1', { 'datamimic.xml': '<setup/>' });
    const gen = await call('POST', '/api/v2/projects/p1/generate', { timeout: 5, task_type: 'standard' });
    expect(gen.status).toBe(200);
    expect(gen.json.returncode).toBe(0);
    const task = gen.json.task_id as string;
    const meta = await call('GET', `/api/v2/projects/p1/tasks/${task}/artifacts/metadata`);
    const expectedBytes = JSON.stringify([{ id: 1 }, { id: 2 }]);
    expect(meta.json.artifacts).toEqual([
      {
        url: `${emulator.url}/api/v2/projects/p1/tasks/${task}/artifacts/person.json/download`,
        size: String(expectedBytes.length),
      },
    ]);
    const art = await call('GET', `/api/v2/projects/p1/tasks/${task}/artifacts/person.json/download`);
    expect(art.text).toBe(expectedBytes);
    const v1 = await call('GET', `/api/v1/p1/task/${task}/artifact/download/person/json`);
    expect(v1.text).toBe(expectedBytes);

    const zipRes = await fetch(`${emulator.url}/api/v2/projects/p1/tasks/${task}/artifacts/download`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const zip = Buffer.from(await zipRes.arrayBuffer());
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const nameLength = zip.readUInt16LE(26);
    expect(zip.subarray(30, 30 + nameLength).toString()).toBe('person.json');
    expect(zip.subarray(30 + nameLength, 30 + nameLength + expectedBytes.length).toString()).toBe(
      expectedBytes,
    );
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);

    const logs = await call('GET', `/api/v2/projects/p1/tasks/${task}/logs?encode=false`);
    expect(logs.headers.get('x-log-completed')).toBe('true');
    expect(logs.text).toContain('generating datamimic.xml');
    expect(logs.text).toContain('status SUCCESS');
  });

  it('answers 202/returncode 3 while running and hides new tasks from search for visibilityDelayMs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    emulator = await startEmulator({
      tokens: TOKEN,
      visibilityDelayMs: 300,
      generator: async (d, out, ctx) => {
        await gate;
        await writePerson(d, out, ctx);
      },
    });
    await upload('p1', { 'datamimic.xml': '<setup/>' });
    const gen = await call('POST', '/api/v2/projects/p1/generate', { timeout: 0, task_type: 'standard' });
    expect(gen.status).toBe(202);
    expect(gen.json.returncode).toBe(3);
    const search = () =>
      call('POST', '/api/v2/projects/p1/tasks/search', {
        filters: { task_id: gen.json.task_id },
        pagination: { page: 1, per_page: 1 },
      });
    expect((await search()).json.data).toEqual([]);
    await new Promise((r) => setTimeout(r, 350));
    const running = await search();
    expect(running.json.data[0].status).toBe('RUNNING');
    expect(running.json.data[0].task_id).toBe(gen.json.task_id);
    release();
    await emulator.waitForTask(gen.json.task_id);
    expect((await search()).json.data[0].status).toBe('SUCCESS');
    const bad = await call('POST', '/api/v2/projects/p1/tasks/search', { filters: { project: 'x' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].loc).toEqual(['body', 'filters', 'project']);
  });

  it('reports WORKER_FAILURE with the error in the log, and cancels running tasks', async () => {
    emulator = await startEmulator({
      tokens: TOKEN,
      generator: async (_d, _o, { signal }) => {
        if (
          _d.endsWith('datamimic.xml') &&
          (await import('node:fs')).readFileSync(_d, 'utf8').includes('fail')
        ) {
          throw Object.assign(new Error('unknown generator Foo'), { code: 'MIMICFIX_GENERATOR' });
        }
        await new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      },
    });
    await upload('p1', { 'datamimic.xml': '<fail/>' });
    const failed = await call('POST', '/api/v2/projects/p1/generate', { timeout: 5 });
    expect(failed.json.returncode).toBe(1);
    const logs = await call('GET', `/api/v2/projects/p1/tasks/${failed.json.task_id}/logs`);
    expect(logs.text).toContain('MIMICFIX_GENERATOR: unknown generator Foo');
    expect(emulator.tasks('p1')[0]?.status).toBe('WORKER_FAILURE');

    await upload('p1', { 'datamimic.xml': '<hang/>' });
    const hanging = await call('POST', '/api/v2/projects/p1/generate', { timeout: 0 });
    const cancel = await call('POST', `/api/v2/tasks/${hanging.json.task_id}/cancel`);
    expect(cancel.status).toBe(200);
    expect((await emulator.waitForTask(hanging.json.task_id)).status).toBe('CANCELLED');
    expect((await call('POST', `/api/v2/tasks/${hanging.json.task_id}/cancel`)).status).toBe(409);
  });

  it('injects status faults for the next N requests and counts every request', async () => {
    emulator = await startEmulator({ tokens: TOKEN });
    emulator.faults.add({ route: 'v1.readFile', status: 503, retryAfter: 2, times: 2 });
    const first = await call('GET', '/api/v1/p1/file/read/x.xml');
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await call('GET', '/api/v1/p1/file/read/x.xml')).status).toBe(503);
    expect((await call('GET', '/api/v1/p1/file/read/x.xml')).status).toBe(404);
    expect(emulator.counts['v1.readFile']).toBe(3);
    emulator.faults.add({ route: '*', status: 200, body: '<html>not json' });
    expect((await call('POST', '/api/v2/projects/p1/tasks/search', {})).text).toBe('<html>not json');
    expect(emulator.faults.pending()).toEqual([]);
    emulator.resetCounts();
    expect(emulator.counts['v2.searchTasks']).toBe(0);
  });

  it('resets connections, delays headers and truncates bodies on request', async () => {
    emulator = await startEmulator({ tokens: TOKEN });
    const task = await emulator.seedTask('p1', { 'big.json': Buffer.alloc(10_000, 'a') });
    const route = `/api/v2/projects/p1/tasks/${task}/artifacts/big.json/download`;

    emulator.faults.add({ route: 'v2.downloadArtifact', reset: true });
    await expect(call('GET', route)).rejects.toThrow();

    emulator.faults.add({ route: 'v2.downloadArtifact', truncateAfterBytes: 100 });
    const raw = await rawGet(emulator.url, route);
    expect(raw).toContain('content-length: 10000');
    expect(raw.split('\r\n\r\n')[1]?.length).toBe(100);

    emulator.faults.add({ route: 'v2.downloadArtifact', delayHeadersMs: 200 });
    const started = Date.now();
    expect((await call('GET', route)).text.length).toBe(10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(emulator.counts['v2.downloadArtifact']).toBe(3);
  });

  it('serves synthetic artifacts of a given size', async () => {
    emulator = await startEmulator({
      tokens: TOKEN,
      generator: writePerson,
      syntheticArtifacts: { 'big.bin': 300_000 },
    });
    await upload('p1', { 'datamimic.xml': '<setup/>' });
    const gen = await call('POST', '/api/v2/projects/p1/generate', { timeout: 5 });
    const meta = await call('GET', `/api/v2/projects/p1/tasks/${gen.json.task_id}/artifacts/metadata`);
    expect(meta.json.artifacts.map((a: { size: string }) => a.size)).toEqual(['19', '300000']);
    const big = await call('GET', `/api/v2/projects/p1/tasks/${gen.json.task_id}/artifacts/big.bin/download`);
    expect(big.text.length).toBe(300_000);
  });
});

/** A raw HTTP/1.1 GET that returns everything the server sent before closing (sees truncated bodies). */
async function rawGet(url: string, route: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await once(socket, 'connect');
  socket.write(
    `GET ${route} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
  );
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  await once(socket, 'close');
  return Buffer.concat(chunks).toString().toLowerCase();
}

describe('emulator introspection', () => {
  it('serves request counts and tasks at /_emulator/* without a token', async () => {
    emulator = await startEmulator({ tokens: TOKEN, generator: writePerson });
    await upload('p1', { 'datamimic.xml': '<setup/>' });
    await call('POST', '/api/v2/projects/p1/generate', { timeout: 5 });
    const counts = await call('GET', '/_emulator/counts', undefined, null);
    expect(counts.json['v2.generate']).toBe(1);
    expect(counts.json['v1.updateFiles']).toBe(1);
    const tasks = await call('GET', '/_emulator/tasks', undefined, null);
    expect(tasks.json.map((t: { status: string }) => t.status)).toEqual(['SUCCESS']);
  });
});

describe('emulator with the mimicfix engine', () => {
  const DESCRIPTOR = `<setup>
    <generate name="customer" count="25" target="JSON,CSV">
        <key name="id" generator="IncrementGenerator"/>
        <key name="tier" values="'gold', 'silver'"/>
    </generate>
</setup>
`;

  it('generates the uploaded descriptor deterministically and serves its artifacts', async () => {
    emulator = await startEmulator({ tokens: TOKEN });
    await upload('shop', { 'datamimic.xml': DESCRIPTOR });
    const bodies: string[] = [];
    for (let run = 0; run < 2; run++) {
      const gen = await call('POST', '/api/v2/projects/shop/generate', {
        timeout: 30,
        task_type: 'standard',
      });
      expect(gen.json.returncode).toBe(0);
      const meta = await call('GET', `/api/v2/projects/shop/tasks/${gen.json.task_id}/artifacts/metadata`);
      expect(meta.json.artifacts.map((a: { url: string }) => a.url.split('/').at(-2))).toEqual([
        'customer.csv',
        'customer.json',
      ]);
      const json = await call(
        'GET',
        `/api/v2/projects/shop/tasks/${gen.json.task_id}/artifacts/customer.json/download`,
      );
      expect(json.json).toHaveLength(25);
      expect(json.json[24].id).toBe(25);
      expect(['gold', 'silver']).toContain(json.json[0].tier);
      bodies.push(json.text);
    }
    expect(bodies[1]).toBe(bodies[0]);
  });
});

describe('emulator shutdown', () => {
  it('close() ends queued and running tasks as CANCELLED and removes its temp folder', async () => {
    const { existsSync } = await import('node:fs');
    emulator = await startEmulator({ tokens: TOKEN, queueDelayMs: 60_000 });
    await upload('p1', { 'datamimic.xml': '<setup/>' });
    const gen = await call('POST', '/api/v2/projects/p1/generate', { timeout: 0 });
    expect(gen.json.returncode).toBe(3);
    const dir = emulator.dataDir;
    await emulator.close();
    expect(emulator.tasks().map((t) => t.status)).toEqual(['CANCELLED']);
    expect(existsSync(dir)).toBe(false);
  });
});
