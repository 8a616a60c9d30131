/**
 * CLI entry (the only place that sets the process exit code). Commands arrive with issue 4.
 */
export async function main(argv: readonly string[]): Promise<void> {
  await Promise.resolve();
  process.stderr.write(`segmint: no commands yet (got ${argv.join(' ') || 'nothing'})\n`);
  process.exitCode = 2;
}
