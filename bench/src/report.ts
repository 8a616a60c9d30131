/**
 * Results as data and as text (pure): the JSON records of results/*.json, the Markdown table and
 * the generated README sections (between `<!-- bench:<kind>:start -->` and `...:end -->`).
 */
import type { CaseDefinition, CaseSize } from './cases/index.js';
import type { SideSummary } from './runner.js';
import { relativeDifference } from './stats.js';

/** One peer's numbers inside a {@link CaseResult}. */
export interface PeerResult {
  readonly name: string;
  readonly seconds: number | null;
  readonly runs: number;
  readonly n: number;
  readonly quality: number | null;
  readonly iterations?: number;
  readonly call: string;
  readonly note?: string;
  readonly error?: string;
}

/** One row of results/latest.json (snake_case: read by Python and people alike). */
export interface CaseResult {
  readonly case: string;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly segmint_s: number | null;
  readonly sklearn_s: number | null;
  /** segmint_s / sklearn_s: below 1 means Segmint is faster. */
  readonly ratio: number | null;
  readonly segmint_quality: number | null;
  readonly sklearn_quality: number | null;
  readonly quality_metric: string;
  /** |segmint - sklearn| / max(|segmint|, |sklearn|). */
  readonly quality_relative_difference: number | null;
  /** segmint_quality / sklearn_quality (kmeans++: the potential ratio, ~1 expected). */
  readonly quality_ratio: number | null;
  readonly segmint_iterations?: number;
  readonly sklearn_iterations?: number;
  readonly segmint_runs: number;
  readonly sklearn_runs: number;
  readonly segmint_call: string | null;
  readonly sklearn_call: string | null;
  readonly status: 'ok' | 'not implemented' | 'failed' | 'no sklearn';
  readonly target: string | null;
  readonly target_met: boolean | null;
  readonly peers: readonly PeerResult[];
  readonly notes: readonly string[];
  readonly errors?: Readonly<Record<string, string>>;
  readonly quick: boolean;
  /** Timed repetitions per side requested for this run. */
  readonly repetitions: number;
  /** The day the case ran (YYYY-MM-DD). */
  readonly date: string;
}

/** The target sentence of a case, e.g. "ratio <= 1.0, inertia within 0.1%". */
export function targetText(definition: CaseDefinition): string | null {
  if (definition.targetRatio === undefined) return null;
  const ratio = `ratio <= ${definition.targetRatio.toFixed(1)}`;
  if (definition.qualityTolerance === undefined) return ratio;
  const tolerance =
    definition.qualityTolerance >= 1e-4
      ? `${definition.qualityTolerance * 100}%`
      : definition.qualityTolerance.toExponential(0);
  return `${ratio}, ${definition.quality} within ${tolerance}`;
}

/** Builds a case's record from its side summaries. */
export function buildResult(
  definition: CaseDefinition,
  size: CaseSize,
  summaries: readonly SideSummary[],
  context: {
    quick: boolean;
    repetitions: number;
    date: string;
    segmintMissing?: string;
    notes: readonly string[];
  },
): CaseResult {
  const segmint = summaries.find((side) => side.kind === 'segmint');
  const sklearn = summaries.find((side) => side.kind === 'sklearn');
  const segmintSeconds = segmint?.seconds ?? null;
  const sklearnSeconds = sklearn?.seconds ?? null;
  const ratio =
    segmintSeconds !== null && sklearnSeconds !== null ? segmintSeconds / sklearnSeconds : null;
  const difference = relativeDifference(segmint?.quality, sklearn?.quality);
  const target = targetText(definition);
  let targetMet: boolean | null = null;
  if (target !== null && ratio !== null) {
    targetMet =
      ratio <= definition.targetRatio! &&
      (definition.qualityTolerance === undefined || difference <= definition.qualityTolerance);
  }
  const errors = Object.fromEntries(
    summaries.flatMap((side) => (side.error ? [[side.name, side.error]] : [])),
  ) as Record<string, string>;
  const iterationNotes: string[] = [];
  if (definition.minimumIterations !== undefined) {
    for (const side of [segmint, sklearn]) {
      if (side?.iterations !== undefined && side.iterations < definition.minimumIterations) {
        iterationNotes.push(
          `WARNING: ${side.name} needed only ${side.iterations} iterations (the data should need >= ${definition.minimumIterations})`,
        );
      }
    }
  }
  let status: CaseResult['status'] = 'ok';
  if (context.segmintMissing) status = 'not implemented';
  else if (segmint?.error) status = 'failed';
  else if (!sklearn) status = 'no sklearn';
  return {
    case: definition.name,
    n: size.n,
    d: size.d,
    k: size.k,
    segmint_s: segmintSeconds,
    sklearn_s: sklearnSeconds,
    ratio,
    segmint_quality: segmint?.quality ?? null,
    sklearn_quality: sklearn?.quality ?? null,
    quality_metric: definition.quality,
    quality_relative_difference: Number.isNaN(difference) ? null : difference,
    quality_ratio:
      segmint?.quality !== undefined && sklearn?.quality !== undefined && sklearn.quality !== 0
        ? segmint.quality / sklearn.quality
        : null,
    ...(segmint?.iterations === undefined ? {} : { segmint_iterations: segmint.iterations }),
    ...(sklearn?.iterations === undefined ? {} : { sklearn_iterations: sklearn.iterations }),
    segmint_runs: segmint?.times.length ?? 0,
    sklearn_runs: sklearn?.times.length ?? 0,
    segmint_call: segmint?.label ?? null,
    sklearn_call: sklearn?.label ?? null,
    status,
    target,
    target_met: targetMet,
    peers: summaries
      .filter((side) => side.kind === 'peer')
      .map((side) => ({
        name: side.name,
        seconds: side.seconds ?? null,
        runs: side.times.length,
        n: side.rows,
        quality: side.quality ?? null,
        ...(side.iterations === undefined ? {} : { iterations: side.iterations }),
        call: side.label,
        ...(side.note ? { note: side.note } : {}),
        ...(side.error ? { error: side.error } : {}),
      })),
    notes: [
      ...context.notes,
      ...iterationNotes,
      ...(context.segmintMissing ? [`Segmint: ${context.segmintMissing} not exported yet`] : []),
    ],
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
    quick: context.quick,
    repetitions: context.repetitions,
    date: context.date,
  };
}

