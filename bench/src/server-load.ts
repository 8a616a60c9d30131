/**
 * Server load script (issue 5 acceptance): starts `@segmint/server` (built dist) in a child
 * process on loopback, uploads a generated 2,000 x 4 blob dataset, fits a fixed-k model, then
 * drives it with autocannon, each phase bounded to ~10 s:
 *   (a) single-row predict requests/s (one row per request, 50 connections);
 *   (b) batch predict rows/s (1,000 rows per request);
 *   (c) GET /health latency p50/p99 while a 1,000,000 x 8 k-means run (k = 8) is 'running'.
 * Prints a table, writes results/server.json and the bench:server section of README.md.
 * n = rows, d = columns, k = clusters. The load generator and the server share the machine's
 * cores, so the numbers are a lower bound for a dedicated server.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { hasWrk, wrkPost, type WrkResult } from './wrk.js';
import type { Result } from 'autocannon';
import { createBenchRandom } from './random.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BENCH = join(HERE, '..');
const PHASE_SECONDS = 10;
const BIG_ROWS = 1_000_000;
const BIG_COLS = 8;

interface ServerResults {
  single_predict_rps: number;
  batch_rows_per_s: number;
  batch_rows_per_s_autocannon: number;
  batch_rows_per_s_wrk: number | null;
  health_p50_ms: number | null;
  health_p99_ms: number | null;
  run_rows: number;
  notes: string;
}

/** Blobs: `k` centres in [-10, 10]^d, unit normal noise; header x1..xd. */
async function writeBlobs(path: string, n: number, d: number, k: number, seed: number) {
  const random = createBenchRandom(seed);
  const centres = Array.from({ length: k }, () =>
    Array.from({ length: d }, () => random.uniform() * 20 - 10),
  );
  const out = createWriteStream(path);
  const header = Array.from({ length: d }, (_, j) => `x${j + 1}`).join(',');
  let chunk = `${header}\n`;
  for (let i = 0; i < n; i++) {
    const centre = centres[i % k]!;
    chunk += `${centre.map((c) => (c + random.normal()).toFixed(4)).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  return centres;
}

/** Starts the built server in a child process; resolves with its URL. */
function startChild(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const script = `
    import { startServer } from '@segmint/server';
    const server = await startServer({ port: 0, dataDir: ${JSON.stringify(dataDir)},
      allowedRoots: [${JSON.stringify(dataDir)}],
      predictRateLimit: { max: 100000000, timeWindow: '1 minute' } });
    console.log('URL ' + server.url);
    await server.closed;`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: BENCH,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (data: Buffer) => {
      text += data.toString();
      const match = /URL (\S+)/.exec(text);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${JSON.stringify(body)}`);
  return body;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function uploadDataset(url: string, path: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([await readFile(path)]), 'blobs.csv');
  return (await api<{ id: string }>(`${url}/api/datasets`, { method: 'POST', body: form })).id;
}

async function startRun(url: string, datasetId: string, k: number): Promise<string> {
  const config = { clustering: { algorithm: 'kmeans', k } };
  return (await api<{ id: string }>(`${url}/api/runs`, json({ datasetId, config }))).id;
}

interface RunStatus {
  status: string;
  modelId?: string | null;
  error?: unknown;
}

async function waitForRun(url: string, runId: string, until: (s: string) => boolean) {
  for (;;) {
    const run = await api<RunStatus>(`${url}/api/runs/${runId}`);
    if (until(run.status)) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs autocannon; `stopWhen` is polled every 250 ms and ends the phase early. */
function cannon(options: autocannon.Options, stopWhen?: () => Promise<boolean>): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    if (stopWhen) {
      const timer = setInterval(() => {
        void stopWhen().then((stop) => {
          if (stop) {
            clearInterval(timer);
            instance.stop();
          }
        });
      }, 250);
      instance.on('done', () => clearInterval(timer));
    }
  });
}

function row(random: ReturnType<typeof createBenchRandom>, centres: number[][]) {
  const centre = centres[Math.floor(random.uniform() * centres.length)]!;
  return Object.fromEntries(centre.map((c, j) => [`x${j + 1}`, c + random.normal()]));
}

