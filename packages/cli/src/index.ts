export { main, runCli } from './main.js';
export { parseCommandLine, DEFAULT_DEMO_DIR, DEFAULT_INIT_PATH } from './args.js';
export type {
  DemoCommand,
  HelpCommand,
  InitCommand,
  ParsedCommand,
  PredictCommand,
  ProfileCommand,
  RunCommand,
  VersionCommand,
} from './args.js';
export { COMMAND_NAMES, COMMAND_SPECS, isCommandName } from './command-specs.js';
export type { CommandName, CommandSpec, OptionSpec, PositionalSpec } from './command-specs.js';
export { BUG_EXIT_CODE, USAGE_EXIT_CODE, UsageError, describeError } from './errors.js';
export type { ErrorReport } from './errors.js';
export { helpText } from './help.js';
export { processIo } from './io.js';
export type { CliIo, OutputStream } from './io.js';
export { closestMatch, editDistance } from './suggest.js';
export { cliVersion } from './version.js';
export { withInterrupt } from './interrupt.js';
export {
  createProgressReporter,
  overallFraction,
  progressMode,
  renderBar,
  stepLine,
} from './progress.js';
export type { ProgressLike, ProgressMode, ProgressReporter } from './progress.js';
export { columnSummary, formatNumber, formatProfileTable } from './profile-table.js';
export { formatRunSummary, summarizeRun } from './run-summary.js';
export type { RunSummary } from './run-summary.js';
export { formatTable } from './text-table.js';
export type { Align } from './text-table.js';