/**
 * The records of `current` plus those of `previous` for cases not in `current`, ordered as
 * `order` (a run of a few cases updates those rows and keeps the others).
 */
export function mergeResults(
  previous: readonly CaseResult[],
  current: readonly CaseResult[],
  order: readonly string[],
): CaseResult[] {
  const byCase = new Map(previous.map((result) => [result.case, result]));
  for (const result of current) byCase.set(result.case, result);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...byCase.values()].sort((a, b) => rank(a.case) - rank(b.case));
}

/** Seconds with 3 significant decimals, or a dash. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '–';
  return seconds < 10 ? seconds.toFixed(3) : seconds.toFixed(1);
}

/** A quality value with 10 significant digits, or a dash. */
export function formatQuality(value: number | null): string {
  return value === null ? '–' : String(Number(value.toPrecision(10)));
}

function formatPeer(peer: PeerResult, n: number): string {
  if (peer.seconds === null) return `${peer.name}: failed`;
  const details = [
    ...(peer.n < n ? [`n=${peer.n.toLocaleString('en-US')}`] : []),
    ...(peer.iterations === undefined ? [] : [`${peer.iterations} it`]),
    ...(peer.runs === 1 ? ['1 run'] : []),
    ...(peer.quality === null ? [] : [`q ${formatQuality(peer.quality)}`]),
  ];
  return `${peer.name} ${formatSeconds(peer.seconds)} s (${details.join(', ')})`;
}

/** The Markdown results table. */
export function resultsTable(results: readonly CaseResult[]): string {
  const lines = [
    '| case | n | d | k | Segmint s | sklearn s | ratio | peers | quality: Segmint / sklearn (rel. diff) | iterations S / sk | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |',
  ];
  for (const result of results) {
    const segmint =
      result.status === 'not implemented' || result.status === 'failed'
        ? result.status
        : formatSeconds(result.segmint_s);
    const difference =
      result.quality_relative_difference === null
        ? ''
        : ` (${result.quality_relative_difference.toExponential(1)})`;
    const iterations =
      result.segmint_iterations === undefined && result.sklearn_iterations === undefined
        ? ''
        : `${result.segmint_iterations ?? '–'} / ${result.sklearn_iterations ?? '–'}`;
    const target =
      result.target === null
        ? 'none'
        : `${result.target}: ${result.target_met === null ? 'not measured' : result.target_met ? 'met' : 'NOT met'}`;
    lines.push(
      `| ${result.case} | ${result.n.toLocaleString('en-US')} | ${result.d} | ${result.k} | ${segmint} | ${formatSeconds(result.sklearn_s)} | ${result.ratio === null ? '–' : result.ratio.toFixed(2)} | ${result.peers.map((peer) => formatPeer(peer, result.n)).join('; ') || '–'} | ${formatQuality(result.segmint_quality)} / ${formatQuality(result.sklearn_quality)}${difference} | ${iterations} | ${target} |`,
    );
  }
  return lines.join('\n');
}

/** Replaces (or appends) the generated section `kind` of a README. */
export function replaceSection(readme: string, kind: 'full' | 'quick', body: string): string {
  const start = `<!-- bench:${kind}:start -->`;
  const end = `<!-- bench:${kind}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1 || to < from) return `${readme.trimEnd()}\n\n${block}\n`;
  return readme.slice(0, from) + block + readme.slice(to + end.length);
}

/** results/*.json text: the records, pretty-printed, with a trailing newline. */
export function resultsJson(results: readonly CaseResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