async function updateReadme(results: ServerResults, table: string): Promise<void> {
  const path = join(BENCH, 'README.md');
  const text = await readFile(path, 'utf8');
  const section = [
    '<!-- bench:server:start -->',
    '## Server load (`npm run bench:server`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); the load generators (autocannon, wrk) and the server (a child process) share these cores, and this VM's speed varies between runs (single-row predict measured 9,395 to 21,409 requests/s on the same code).`,
    '',
    table,
    '',
    `Notes: ${results.notes}`,
    '<!-- bench:server:end -->',
  ].join('\n');
  const pattern = /<!-- bench:server:start -->[\s\S]*<!-- bench:server:end -->/;
  await writeFile(
    path,
    pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`,
  );
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'segmint-server-load-'));
  let child: ChildProcess | null = null;
  try {
    const small = join(dir, 'blobs.csv');
    const centres = await writeBlobs(small, 2000, 4, 4, 1);
    const server = await startChild(dir);
    child = server.child;
    const { url } = server;
    console.log(`server ${url}`);
    const run = await waitForRun(
      url,
      await startRun(url, await uploadDataset(url, small), 4),
      (s) => ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(s),
    );
    if (run.status !== 'succeeded' || !run.modelId) throw new Error(`run ${JSON.stringify(run)}`);
    const predictUrl = `${url}/api/models/${run.modelId}/predict`;
    const random = createBenchRandom(2);

    const singleBodies = Array.from({ length: 200 }, () =>
      JSON.stringify({ rows: [row(random, centres)] }),
    );
    const single = await cannon({
      url: predictUrl,
      connections: 50,
      duration: PHASE_SECONDS,
      requests: singleBodies.map((body) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body,
      })),
    });
    const batchBody = JSON.stringify({
      rows: Array.from({ length: 1000 }, () => row(random, centres)),
    });
    const batch = await cannon({
      url: predictUrl,
      connections: 4,
      duration: PHASE_SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batchBody,
    });
    // The same batch phase with wrk when installed (apt-get install -y wrk): a lighter load
    // generator, so the server gets the CPU autocannon would take on this 2-core machine.
    const batchWrk: WrkResult | null = hasWrk()
      ? wrkPost(predictUrl, batchBody, { dir, connections: 4, seconds: PHASE_SECONDS })
      : null;

    const big = join(dir, 'big.csv');
    console.log(`writing ${BIG_ROWS} x ${BIG_COLS} CSV...`);
    await writeBlobs(big, BIG_ROWS, BIG_COLS, 8, 3);
    const registered = await api<{ id: string }>(
      `${url}/api/datasets/register`,
      json({ path: big }),
    );
    const bigRun = await startRun(url, registered.id, 8);
    await waitForRun(url, bigRun, (s) => s !== 'queued');
    let finished = false;
    const stillRunning = async () => {
      const status = (await api<RunStatus>(`${url}/api/runs/${bigRun}`)).status;
      finished = status !== 'running';
      return finished;
    };
    const health = (await stillRunning())
      ? null
      : await cannon(
          { url: `${url}/health`, connections: 4, duration: PHASE_SECONDS },
          stillRunning,
        );
    const final = await waitForRun(url, bigRun, (s) => s !== 'running' && s !== 'queued');

    const singleRps = single.requests.average;
    const batchRps = batch.requests.average * 1000;
    const batchWrkRps = batchWrk === null ? null : Math.round(batchWrk.requestsPerSecond * 1000);
    const results: ServerResults = {
      single_predict_rps: Math.round(singleRps),
      batch_rows_per_s: batchWrkRps ?? Math.round(batchRps),
      batch_rows_per_s_autocannon: Math.round(batchRps),
      batch_rows_per_s_wrk: batchWrkRps,
      health_p50_ms: health ? health.latency.p50 : null,
      health_p99_ms: health ? health.latency.p99 : null,
      run_rows: BIG_ROWS,
      notes: [
        `${PHASE_SECONDS} s phases; single: 50 connections, 1 row/request (non-2xx ${single.non2xx}, errors ${single.errors}); batch: 4 connections, 1,000 rows/request (autocannon: non-2xx ${batch.non2xx}, errors ${batch.errors}${batchWrk === null ? '; wrk not installed' : `; wrk: non-2xx ${batchWrk.non2xx}, socket errors ${batchWrk.socketErrors ?? 'none'}`}). batch_rows_per_s is wrk's figure when wrk is installed (it uses far less CPU than autocannon, which shares the server's 2 cores), else autocannon's.`,
        health
          ? `health: 4 connections for ${health.duration.toFixed(1)} s while the ${BIG_ROWS} x ${BIG_COLS} k-means run (k = 8) was 'running' (${health.requests.total} requests; the run then ended '${final.status}'${finished ? '' : ', still running when the phase ended'}).`
          : `health: the run left 'running' before the phase started (status '${final.status}').`,
        `The load generator (autocannon, this process) and the server (a child process) share ${cpus().length} cores; autocannon reports latency in whole milliseconds, so 0 means under 1 ms.`,
      ].join(' '),
    };
    const table = [
      '| measure | value | target |',
      '| --- | ---: | ---: |',
      `| single-row predict, requests/s | ${results.single_predict_rps.toLocaleString('en-US')} | >= 5,000 |`,
      `| batch predict, rows/s (wrk) | ${results.batch_rows_per_s_wrk?.toLocaleString('en-US') ?? 'wrk not installed'} | >= 500,000 |`,
      `| batch predict, rows/s (autocannon) | ${results.batch_rows_per_s_autocannon.toLocaleString('en-US')} | >= 500,000 |`,
      `| /health p50 during 1M-row run, ms | ${results.health_p50_ms ?? 'n/a'} | |`,
      `| /health p99 during 1M-row run, ms | ${results.health_p99_ms ?? 'n/a'} | < 100 |`,
    ].join('\n');
    console.log(table);
    console.log(results.notes);
    await writeFile(join(BENCH, 'results', 'server.json'), `${JSON.stringify(results, null, 2)}\n`);
    await updateReadme(results, table);
  } finally {
    if (child !== null && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
