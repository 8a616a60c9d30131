/**
 * What `segmint run` and `segmint demo` print about a finished run: for people, the output
 * folder, the chosen k (with the selection verdict when k came from a range) and one line per
 * segment (name, size, share); for scripts (--json), the same facts as one JSON object. The full
 * details stay in report.json. Pure functions of the runner's RunResult.
 */
import type { RunResult } from '@segmint/pipeline';
import { formatTable } from './text-table.js';

/** The --json summary of a run. */
export interface RunSummary {
  readonly runId: string;
  readonly outputDir: string;
  readonly files: RunResult['files'];
  readonly rows: number;
  readonly k: number;
  readonly algorithm: string;
  /** The k recommendation when k was chosen from a range, else null. */
  readonly selection: {
    readonly k: number | null;
    readonly verdict: string;
    readonly summary: string;
  } | null;
  readonly segments: readonly {
    readonly segment: number;
    readonly name: string;
    readonly size: number;
    readonly share: number;
  }[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

/**
 * Condenses a RunResult into {@link RunSummary}.
 *
 * @example
 * ```ts
 * JSON.stringify(summarizeRun(result)); // '{"runId":"...","outputDir":"/tmp/out",...}'
 * ```
 */
export function summarizeRun(result: RunResult): RunSummary {
  const { report } = result;
  const recommendation = report.selection?.recommendation;
  return {
    runId: result.runId,
    outputDir: result.outputDir,
    files: result.files,
    rows: report.rows.input,
    k: report.k,
    algorithm: report.primaryAlgorithm,
    selection:
      recommendation === undefined
        ? null
        : { k: recommendation.k, verdict: recommendation.verdict, summary: recommendation.summary },
    segments: report.segments.map((segment) => ({
      segment: segment.segment,
      name: segment.name,
      size: segment.size,
      share: segment.share,
    })),
    warnings: report.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
  };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * The human summary: segment table, k line, warnings, output folder (last, so `tail -n1` gives
 * the folder) and report path.
 */
export function formatRunSummary(summary: RunSummary): string {
  const lines: string[] = [];
  const how =
    summary.selection === null
      ? 'k as configured'
      : `chosen: ${summary.selection.summary}; ${summary.selection.verdict}`;
  lines.push(`${summary.k} segments from ${summary.rows} rows (${summary.algorithm}, ${how})`);
  lines.push('');
  const table = formatTable(
    ['segment', 'name', 'size', 'share'],
    summary.segments.map((segment) => [
      String(segment.segment),
      segment.name,
      String(segment.size),
      percent(segment.share),
    ]),
    ['right', 'left', 'right', 'right'],
  );
  lines.push(
    ...table
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`),
  );
  lines.push('');
  for (const warning of summary.warnings) lines.push(`warning: ${warning.message}`);
  lines.push(`Report: ${summary.files.reportHtml}`);
  lines.push(`Output: ${summary.outputDir}`);
  return `${lines.join('\n')}\n`;
}
