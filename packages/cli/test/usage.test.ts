import { describe, expect, it } from 'vitest';
import pkg from '../package.json';
import { runCli } from './helpers';

describe('help, version and usage errors', () => {
  it('--help lists every command and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of [
      'generate',
      'hash',
      'verify',
      'prune',
      'types',
      'pull',
      'push',
      'status',
      'download',
      'serve',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toMatch(/^ {4}3 {2}cache miss in frozen\/offline mode/m);
    expect(r.stderr).toBe('');
  });

  it('-h per command prints that command’s flags', async () => {
    const r = await runCli(['generate', '-h']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: mimicfix generate \[descriptor\] \[options\]$/m);
    for (const flag of [
      '--seed SEED',
      '--mode MODE',
      '--cache-dir DIR',
      '--count NAME=N',
      '--out DIR',
      '--json',
      '--capture',
    ]) {
      expect(r.stdout).toContain(flag);
    }
    const viaHelp = await runCli(['help', 'generate']);
    expect(viaHelp.stdout).toBe(r.stdout);
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('no command prints usage on stderr and exits 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: mimicfix <command>');
  });

  it('an unknown command suggests the closest one', async () => {
    const r = await runCli(['genrate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error MIMICFIX_USAGE: unknown command 'genrate' (did you mean 'generate'?)");
    expect(r.stderr).toContain('hint: ');
    expect(r.stderr).not.toContain('    at '); // no stack without --debug
  });

  it('an unknown flag suggests the closest one of that command', async () => {
    const r = await runCli(['hash', '--explian']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --explian for `mimicfix hash` (did you mean --explain?)');
    expect(r.stderr).toContain('hint: run `mimicfix hash --help` for usage');
  });

  it('a string flag without a value, a bad value and too many arguments are usage errors', async () => {
    const missing = await runCli(['generate', '--seed']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('option --seed needs a value');

    const mode = await runCli(['generate', '--mode', 'sometimes']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain("--mode 'sometimes' is not one of auto, frozen, refresh, offline");

    const count = await runCli(['generate', '--count', 'person']);
    expect(count.code).toBe(2);
    expect(count.stderr).toContain("--count 'person' is not name=N");

    const extra = await runCli(['download', 'task', 'person', 'json', 'more']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("unexpected argument 'more'");

    const size = await runCli(['prune', '--max-size', 'lots']);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('error MIMICFIX_CONFIG: Option "--max-size" has an invalid value "lots".');

    const cwd = await runCli(['hash', '--cwd', '/definitely/not/here']);
    expect(cwd.code).toBe(2);
    expect(cwd.stderr).toContain("--cwd '/definitely/not/here' is not a folder");
  });

  it('refuses a token on the command line without echoing it', async () => {
    const r = await runCli(['pull', 'datamimic.xml', '--token', 's3cr3t-value']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option --token is not accepted');
    expect(r.stderr).toContain('DATAMIMIC_TOKEN');
    expect(r.stderr).not.toContain('s3cr3t-value');
  });

  it('missing required arguments are usage errors', async () => {
    const pull = await runCli(['pull']);
    expect(pull.code).toBe(2);
    expect(pull.stderr).toContain('error MIMICFIX_USAGE: missing <file>');
    const download = await runCli(['download', 'task-1']);
    expect(download.code).toBe(2);
    expect(download.stderr).toContain('error MIMICFIX_USAGE: missing <name>');
  });
});
