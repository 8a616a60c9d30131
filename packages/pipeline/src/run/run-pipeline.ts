/**
 * `runPipeline`: one config to trusted, explained segments on disk.
 *
 *   load (DuckDB, in memory) -> [RFM] -> derive -> pick features -> clean + encode (engine
 *   pipeline) -> [PCA] -> [choose k] -> fit each algorithm -> evaluate -> profile -> write
 *
 * Outputs (see output-files.ts for atomicity): segments.csv, segments.parquet, model.json,
 * report.json, report.html, manifest.json, and dashboard.json (the web dashboard's maps,
 * silhouettes, distributions and predict schema; dashboard-stage.ts). Any error, including
 * cancellation, removes what the run staged and leaves no segments.csv.
 */
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { openDatabase, readColumnValues, writeTable, type Database } from '@segmint/data';
import { fitTransformPipeline, pca, pcaTransform, type Matrix } from '@segmint/engine';
import { renderReportHtml } from '../report/report-html.js';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  reportToJSONText,
  type ReportSelection,
  type RunReport,
} from '../report/report-types.js';
import {
  continueSegments,
  continuityReport,
  readPreviousSegments,
  renameProfiled,
  rowKeys,
} from './continuity-stage.js';
import { runDendrogram } from './dendrogram-stage.js';
import { runStability } from './stability-stage.js';
import {
  agreementBetween,
  clusteringSeed,
  evaluateFit,
  fitAlgorithms,
  needsK,
  selectK,
} from './cluster-stage.js';
import {
  loadCustomers,
  readCustomerFeatures,
  type CustomerFeatures,
  type CustomerSource,
} from './load-customers.js';
import {
  MANIFEST_FORMAT,
  hashFile,
  newRunId,
  packageVersions,
  type RunManifest,
} from './manifest.js';
import { dashboardText } from '../report/dashboard-json.js';
import { DASHBOARD_FILE } from '../report/dashboard-types.js';
import { readExtraColumns } from './dashboard-columns.js';
import { buildDashboard } from './dashboard-stage.js';
import { modelFileText, type ModelRunInfo } from './model-file.js';
import { SEGMENTS_CSV, StagedOutputs } from './output-files.js';
import { RFM_LOG_NOTE, rfmTransform, stepsFromConfig } from './prepare-steps.js';
import { profileRun, segmentRulesFor, rfmCrossTab, segmentMap } from './profile-stage.js';
import { StepTracker } from './progress.js';
import type { RunConfig } from './run-config.js';
import type { RunFiles, RunPipelineOptions, RunResult } from './run-types.js';
import { assignmentColumns } from './segments-table.js';

/** File names inside the output folder. */
export const OUTPUT_FILES: Readonly<RunFiles> = Object.freeze({
  segmentsCsv: SEGMENTS_CSV,
  segmentsParquet: 'segments.parquet',
  model: 'model.json',
  report: 'report.json',
  reportHtml: 'report.html',
  manifest: 'manifest.json',
});

const CLEAN_STEPS = new Set(['drop-missing-columns', 'impute', 'outliers', 'log1p', 'power']);

/**
 * Runs a validated config end to end and writes the artifacts.
 * @param config - a validated config (defaults applied; `parseConfig` / `loadConfigFile`).
 * @param options - `configDir` (paths in the config are relative to it), `outputDir` override,
 *   `onProgress` (every step's 'start'/'progress'/'done', in order), `signal` (cancel).
 * @returns the run id, the output folder, absolute paths of the six files and the report.
 * @throws SegmintError: NOT_FOUND / INVALID_FILE naming the data file, line and column;
 *   INVALID_CONFIG naming the config key (unknown feature, id column, k range too large);
 *   engine errors naming the step, column or parameter; WRITE_FAILED naming the file;
 *   CANCELLED. In every case no segments.csv is left in the output folder.
 * @example
 * const { config, dir } = await loadConfigFile('segmint.yaml');
 * const { outputDir, report } = await runPipeline(config, { configDir: dir });
 */
