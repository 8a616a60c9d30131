/**
 * Benchmark entry point: `npm run bench [-- --quick] [--reps N] [--case NAME] ...` (see --help).
 *
 * Builds the data once (bench/.cache), starts one Python worker, then runs each case with the
 * sides interleaved and writes results/latest.json (full) or results/quick.json (--quick) plus
 * the matching generated section of bench/README.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parseArgs, USAGE, type BenchOptions } from './args.js';
import { CASES } from './cases/index.js';
import { availableFunctions, loadEngine } from './engine.js';
import { describeMachine, machineMarkdown } from './machine.js';
import { loadPeers } from './peers.js';
import { PythonWorker, SKLEARN_INSTALL_HINT, sklearnUnavailableReason } from './python.js';
import {
  buildResult,
  mergeResults,
  replaceSection,
  resultsJson,
  resultsTable,
  type CaseResult,
} from './report.js';
import { runSides } from './runner.js';

/** Idle pause before each timed run, so one side's spinning threads never overlap the next. */
const SETTLE_MS = 500;

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEGMINT_THREADS = 2;

function log(line: string): void {
  console.log(line);
}

async function startPython(
  options: BenchOptions,
): Promise<{ worker?: PythonWorker; info?: Record<string, unknown> }> {
  if (options.skipSklearn) return {};
  const reason = sklearnUnavailableReason();
  if (reason) {
    log(`${SKLEARN_INSTALL_HINT}\n  (${reason})`);
    return {};
  }
  const worker = new PythonWorker();
  const info = await worker.call({ op: 'info' });
  return { worker, info };
}

async function writeOutputs(
  options: BenchOptions,
  results: readonly CaseResult[],
  machine: string,
): Promise<void> {
  const resultsDir = resolve(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const order = CASES.map((definition) => definition.name);
  const body = (title: string, rows: readonly CaseResult[]) => {
    const earlier = rows.filter((row) => !results.includes(row));
    const merged =
      earlier.length > 0
        ? `\n\nRows kept from earlier runs: ${earlier.map((row) => `${row.case} (${row.date}, ${row.repetitions} repetitions)`).join(', ')}.`
        : '';
    const notes = rows.flatMap((row) => row.notes.map((note) => `- ${row.case}: ${note}`));
    return (
      `${title}: ${options.repetitions} repetitions, medians.${merged}\n\n${machine}\n\n` +
      `${resultsTable(rows)}\n\n${notes.join('\n')}`
    );
  };
  const readmePath = resolve(BENCH_DIR, 'README.md');
  let readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '# Segmint benchmarks\n';
  const kinds: Array<'full' | 'quick'> = options.quick
    ? options.updateFull
      ? ['quick', 'full']
      : ['quick']
    : ['full'];
  for (const kind of kinds) {
    const file = resolve(resultsDir, kind === 'full' ? 'latest.json' : 'quick.json');
    const previous = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as CaseResult[])
      : [];
    const rows = mergeResults(previous, results, order);
    writeFileSync(file, resultsJson(rows));
    readme = replaceSection(
      readme,
      kind,
      body(kind === 'full' && !options.quick ? '### Full run' : `### Quick run (--quick)`, rows),
    );
    log(`wrote ${file}`);
  }
  // Keep the generated sections in the repository's Prettier style (format:check stays clean).
  const config = (await resolveConfig(readmePath)) ?? {};
  writeFileSync(readmePath, await format(readme, { ...config, parser: 'markdown' }));
  log('updated bench/README.md');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    log(USAGE);
    return;
  }
  const unknown = options.cases.filter((name) => !CASES.some((c) => c.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `bench: unknown case ${unknown.join(', ')}; cases are ${CASES.map((c) => c.name).join(', ')}.`,
    );
  }
  const started = performance.now();
  const engine = await loadEngine();
  log(`Segmint functions found: ${availableFunctions(engine).join(', ') || 'none'}`);
  const peers = options.skipPeers ? undefined : await loadPeers();
  const python = await startPython(options);
  const machine = describeMachine(SEGMINT_THREADS, peers?.versions ?? {}, python.info);
  log(machineMarkdown(machine));
  const results: CaseResult[] = [];
  try {
    for (const definition of CASES) {
      if (options.cases.length > 0 && !options.cases.includes(definition.name)) continue;
      const size = options.quick ? definition.sizes.quick : definition.sizes.full;
      log(`\n[${definition.name}] n=${size.n} d=${size.d} k=${size.k}`);
      const prepared = await definition.prepare(
        { engine, peers, python: python.worker, threads: SEGMINT_THREADS, log },
        size,
        options.quick,
      );
      if (prepared.segmintMissing) log(`  Segmint: not implemented (${prepared.segmintMissing})`);
      try {
        const summaries = await runSides(prepared.sides, {
          repetitions: options.repetitions,
          peerBudgetSeconds: options.peerBudgetSeconds,
          log,
          settleMs: SETTLE_MS,
        });
        const result = buildResult(definition, size, summaries, {
          quick: options.quick,
          repetitions: options.repetitions,
          date: machine.date,
          notes: prepared.notes,
          ...(prepared.segmintMissing ? { segmintMissing: prepared.segmintMissing } : {}),
        });
        if (result.segmint_iterations !== undefined || result.sklearn_iterations !== undefined) {
          log(
            `  iterations: Segmint ${result.segmint_iterations ?? '–'}, sklearn ${result.sklearn_iterations ?? '–'}`,
          );
        }
        log(
          `  medians: Segmint ${result.segmint_s ?? '–'} s, sklearn ${result.sklearn_s ?? '–'} s, ratio ${result.ratio?.toFixed(3) ?? '–'}; ` +
            `${definition.quality}: ${result.segmint_quality ?? '–'} / ${result.sklearn_quality ?? '–'}`,
        );
        results.push(result);
      } finally {
        await prepared.cleanup();
      }
    }
  } finally {
    await python.worker?.close();
  }
  log(`\n${resultsTable(results)}\n`);
  log(`total wall time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await writeOutputs(options, results, machineMarkdown(machine));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
