/**
 * The CLI entry: parse argv, dispatch to commands/<name>.ts, turn errors into one stderr line and
 * an exit code. `main` is the only place that sets `process.exitCode`; `runCli` does everything
 * else and returns the code, so tests run commands in-process with a captured {@link CliIo}.
 */
import { parseCommandLine } from './args.js';
import type { ParsedCommand } from './args.js';
import { describeError } from './errors.js';
import { helpText } from './help.js';
import { processIo } from './io.js';
import type { CliIo } from './io.js';
import { cliVersion } from './version.js';

// Commands are imported on demand, so `--version` and `--help` do not load DuckDB or the runner.
async function dispatch(command: ParsedCommand, io: CliIo): Promise<number> {
  switch (command.command) {
    case 'help':
      io.stdout.write(helpText(command.topic));
      return 0;
    case 'version':
      io.stdout.write(`${cliVersion()}\n`);
      return 0;
    case 'init':
      return (await import('./commands/init.js')).runInit(command, io);
    case 'profile':
      return (await import('./commands/profile.js')).runProfile(command, io);
    case 'run':
      return (await import('./commands/run.js')).runRun(command, io);
    case 'predict':
      return (await import('./commands/predict.js')).runPredict(command, io);
    case 'demo':
      return (await import('./commands/demo.js')).runDemo(command, io);
    case 'serve':
      return (await import('./commands/serve.js')).runServe(command, io);
  }
}

/**
 * Runs one segmint command line and returns its exit code (0 on success; errors are printed on
 * `io.stderr` as described in errors.ts). Never throws, never exits the process.
 *
 * @param argv - Arguments after `node segmint.js`, e.g. `['run', '-c', 'segmint.yaml']`.
 * @param io - Streams, working folder, environment and Ctrl-C hook (default: the real process).
 * @example
 * ```ts
 * const code = await runCli(['init', 'my.yaml'], processIo()); // 0
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(parseCommandLine(argv), io);
  } catch (error) {
    const report = describeError(error, { debug: io.env.SEGMINT_DEBUG === '1' });
    io.stderr.write(report.text);
    return report.exitCode;
  }
}

/**
 * The `segmint` bin's entry: runs the command line and sets `process.exitCode` (the only place
 * that does; the process then ends naturally once pending output is flushed).
 *
 * @param argv - `process.argv.slice(2)`.
 * @param io - Defaults to the real process; tests pass a captured io.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<void> {
  process.exitCode = await runCli(argv, io);
}
