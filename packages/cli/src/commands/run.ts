/**
 * `segmint run -c config.yaml [--output DIR] [--previous DIR] [--quiet] [--json]`: loads the config (paths in it
 * are relative to the config file), runs the pipeline with progress on stderr (a bar on a
 * terminal, step lines otherwise, nothing with --quiet), and prints the summary (or, with
 * --json, the summary as JSON on stdout). Ctrl-C cancels (exit 130) and leaves no outputs.
 */
import { resolve } from 'node:path';
import { loadConfigFile, runPipeline } from '@segmint/pipeline';
import type { RunResult, SegmintConfig } from '@segmint/pipeline';
import type { RunCommand } from '../args.js';
import { withInterrupt } from '../interrupt.js';
import type { CliIo } from '../io.js';
import { createProgressReporter, progressMode } from '../progress.js';
import { formatRunSummary, summarizeRun } from '../run-summary.js';

/** Runs the pipeline with progress and Ctrl-C handling; shared by `run` and `demo`. */
export async function executeRun(
  config: SegmintConfig,
  options: { configDir: string; outputDir?: string; previousRun?: string; quiet: boolean },
  io: CliIo,
): Promise<RunResult> {
  const progress = createProgressReporter(io.stderr, progressMode(io.stderr, options.quiet));
  try {
    return await withInterrupt(io, (signal) =>
      runPipeline(config, {
        configDir: options.configDir,
        ...(options.outputDir === undefined ? {} : { outputDir: options.outputDir }),
        ...(options.previousRun === undefined ? {} : { previousRun: options.previousRun }),
        onProgress: (event) => progress.onProgress(event),
        signal,
      }),
    );
  } finally {
    progress.finish();
  }
}

/** Prints a finished run: JSON summary or the human summary. */
export function printRun(result: RunResult, json: boolean, io: CliIo): void {
  const summary = summarizeRun(result);
  io.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : formatRunSummary(summary));
}

/**
 * Runs `segmint run`.
 *
 * @returns 0 on success.
 * @throws SegmintError NOT_FOUND (config or data file), INVALID_CONFIG (key path and line),
 *   INVALID_FILE, CANCELLED, WRITE_FAILED ... from the pipeline; main maps them to exit codes.
 */
export async function runRun(command: RunCommand, io: CliIo): Promise<number> {
  const { config, dir } = await loadConfigFile(resolve(io.cwd, command.config));
  const result = await executeRun(
    config,
    {
      configDir: dir,
      ...(command.output === undefined ? {} : { outputDir: resolve(io.cwd, command.output) }),
      ...(command.previous === undefined ? {} : { previousRun: resolve(io.cwd, command.previous) }),
      quiet: command.quiet,
    },
    io,
  );
  printRun(result, command.json, io);
  return 0;
}