export async function runPipeline(
  config: RunConfig,
  options: RunPipelineOptions,
): Promise<RunResult> {
  const runId = newRunId();
  const createdAt = new Date().toISOString();
  const outputDir = resolveOutputDir(config, options, runId);
  const outputs = new StagedOutputs(outputDir);
  const tracker = new StepTracker(options.onProgress, options.signal);
  const signal = options.signal;
  let db: Database | null = null;
  const databaseFile = runDatabaseFile(options, runId);
  try {
    if (databaseFile) await mkdir(dirname(databaseFile), { recursive: true });
    db = await openDatabase(databaseFile ? { path: databaseFile } : {});
    const database = db;
    const customers = await tracker.step('load', 'Loading the data', async () => {
      const loaded = await loadCustomers(database, config, options.configDir, signal);
      const what = loaded.rfm
        ? `${loaded.loaded.rows.toLocaleString('en-US')} transactions -> ${loaded.rfm.customers.toLocaleString('en-US')} customers (RFM)`
        : `${loaded.loaded.rows.toLocaleString('en-US')} rows, ${loaded.loaded.columns.length} columns`;
      return [loaded, `Loaded ${basename(loaded.path)}: ${what}.`] as const;
    });
    const features = await tracker.step('features', 'Choosing features', async () => {
      const read = await readCustomerFeatures(database, customers, config);
      const { numeric, categorical } = read.selection;
      return [
        read,
        `${numeric.length + categorical.length} features: ${[...numeric, ...categorical].join(', ')}.`,
      ] as const;
    });
    const prepared = await tracker.step('clean', 'Cleaning', () => {
      const rfmDefault = rfmTransform(config, features.selection.numeric);
      const { steps, dropped } = stepsFromConfig(
        { ...config, transform: rfmDefault.transform },
        features.table,
        features.selection,
      );
      const { result } = fitTransformPipeline(features.table, steps);
      // "Filled 0 missing values ..." lines say nothing; keep the rest.
      const lines = result.report
        .flatMap((r) => r.messages)
        .filter((line) => !line.startsWith('Filled 0 missing'));
      if (rfmDefault.applied) lines.unshift(RFM_LOG_NOTE);
      const cleanLines = result.report
        .filter((r) => CLEAN_STEPS.has(r.type))
        .flatMap((r) => r.messages)
        .filter((line) => !line.startsWith('Filled 0 missing'));
      const removed = features.table.rows - result.keptRows.length;
      return [
        { steps, dropped, result, lines },
        cleanLines.length > 0
          ? cleanLines.join(' ')
          : `Nothing to clean (${removed} rows removed).`,
      ] as const;
    });
    await tracker.step('encode', 'Encoding and scaling', () => [
      null,
      `Prepared ${prepared.result.X.rows} x ${prepared.result.X.cols} matrix (${prepared.result.featureNames.slice(0, 8).join(', ')}${prepared.result.featureNames.length > 8 ? ', ...' : ''}).`,
    ]);
    let X: Matrix = prepared.result.X;
    if (config.reduction.method === 'pca') {
      X = await tracker.step('reduce', 'PCA', () => {
        const model = pca(prepared.result.X, { components: config.reduction.components });
        const explained = model.cumulativeVarianceRatio[model.cumulativeVarianceRatio.length - 1]!;
        return [
          pcaTransform(model, prepared.result.X),
          `PCA: ${config.reduction.components} components keep ${(explained * 100).toFixed(1)}% of the variance.`,
        ];
      });
    } else {
      tracker.skip('reduce', 'no reduction configured');
    }
    let k: number;
    let selection: ReportSelection | null = null;
    const kConfig = config.clustering.k;
    if (typeof kConfig === 'number') {
      k = kConfig;
      tracker.skip('select', `k = ${k} set in the config`);
    } else if (!needsK(config)) {
      k = kConfig.min;
      tracker.skip(
        'select',
        `${config.clustering.algorithm.join(', ')} find the number of segments`,
      );
    } else {
      const chosen = await tracker.step(
        'select',
        `Choosing k in ${kConfig.min}..${kConfig.max}`,
        (progress) => {
          const result = selectK(X, config, kConfig, {
            ...(signal ? { signal } : {}),
            onProgress: (done, total, kDone) =>
              progress(done / total, `k = ${kDone} (${done} of ${total})`),
          });
          return [result, result.selection.recommendation.summary];
        },
      );
      k = chosen.k;
      selection = chosen.selection;
    }
    const fitted = await tracker.step('fit', `Fitting k = ${k}`, async () => {
      const all = fitAlgorithms(features.table, prepared.steps, config, k);
      const found = all.map((f) => {
        const noise = f.fit.labels.reduce((count, label) => count + (label < 0 ? 1 : 0), 0);
        return `${f.algorithm} (${f.fit.model.segments.length} segments${noise > 0 ? `, ${noise} noise rows` : ''})`;
      });
      let continued = null;
      if (options.previousRun !== undefined) {
        // A re-run keeps the previous run's segment ids and names (continuity-stage.ts).
        const previous = await readPreviousSegments(database, options.previousRun);
        const keys = rowKeys(features.ids, features.table.rows);
        const first = all[0]!;
        const kept = Array.from(first.fit.keptRows, (row) => keys[row]!);
        const result = continueSegments(first.fit, kept, previous);
        all[0] = { ...first, fit: result.fit };
        continued = { previous, keys, names: result.names, previousIds: result.previousIds };
      }
      return [{ all, continued }, `Fitted ${found.join(', ')}.`];
    });
    const fits = fitted.all;
    const seed = clusteringSeed(config);
    const evaluation = await tracker.step('evaluate', 'Scoring the segments', () => {
      const algorithms = fits.map((f) =>
        evaluateFit(f.algorithm, f.fit, config.selection.silhouetteSampleSize, seed),
      );
      const first = algorithms[0]!;
      const stability = runStability(fits[0]!.algorithm, fits[0]!.fit, config);
      const stable =
        stability.status === 'measured'
          ? ` Stability over ${stability.resamples} refits: mean ARI ${stability.meanAdjustedRandIndex!.toFixed(3)}.`
          : '';
      return [
        { algorithms, agreement: agreementBetween(fits), stability },
        `Silhouette ${first.silhouette.toFixed(3)}, Calinski-Harabasz ${first.calinskiHarabasz.toFixed(1)}, Davies-Bouldin ${first.daviesBouldin.toFixed(3)}.${stable}`,
      ];
    });
    const primary = fits[0]!;
    const profileColumns = [
      ...features.selection.numeric,
      ...features.selection.categorical,
    ].filter((name) => !prepared.dropped.includes(name));
    const profiled = await tracker.step('profile', 'Profiling the segments', () => {
      const profiledRun = profileRun(
        primary.fit,
        features.table,
        profileColumns,
        config.profiling.topTraits,
      );
      const named = fitted.continued
        ? renameProfiled(profiledRun, fitted.continued.names)
        : profiledRun;
      const rules = new Map(
        segmentRulesFor(features.table, profileColumns, named.segments, seed).map((set) => [
          set.segment,
          set.rules,
        ]),
      );
      const result = {
        ...named,
        profiles: named.profiles.map((p) => ({ ...p, rules: rules.get(p.segment) ?? [] })),
      };
      return [result, `Segments: ${result.model.segments.map((s) => s.name).join('; ')}.`];
    });
    const rfmColumns = customers.rfm ? await readRfmColumns(database, customers) : null;
    const report: RunReport = {
      format: REPORT_FORMAT,
      version: REPORT_VERSION,
      runId,
      createdAt,
      source: {
        file: customers.loaded.file,
        format: customers.loaded.format,
        rows: customers.loaded.rows,
        columns: customers.loaded.columns.length,
      },
      rows: {
        input: features.table.rows,
        fitted: prepared.result.keptRows.length,
        outliers: features.table.rows - prepared.result.keptRows.length,
      },
      features: {
        numeric: features.selection.numeric,
        categorical: features.selection.categorical,
        derived: customers.derived,
        prepared: prepared.result.featureNames,
      },
      cleaning: prepared.lines,
      selection,
      k: primary.fit.model.segments.length,
      primaryAlgorithm: primary.algorithm,
      algorithms: evaluation.algorithms,
      agreement: evaluation.agreement,
      segments: profiled.profiles,
      map: segmentMap(primary.fit, seed),
      stability: evaluation.stability,
      continuity: fitted.continued
        ? continuityReport(
            fitted.continued.previous,
            fitted.continued.keys,
            profiled.segments,
            profiled.model.segments.map((s) => s.name),
            fitted.continued.previousIds,
          )
        : null,
      dendrogram: runDendrogram(fits),
      rfm:
        customers.rfm && rfmColumns
          ? {
              customers: customers.rfm.customers,
              transactions: customers.rfm.transactions,
              droppedNoCustomer: customers.rfm.droppedNoCustomer,
              droppedNonPositive: customers.rfm.droppedNonPositive,
              asOf: customers.rfm.asOf,
              warnings: customers.rfm.warnings,
              crossTab: rfmCrossTab(
                profiled.segments,
                profiled.model.segments.map((s) => s.name),
                rfmColumns.find((c) => c.name === 'rfm_segment')!.values as (string | null)[],
              ),
            }
          : null,
      warnings: [
        ...evaluation.algorithms.flatMap((a) => a.warnings),
        ...prepared.result.report.flatMap((r) => r.warnings),
        ...(customers.rfm?.warnings ?? []),
      ],
    };
    const files = await tracker.step('write', `Writing ${outputDir}`, async () => {
      await outputs.prepare();
      await outputs.writeText(
        DASHBOARD_FILE,
        dashboardText(
          buildDashboard({
            runId,
            fits,
            model: profiled.model,
            table: features.table,
            segments: profiled.segments,
            ids: features.ids,
            idColumn: customers.idColumn,
            silhouetteSampleSize: config.selection.silhouetteSampleSize,
            seed,
            extraColumns: await readExtraColumns(
              database,
              customers,
              features.table.columns.map((c) => c.name),
            ),
          }),
        ),
      );
      await writeArtifacts(database, outputs, {
        config,
        customers,
        features,
        profiled,
        report,
        rfmColumns,
        runId,
        createdAt,
        // The manifest is written inside 'write': its timings cover the run up to that moment.
        timings: () => {
          tracker.finish();
          return { ...tracker.timings, write: tracker.sinceStepStart() };
        },
      });
      await outputs.commit();
      const absolute = Object.fromEntries(
        Object.entries(OUTPUT_FILES).map(([key, name]) => [key, join(outputDir, name)]),
      ) as RunFiles;
      return [absolute, `Wrote ${Object.keys(OUTPUT_FILES).length} files to ${outputDir}.`];
    });
    tracker.finish();
    return { runId, outputDir, files, report };
  } catch (error) {
    await outputs.abort();
    throw error;
  } finally {
    await db?.close();
    if (databaseFile) {
      await Promise.all([
        rm(databaseFile, { force: true }),
        rm(`${databaseFile}.wal`, { force: true }),
      ]);
    }
  }
}

