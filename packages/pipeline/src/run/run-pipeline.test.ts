import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSource, openDatabase, readColumnValues } from '@segmint/data';
import { ERROR_CODES } from '@segmint/engine';
import { predictFile } from './predict-file.js';
import { RUN_STEPS, type ProgressEvent } from './run-types.js';
import {
  dataset,
  hasSharedDatasets,
  irisCsv,
  readCsv,
  rejection,
  runYaml,
  temporaryFolder,
} from './test-utils/run-fixtures.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const IRIS_YAML = 'source: iris.csv\nclustering:\n  algorithm: kmeans\n  k: 3\noutput: out/\n';

describe.skipIf(!hasSharedDatasets)('runPipeline on the contract configs', () => {
  it('iris, k = 3: six files, the contract header, 150 rows, predict reproduces the segments', async () => {
    const dir = join(folder.dir, 'iris');
    mkdirSync(dir);
    writeFileSync(join(dir, 'iris.csv'), irisCsv());
    const events: ProgressEvent[] = [];
    const result = await runYaml(dir, IRIS_YAML, { onProgress: (e) => events.push(e) });
    const out = join(dir, 'out');
    expect(result.outputDir).toBe(out);
    expect(readdirSync(out).sort()).toEqual(
      [
        'dashboard.json',
        'manifest.json',
        'model.json',
        'report.html',
        'report.json',
        'segments.csv',
        'segments.parquet',
      ].sort(),
    );
    const header = readFileSync(join(out, 'segments.csv'), 'utf8').split('\n')[0]!;
    expect(header.startsWith('row,segment,segment_name,confidence,out_of_distribution')).toBe(true);
    const rows = readCsv(join(out, 'segments.csv'));
    expect(rows).toHaveLength(150);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 150 }, (_, i) => String(i + 1)));
    expect(new Set(rows.map((r) => r.segment)).size).toBe(3);
    // Setosa (rows 1-50) is one segment on its own.
    expect(new Set(rows.slice(0, 50).map((r) => r.segment)).size).toBe(1);

    const predicted = join(dir, 'p.csv');
    const { rows: count } = await predictFile(
      join(out, 'model.json'),
      join(dir, 'iris.csv'),
      predicted,
    );
    expect(count).toBe(150);
    const again = readCsv(predicted);
    expect(again.map((r) => r.segment)).toEqual(rows.map((r) => r.segment));
    expect(again.map((r) => r.segment_name)).toEqual(rows.map((r) => r.segment_name));

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      format: string;
      k: number;
      selection: unknown;
      segments: { size: number; name: string }[];
      features: { numeric: string[] };
    };
    expect(report.format).toBe('segmint.report');
    expect(report.k).toBe(3);
    expect(report.selection).toBeNull();
    expect(report.segments.map((s) => s.size).reduce((a, b) => a + b, 0)).toBe(150);
    expect(report.features.numeric).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      runId: string;
      seed: number;
      input: { sha256: string };
      versions: Record<string, string>;
      timings: Record<string, number>;
    };
    expect(manifest.runId).toBe(result.runId);
    expect(manifest.seed).toBe(0);
    expect(manifest.input.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(join(dir, 'iris.csv')))
        .digest('hex'),
    );
    expect(manifest.versions['@segmint/engine']).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.versions.node).toBe(process.version);
    expect(Object.keys(manifest.timings)).toEqual(expect.arrayContaining([...RUN_STEPS, 'total']));
    // segments.parquet holds the same table as segments.csv.
    const db = await openDatabase();
    try {
      const parquet = await loadSource(db, { path: join(out, 'segments.parquet') });
      expect(parquet.rows).toBe(150);
      expect(parquet.columns.map((c) => c.name)).toEqual(Object.keys(rows[0]!));
      const segments = await readColumnValues(db, parquet.table, 'segment');
      expect(segments.map(String)).toEqual(rows.map((r) => r.segment));
    } finally {
      await db.close();
    }
    const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as {
      format: string;
      run: { id: string | null; features: { numeric: string[] } };
    };
    expect(model.format).toBe('segmint.model');
    expect(model.run.id).toBeNull();
    expect(model.run.features.numeric).toHaveLength(4);

    // Progress: every step once, in order, 'start' before 'done'.
    const starts = events.filter((e) => e.status === 'start').map((e) => e.step);
    const dones = events.filter((e) => e.status === 'done').map((e) => e.step);
    expect(starts).toEqual(RUN_STEPS);
    expect(dones).toEqual(RUN_STEPS);
    RUN_STEPS.forEach((step) => {
      const first = events.findIndex((e) => e.step === step);
      const last = events.map((e) => e.step).lastIndexOf(step);
      expect(events[first]!.status).toBe('start');
      expect(events[last]!.status).toBe('done');
    });
  });

  it('mall customers, k in 2..10 on income and spending score: chooses k = 5', async () => {
    const dir = join(folder.dir, 'mall');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'mall.csv'),
      readFileSync(dataset('mall_customers', 'Mall_Customers.csv')),
    );
    const events: ProgressEvent[] = [];
    const result = await runYaml(
      dir,
      'source: mall.csv\nid: CustomerID\nfeatures: ["Annual Income (k$)", "Spending Score (1-100)"]\nclustering:\n  algorithm: kmeans\n  k: { min: 2, max: 10 }\noutput: mall-out/\n',
      { onProgress: (e) => events.push(e) },
    );
    expect(result.report.k).toBe(5);
    expect(result.report.selection?.recommendation.k).toBe(5);
    expect(result.report.selection?.curves.k).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const rows = readCsv(result.files.segmentsCsv);
    expect(rows).toHaveLength(200);
    expect(Object.keys(rows[0]!)[0]).toBe('CustomerID');
    expect(new Set(rows.map((r) => r.segment)).size).toBe(5);
    // One progress event per k, fractions rising to 1.
    const fractions = events
      .filter((e) => e.step === 'select' && e.status === 'progress')
      .map((e) => e.fraction);
    expect(fractions).toHaveLength(9);
    expect(fractions[8]).toBe(1);
    expect([...fractions].sort((a, b) => a! - b!)).toEqual(fractions);
    const html = readFileSync(result.files.reportHtml, 'utf8');
    // k curves, sizes, map, heatmap.
    expect((html.match(/<svg/g) ?? []).length).toBe(4);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});

