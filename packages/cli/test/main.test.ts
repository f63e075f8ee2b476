import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor } from '../src/cli/exit-codes';
import { main } from '../src/main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (c: string | Uint8Array) => out.push(String(c)) },
      stderr: { write: (c: string) => err.push(c) },
    },
  };
}

describe('main() in-process', () => {
  it('returns the exit code and writes to the injected streams', async () => {
    const c = capture();
    expect(await main(['hash', '--bogus'], { io: c.io, env: {}, handleSignals: false })).toBe(ExitCode.USAGE);
    expect(c.out).toEqual([]);
    expect(c.err.join('')).toContain('error MIMICFIX_USAGE: unknown option --bogus');
  });

  it('maps every error code family to its documented exit code', () => {
    expect(exitCodeFor('MIMICFIX_USAGE')).toBe(2);
    expect(exitCodeFor('MIMICFIX_CONFIG')).toBe(2);
    expect(exitCodeFor('MIMICFIX_CACHE_MISS')).toBe(3);
    expect(exitCodeFor('MIMICFIX_HTTP_AUTH')).toBe(4);
    expect(exitCodeFor('MIMICFIX_TASK_FAILED')).toBe(4);
    expect(exitCodeFor('MIMICFIX_DESCRIPTOR_PARSE')).toBe(5);
    expect(exitCodeFor('MIMICFIX_SCRIPT_ERROR')).toBe(5);
    expect(exitCodeFor('MIMICFIX_CACHE_CORRUPT')).toBe(1);
    expect(exitCodeFor('MIMICFIX_INTERNAL')).toBe(1);
    expect(exitCodeFor('MIMICFIX_ABORTED')).toBe(130);
  });
});