/**
 * The run's DuckDB database file under the data directory, or null for an in-memory database
 * (see `RunPipelineOptions.dataDir`).
 */
export function runDatabaseFile(
  options: Pick<RunPipelineOptions, 'configDir' | 'dataDir'>,
  runId: string,
): string | null {
  if (options.dataDir === null) return null;
  const dir =
    options.dataDir ?? (process.env.SEGMINT_DATA_DIR || join(options.configDir, 'segmint-data'));
  return resolve(options.configDir, dir, `run-${runId}.duckdb`);
}

/**
 * The output folder: `options.outputDir`, else `config.output` (relative to `configDir`), else
 * `<configDir>/segmint-out/<run id>`.
 */
export function resolveOutputDir(
  config: Pick<RunConfig, 'output'>,
  options: Pick<RunPipelineOptions, 'configDir' | 'outputDir'>,
  runId: string,
): string {
  if (options.outputDir !== undefined) return resolve(options.outputDir);
  if (config.output !== undefined && config.output !== null && config.output !== '')
    return isAbsolute(config.output) ? config.output : resolve(options.configDir, config.output);
  return resolve(options.configDir, 'segmint-out', runId);
}

/** recency, frequency, monetary, rfm_score, rfm_segment of each customer (RFM runs). */
async function readRfmColumns(
  db: Database,
  customers: CustomerSource,
): Promise<{ name: string; values: (string | number | null)[] }[]> {
  const names = ['recency', 'frequency', 'monetary', 'rfm_score', 'rfm_segment'];
  const columns: { name: string; values: (string | number | null)[] }[] = [];
  for (const name of names)
    columns.push({ name, values: await readColumnValues(db, customers.table, name) });
  return columns;
}

