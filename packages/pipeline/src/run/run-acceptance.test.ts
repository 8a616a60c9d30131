/**
 * Issue-4 acceptance beyond the contract configs: a survey of Likert answers with missing values
 * (young_people_survey), a feature column that is entirely missing, and every kind of unreadable
 * input failing through a whole run with nothing left behind.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@segmint/engine';
import { afterAll, describe, expect, it } from 'vitest';
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

describe.skipIf(!hasSharedDatasets)('survey data', () => {
  it('young_people_survey: Likert music answers with missing values get imputed, profiled segments', async () => {
    const dir = join(folder.dir, 'survey');
    mkdirSync(dir);
    const source = dataset('young_people_survey', 'responses.csv');
    const features = [
      'Dance',
      'Folk',
      'Country',
      'Classical music',
      'Pop',
      'Rock',
      'Metal or Hardrock',
      'Hiphop, Rap',
      'Opera',
    ];
    const result = await runYaml(
      dir,
      `source: ${JSON.stringify(source)}\nfeatures: ${JSON.stringify(features)}\nclustering:\n  algorithm: kmeans\n  k: { min: 2, max: 6 }\noutput: out/\n`,
    );
    const rows = readCsv(result.files.segmentsCsv);
    expect(rows).toHaveLength(1010);
    const report = JSON.parse(readFileSync(result.files.report, 'utf8')) as Record<string, unknown>;
    const text = JSON.stringify(report);
    // Several answers are missing in these columns: the cleaning report says they were filled.
    expect(text).toMatch(/Filled \d+ missing values? in numeric/);
    const names = new Set(rows.map((r) => r.segment_name));
    expect(names.size).toBeGreaterThanOrEqual(2);
    for (const name of names) expect(name).not.toBe('');
  });
});

describe.skipIf(!hasSharedDatasets)('a feature column that is entirely missing', () => {
  it('is dropped by the missing-share rule and reported; the run succeeds', async () => {
    const dir = join(folder.dir, 'missing');
    mkdirSync(dir);
    const lines = irisCsv().trim().split('\n');
    const withEmpty = [`${lines[0]},loyalty`, ...lines.slice(1).map((l) => `${l},`)].join('\n');
    writeFileSync(join(dir, 'iris.csv'), `${withEmpty}\n`);
    const result = await runYaml(
      dir,
      'source: iris.csv\nfeatures: [sepal_length, petal_length, loyalty]\nclustering: { k: 3 }\noutput: out/\n',
    );
    expect(readCsv(result.files.segmentsCsv)).toHaveLength(150);
    expect(readFileSync(result.files.report, 'utf8')).toContain('loyalty');
  });
});

describe('unreadable inputs fail the run with a named error and leave nothing behind', () => {
  const cases: { name: string; file: string; content: string | Buffer; fragment: string }[] = [
    {
      name: 'broken quotes',
      file: 'quotes.csv',
      content: 'a,b\n1,2\n"3,4\n5,6\n',
      fragment: 'quotes.csv',
    },
    {
      name: 'non-UTF-8 bytes',
      file: 'latin1.csv',
      content: Buffer.from('a,b\n1,caf\xe9\n2,x\n', 'latin1'),
      fragment: 'latin1.csv',
    },
    { name: 'an empty file', file: 'empty.csv', content: '', fragment: 'empty.csv' },
    { name: 'a header-only file', file: 'header.csv', content: 'a,b\n', fragment: 'header.csv' },
    { name: 'a missing file', file: 'absent.csv', content: '', fragment: 'absent.csv' },
  ];
  for (const { name, file, content, fragment } of cases) {
    it(name, async () => {
      const dir = join(folder.dir, `bad-${file}`);
      mkdirSync(join(dir, 'out'), { recursive: true });
      if (file !== 'absent.csv') writeFileSync(join(dir, file), content);
      const error = await rejection(
        runYaml(dir, `source: ${file}\nclustering: { k: 2 }\noutput: out/\n`),
      );
      expect([ERROR_CODES.INVALID_FILE, ERROR_CODES.NOT_FOUND]).toContain(error.code);
      expect(error.message).toContain(fragment);
      expect(readdirSync(join(dir, 'out'))).toEqual([]);
      expect(existsSync(join(dir, 'out', 'segments.csv'))).toBe(false);
    });
  }
});

describe.skipIf(!hasSharedDatasets)('the run database', () => {
  it('is a DuckDB file under the data directory while the run works, removed at the end', async () => {
    const dir = join(folder.dir, 'data-dir');
    mkdirSync(dir);
    writeFileSync(join(dir, 'iris.csv'), irisCsv());
    const seen: string[] = [];
    const result = await runYaml(dir, 'source: iris.csv\nclustering: { k: 3 }\noutput: out/\n', {
      onProgress: (event) => {
        if (event.step === 'fit' && event.status === 'start') {
          seen.push(...readdirSync(join(dir, 'segmint-data')));
        }
      },
    });
    expect(seen).toContain(`run-${result.runId}.duckdb`);
    expect(readdirSync(join(dir, 'segmint-data'))).toEqual([]);
  });

  it('stays in memory with dataDir: null', async () => {
    const dir = join(folder.dir, 'in-memory');
    mkdirSync(dir);
    writeFileSync(join(dir, 'iris.csv'), irisCsv());
    await runYaml(dir, 'source: iris.csv\nclustering: { k: 3 }\noutput: out/\n', { dataDir: null });
    expect(existsSync(join(dir, 'segmint-data'))).toBe(false);
  });
});

describe('RFM score-map overrides from the config', () => {
  it('names the overridden codes and keeps the classic names elsewhere', async () => {
    const dir = join(folder.dir, 'rfm-map');
    mkdirSync(dir);
    // Customer c buys c times, most recently c days before the end: the busiest, most recent
    // and biggest spender (c = 100) scores 555.
    const lines = ['Invoice,Customer,Date,Price'];
    for (let c = 1; c <= 100; c++) {
      for (let p = 0; p < c; p++) {
        const day = new Date(Date.UTC(2024, 0, 1) + (300 - (100 - c) - p) * 86_400_000);
        lines.push(
          `${c}-${p},C${String(c).padStart(3, '0')},${day.toISOString().slice(0, 10)},${c}`,
        );
      }
    }
    writeFileSync(join(dir, 'sales.csv'), `${lines.join('\n')}\n`);
    const result = await runYaml(
      dir,
      [
        'source: sales.csv',
        'transactions:',
        '  customer: Customer',
        '  date: Date',
        '  price: Price',
        '  invoice: Invoice',
        "  segments: { '555': VIP }",
        'clustering: { k: 3 }',
        'output: out/',
        '',
      ].join('\n'),
    );
    const rows = readCsv(result.files.segmentsCsv);
    const top = rows.find((r) => r.Customer === 'C100')!;
    expect(top.rfm_score).toBe('555');
    expect(top.rfm_segment).toBe('VIP');
    const bottom = rows.find((r) => r.Customer === 'C001')!;
    expect(bottom.rfm_segment).not.toBe('VIP');
    expect(bottom.rfm_segment).not.toBe('');
  });

  it('rejects a code outside 111..555 naming the key', async () => {
    const dir = join(folder.dir, 'rfm-map-bad');
    mkdirSync(dir);
    const error = await rejection(
      runYaml(
        dir,
        "source: sales.csv\ntransactions: { customer: C, date: D, price: P, segments: { '556': X } }\n",
      ),
    );
    expect(error.code).toBe(ERROR_CODES.INVALID_CONFIG);
    expect(error.message).toContain('transactions.segments');
  });
});
