/**
 * `segmint demo [--dir DIR] [--customers N] [--seed S] [--rfm] [--quiet] [--json]`: writes
 * synthetic customers, transactions, web sessions and two configs into DIR (writeDemo), then
 * runs the pipeline on the customer config (or, with --rfm, the RFM config over the
 * transactions) and prints where the report is. The outputs land where the demo config says
 * (inside DIR).
 */
import { resolve } from 'node:path';
import { loadConfigFile, writeDemo } from '@segmint/pipeline';
import type { DemoCommand } from '../args.js';
import type { CliIo } from '../io.js';
import { summarizeRun } from '../run-summary.js';
import { executeRun, printRun } from './run.js';

/**
 * Runs `segmint demo`.
 *
 * @returns 0 on success.
 * @throws SegmintError WRITE_FAILED when DIR is not writable, CANCELLED on Ctrl-C.
 */
export async function runDemo(command: DemoCommand, io: CliIo): Promise<number> {
  const dir = resolve(io.cwd, command.dir);
  const { files } = await writeDemo(dir, {
    ...(command.customers === undefined ? {} : { customers: command.customers }),
    ...(command.seed === undefined ? {} : { seed: command.seed }),
  });
  const configFile = command.rfm ? files.rfmConfig : files.config;
  const { config, dir: configDir } = await loadConfigFile(configFile);
  if (!command.quiet && !command.json) io.stderr.write(`Demo data written to ${dir}\n`);
  const result = await executeRun(config, { configDir, quiet: command.quiet }, io);
  if (command.json) {
    io.stdout.write(`${JSON.stringify({ data: files, ...summarizeRun(result) }, null, 2)}\n`);
    return 0;
  }
  printRun(result, false, io);
  io.stdout.write(
    `\nDemo data and config: ${dir} (rerun with: segmint run -c ${configFile})\n` +
      `Open the report in a browser: ${result.files.reportHtml}\n`,
  );
  return 0;
}