/** The reading options of a source spec, without its path and format. */
function sourceOptions(source: RunConfig['source']): ModelRunInfo['sourceOptions'] {
  return {
    ...(source.delimiter !== undefined ? { delimiter: source.delimiter } : {}),
    ...(source.header !== undefined ? { header: source.header } : {}),
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    ...(source.dateFormat !== undefined ? { dateFormat: source.dateFormat } : {}),
  };
}

interface ArtifactInput {
  readonly config: RunConfig;
  readonly customers: CustomerSource;
  readonly features: CustomerFeatures;
  readonly profiled: ReturnType<typeof profileRun>;
  readonly report: RunReport;
  readonly rfmColumns: { name: string; values: (string | number | null)[] }[] | null;
  readonly runId: string;
  readonly createdAt: string;
  readonly timings: () => RunManifest['timings'];
}

async function writeArtifacts(
  db: Database,
  outputs: StagedOutputs,
  input: ArtifactInput,
): Promise<void> {
  const { config, customers, features, profiled, report } = input;
  const ids =
    features.ids && customers.idColumn !== null
      ? { name: customers.idColumn, values: features.ids }
      : null;
  const table = assignmentColumns(ids, profiled.predictions, input.rfmColumns ?? []);
  await writeTable(db, table, outputs.tempPath(OUTPUT_FILES.segmentsParquet), 'parquet');
  await outputs.writeText(
    OUTPUT_FILES.model,
    modelFileText(profiled.model, {
      runId: input.runId,
      id: customers.idColumn,
      features: {
        numeric: [...features.selection.numeric],
        categorical: [...features.selection.categorical],
      },
      derive: [...config.derive],
      transactions: config.transactions ?? null,
      sourceOptions: sourceOptions(config.source),
      sourceColumns: customers.loaded.columns.map((c) => ({
        name: c.name,
        type: c.type,
        kind: c.kind,
      })),
    }),
  );
  await outputs.writeText(OUTPUT_FILES.report, reportToJSONText(report));
  await outputs.writeText(OUTPUT_FILES.reportHtml, renderReportHtml(report));
  const { sha256, bytes } = await hashFile(customers.path);
  const manifest: RunManifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    runId: input.runId,
    createdAt: input.createdAt,
    seed: clusteringSeed(config),
    config,
    input: {
      file: customers.path,
      bytes,
      sha256,
      format: customers.loaded.format,
      rows: customers.loaded.rows,
    },
    versions: await packageVersions(),
    timings: input.timings(),
    files: Object.values(OUTPUT_FILES),
  };
  await outputs.writeText(OUTPUT_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  // segments.csv is staged last and renamed last (StagedOutputs.commit).
  await writeTable(db, table, outputs.tempPath(OUTPUT_FILES.segmentsCsv), 'csv');
}
