/**
 * The built `segmint` bin as a user runs it (a child process): version, usage error exit code,
 * a data error's exit code and single stderr line, and SEGMINT_DEBUG stack traces. Needs the
 * build (`npm run build`, which `npm test` runs first); skipped when dist/ is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(packageDir, 'bin', 'segmint.js');
const built = existsSync(join(packageDir, 'dist', 'main.js'));
const cwd = mkdtempSync(join(tmpdir(), 'segmint-bin-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function segmint(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SEGMINT_DEBUG: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!built)('segmint bin (built)', () => {
  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(segmint(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits 2 on a usage error with one line and a suggestion', () => {
    const result = segmint(['profil', 'x.csv']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "segmint: unknown command 'profil'; did you mean 'profile'? (see 'segmint --help')\n",
    );
  });

  it('exits 5 naming a missing file, with a stack trace only under SEGMINT_DEBUG=1', () => {
    const plain = segmint(['profile', 'nowhere.csv']);
    expect(plain.code).toBe(5);
    expect(plain.stderr).toMatch(/^segmint: .*nowhere\.csv.*\n$/);
    expect(plain.stderr).not.toContain('    at ');
    const debug = segmint(['profile', 'nowhere.csv'], { SEGMINT_DEBUG: '1' });
    expect(debug.code).toBe(5);
    expect(debug.stderr).toContain('    at ');
  });
});
