/**
 * wrk (Debian package `wrk`) as a second load generator. Written in C, it needs a fraction of
 * autocannon's CPU, so on a 2-core machine it leaves the server most of a core that autocannon
 * would take: the numbers it reports are closer to the server's own capacity.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** True when `wrk` is on the PATH. */
export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

/** What one wrk run measured. */
export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly non2xx: number;
  readonly socketErrors: string | null;
}

/**
 * POSTs `body` as JSON to `url` for `seconds` with `connections` connections on one thread.
 * @param dir - a scratch folder for the body file and the Lua script.
 */
export function wrkPost(
  url: string,
  body: string,
  options: { dir: string; connections: number; seconds: number },
): WrkResult {
  const bodyFile = join(options.dir, 'wrk-body.json');
  const script = join(options.dir, 'wrk-post.lua');
  writeFileSync(bodyFile, body);
  writeFileSync(
    script,
    [
      `local f = io.open(${JSON.stringify(bodyFile)}, "r")`,
      'wrk.body = f:read("*a")',
      'f:close()',
      'wrk.method = "POST"',
      'wrk.headers["Content-Type"] = "application/json"',
      '',
    ].join('\n'),
  );
  const run = spawnSync(
    'wrk',
    ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '-s', script, url],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr || run.stdout}`);
  return parseWrkOutput(run.stdout);
}

/** Reads requests/s, non-2xx responses and socket errors from wrk's report. */
export function parseWrkOutput(text: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text);
  if (rps === null) throw new Error(`wrk: no 'Requests/sec' in its output:\n${text}`);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(text);
  const socket = /Socket errors:\s+(.+)/.exec(text);
  return {
    requestsPerSecond: Number(rps[1]),
    non2xx: non2xx === null ? 0 : Number(non2xx[1]),
    socketErrors: socket === null ? null : socket[1]!.trim(),
  };
}