describe.skipIf(!hasSharedDatasets)('failing and cancelled runs leave no segments.csv', () => {
  it('a ragged CSV row fails naming line 12, and a stale segments.csv is removed', async () => {
    const dir = join(folder.dir, 'ragged');
    mkdirSync(join(dir, 'rag-out'), { recursive: true });
    const lines = irisCsv().split('\n');
    lines[11] = `${lines[11]},9.9`;
    writeFileSync(join(dir, 'ragged.csv'), lines.join('\n'));
    writeFileSync(join(dir, 'rag-out', 'segments.csv'), 'row,segment\n1,0\n');
    const error = await rejection(
      runYaml(
        dir,
        'source: ragged.csv\nclustering:\n  algorithm: kmeans\n  k: 3\noutput: rag-out/\n',
      ),
    );
    expect(error.code).toBe(ERROR_CODES.INVALID_FILE);
    expect(error.message).toContain('12');
    expect(readdirSync(join(dir, 'rag-out'))).toEqual([]);
  });

  it('an unknown feature fails with INVALID_CONFIG naming it and suggesting the column', async () => {
    const dir = join(folder.dir, 'typo');
    mkdirSync(dir);
    writeFileSync(join(dir, 'iris.csv'), irisCsv());
    const error = await rejection(
      runYaml(
        dir,
        'source: iris.csv\nfeatures: [petal_lenght, petal_width]\nclustering: { k: 3 }\noutput: out/\n',
      ),
    );
    expect(error.code).toBe(ERROR_CODES.INVALID_CONFIG);
    expect(error.message).toContain('petal_lenght');
    expect(error.message).toContain('did you mean "petal_length"');
    expect(existsSync(join(dir, 'out', 'segments.csv'))).toBe(false);
  });

  it('text in a listed numeric column fails naming the file, column, line and value', async () => {
    const dir = join(folder.dir, 'text');
    mkdirSync(dir);
    const lines = irisCsv().split('\n');
    lines[7] = lines[7]!.replace(/^[^,]+/, 'n/a?');
    writeFileSync(join(dir, 'iris.csv'), lines.join('\n'));
    const error = await rejection(
      runYaml(
        dir,
        'source: iris.csv\nfeatures: [sepal_length, petal_length]\nclustering: { k: 3 }\noutput: out/\n',
      ),
    );
    expect(error.code).toBe(ERROR_CODES.INVALID_FILE);
    expect(error.message).toContain('iris.csv');
    expect(error.message).toContain('"sepal_length"');
    expect(error.message).toContain('line 8');
    expect(error.message).toContain('"n/a?"');
    expect(existsSync(join(dir, 'out', 'segments.csv'))).toBe(false);
  });

  it('cancelling while choosing k throws CANCELLED and writes nothing', async () => {
    const dir = join(folder.dir, 'cancel');
    mkdirSync(dir);
    writeFileSync(join(dir, 'iris.csv'), irisCsv());
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    const error = await rejection(
      runYaml(dir, 'source: iris.csv\nclustering: { k: { min: 2, max: 8 } }\noutput: out/\n', {
        signal: controller.signal,
        onProgress: (event) => {
          events.push(event);
          if (event.step === 'select' && event.status === 'progress') controller.abort();
        },
      }),
    );
    expect(error.code).toBe(ERROR_CODES.CANCELLED);
    expect(events.filter((e) => e.step === 'select' && e.status === 'progress')).toHaveLength(1);
    expect(events.some((e) => e.step === 'fit')).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('report.html escapes user text', () => {
  it('a column named <script> is shown escaped, never as markup', async () => {
    const dir = join(folder.dir, 'escape');
    mkdirSync(dir);
    const rows = ['"<script>",b&c,label'];
    for (let i = 0; i < 60; i++) {
      const group = i % 3;
      rows.push(`${group * 10 + (i % 7) * 0.1},${group * 5 + (i % 5) * 0.1},"<b>g${group}</b>"`);
    }
    writeFileSync(join(dir, 'x.csv'), `${rows.join('\n')}\n`);
    const result = await runYaml(
      dir,
      'source: x.csv\ncategorical: [label]\nclustering: { k: 3 }\noutput: out/\n',
    );
    const html = readFileSync(result.files.reportHtml, 'utf8');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('b&amp;c');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>g');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });
});
