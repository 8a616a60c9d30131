/**
 * The commands end to end, in-process (runCli with a captured io) in a temporary folder: init
 * then run on iris, predict on the same rows, profile, demo, --json outputs, and the bad-input
 * contract (exit code, a message naming file/line/key, no segments.csv left behind).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { captureIo } from '../test-utils/capture-io.js';
import { writeIrisCsv } from '../test-utils/datasets.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmint-commands-'));
  writeIrisCsv(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function csvColumn(text: string, column: string): string[] {
  const [header = '', ...rows] = text.trim().split('\n');
  const index = header.split(',').indexOf(column);
  expect(index).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row.split(',')[index] ?? '');
}

const irisConfig = 'source: iris.csv\nclustering:\n  algorithm: kmeans\n  k: 3\noutput: out/\n';

describe('segmint run and predict on iris', () => {
  it('init writes a config that parses, then run writes every output', async () => {
    const init = captureIo(dir);
    expect(await runCli(['init', 'example.yaml'], init)).toBe(0);
    await writeFile(join(dir, 'iris.yaml'), irisConfig);

    const io = captureIo(dir);
    const code = await runCli(['run', '-c', 'iris.yaml'], io);
    expect(
      io
        .err()
        .split('\n')
        .filter((line) => line.startsWith('segmint:')),
    ).toEqual([]);
    expect(code).toBe(0);
    for (const file of [
      'segments.csv',
      'segments.parquet',
      'model.json',
      'report.json',
      'report.html',
      'manifest.json',
    ])
      expect(existsSync(join(dir, 'out', file)), file).toBe(true);
    expect(io.out()).toContain(join(dir, 'out'));
    expect(io.out()).toContain('3 segments from 150 rows');
    // Not a terminal: plain step lines on stderr, in run order.
    const steps = io
      .err()
      .split('\n')
      .filter((line) => / done\b/.test(line));
    expect(steps.map((line) => /^\[\d+\/10\] (\w+) done/.exec(line)?.[1])).toEqual([
      'load',
      'features',
      'clean',
      'encode',
      'reduce',
      'select',
      'fit',
      'evaluate',
      'profile',
      'write',
    ]);
    const segments = await readFile(join(dir, 'out', 'segments.csv'), 'utf8');
    expect(segments.split('\n')[0]).toMatch(/^[^,]+,segment,segment_name,confidence/);
    expect(segments.trim().split('\n')).toHaveLength(151);
  });

  it('predict on the same rows gives the fitted segments', async () => {
    const io = captureIo(dir);
    expect(await runCli(['predict', '-m', 'out/model.json', 'iris.csv', '-o', 'p.csv'], io)).toBe(
      0,
    );
    expect(io.out()).toContain('Wrote 150 predictions');
    const fitted = await readFile(join(dir, 'out', 'segments.csv'), 'utf8');
    const predicted = await readFile(join(dir, 'p.csv'), 'utf8');
    expect(csvColumn(predicted, 'segment')).toEqual(csvColumn(fitted, 'segment'));
  });

  it('run --json --quiet prints only the JSON summary', async () => {
    const io = captureIo(dir);
    expect(
      await runCli(['run', '-c', 'iris.yaml', '--json', '--quiet', '-o', 'json-out'], io),
    ).toBe(0);
    expect(io.err()).toBe('');
    const summary = JSON.parse(io.out()) as {
      outputDir: string;
      k: number;
      segments: { size: number }[];
    };
    expect(summary.outputDir).toBe(join(dir, 'json-out'));
    expect(summary.k).toBe(3);
    expect(summary.segments.reduce((total, segment) => total + segment.size, 0)).toBe(150);
  });

  it('draws a progress bar on a terminal', async () => {
    const io = captureIo(dir, { tty: true });
    expect(await runCli(['run', '-c', 'iris.yaml', '-o', 'tty-out'], io)).toBe(0);
    expect(io.err()).toContain('\r\x1b[2K[');
    expect(io.err()).toContain('100%');
  });

  it('Ctrl-C cancels with exit 130 and leaves no segments.csv', async () => {
    await writeFile(
      join(dir, 'range.yaml'),
      'source: iris.csv\nclustering:\n  algorithm: kmeans\n  k: { min: 2, max: 8 }\noutput: cancel-out/\n',
    );
    const io = captureIo(dir);
    const originalWrite = (text: string) => io.stderr.write(text);
    // Press Ctrl-C as soon as k selection starts.
    const stderr = {
      ...io.stderr,
      write: (text: string) => {
        originalWrite(text);
        if (text.startsWith('[6/10] select:')) io.interrupt();
      },
    };
    const code = await runCli(['run', '-c', 'range.yaml'], { ...io, stderr });
    expect(code).toBe(130);
    expect(io.err()).toContain('cancel');
    expect(existsSync(join(dir, 'cancel-out', 'segments.csv'))).toBe(false);
    expect(io.interruptHandlers()).toBe(0);
  });
});

describe('segmint profile', () => {
  it('prints one row per column, or JSON', async () => {
    const io = captureIo(dir);
    expect(await runCli(['profile', 'iris.csv'], io)).toBe(0);
    expect(io.out()).toContain('iris.csv: 150 rows, 5 columns');
    expect(io.out()).toMatch(/\npetal_length\s+\S+\s+numeric\s+0\.0%/);
    expect(io.out()).toMatch(/\nspecies\s+\S+\s+categorical\s+0\.0%\s+3\s+Iris-\S+ \(50\)/);
    const json = captureIo(dir);
    expect(await runCli(['profile', 'iris.csv', '--json'], json)).toBe(0);
    const parsed = JSON.parse(json.out()) as { rows: number; columns: { name: string }[] };
    expect(parsed.rows).toBe(150);
    expect(parsed.columns.map((column) => column.name)).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
      'species',
    ]);
  });

  it('honours --delimiter, and rejects an empty file naming it (exit 3)', async () => {
    await writeFile(join(dir, 'semi.txt'), 'a;b\n1;x\n2;y\n3;x\n');
    const io = captureIo(dir);
    expect(await runCli(['profile', 'semi.txt', '--delimiter', ';', '--json'], io)).toBe(0);
    const parsed = JSON.parse(io.out()) as { columns: { name: string }[] };
    expect(parsed.columns.map((column) => column.name)).toEqual(['a', 'b']);
    await writeFile(join(dir, 'empty.csv'), '');
    const empty = captureIo(dir);
    expect(await runCli(['profile', 'empty.csv'], empty)).toBe(3);
    expect(empty.err()).toMatch(/^segmint: .*empty\.csv/);
  });

  it('names a missing file (exit 5)', async () => {
    const io = captureIo(dir);
    expect(await runCli(['profile', 'nowhere.csv'], io)).toBe(5);
    expect(io.err()).toMatch(/^segmint: .*nowhere\.csv/);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});

describe('bad input leaves nothing behind', () => {
  it('a ragged row: exit 3, the message names line 12', async () => {
    const iris = await readFile(join(dir, 'iris.csv'), 'utf8');
    const lines = iris.split('\n');
    lines[11] = `${lines[11] ?? ''},9.9`;
    await writeFile(join(dir, 'ragged.csv'), lines.join('\n'));
    await writeFile(
      join(dir, 'ragged.yaml'),
      irisConfig.replace('iris.csv', 'ragged.csv').replace('out/', 'rag-out/'),
    );
    const io = captureIo(dir);
    expect(await runCli(['run', '-c', 'ragged.yaml', '-q'], io)).toBe(3);
    expect(io.err()).toMatch(/^segmint: .*ragged\.csv.*12/);
    expect(existsSync(join(dir, 'rag-out', 'segments.csv'))).toBe(false);
  });

  it('a misspelled key: exit 2, suggests the key', async () => {
    await writeFile(join(dir, 'typo.yaml'), 'source: iris.csv\nclusterin:\n  algorithm: kmeans\n');
    const io = captureIo(dir);
    expect(await runCli(['run', '-c', 'typo.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/^segmint: .*typo\.yaml.*clustering/s);
  });

  it('a missing config and a missing data file: exit 5, named', async () => {
    const noConfig = captureIo(dir);
    expect(await runCli(['run', '-c', 'absent.yaml'], noConfig)).toBe(5);
    expect(noConfig.err()).toContain('absent.yaml');
    await writeFile(join(dir, 'miss.yaml'), 'source: nowhere.csv\noutput: miss-out/\n');
    const noData = captureIo(dir);
    expect(await runCli(['run', '-c', 'miss.yaml'], noData)).toBe(5);
    expect(noData.err()).toContain('nowhere.csv');
    expect(existsSync(join(dir, 'miss-out', 'segments.csv'))).toBe(false);
  });

  it('predict with an unknown output extension is a usage error', async () => {
    const io = captureIo(dir);
    expect(await runCli(['predict', '-m', 'out/model.json', 'iris.csv', '-o', 'p.xlsx'], io)).toBe(
      2,
    );
    expect(io.err()).toContain('end it with .csv, .parquet or .json');
  });
});

describe('segmint demo', () => {
  it('generates data, runs the pipeline and prints the report path', async () => {
    const io = captureIo(dir);
    expect(await runCli(['demo', '--dir', 'demo', '--customers', '300', '--quiet'], io)).toBe(0);
    const match = /Open the report in a browser: (.+report\.html)\n/.exec(io.out());
    expect(match).not.toBeNull();
    expect(existsSync(match?.[1] ?? '')).toBe(true);
    expect(match?.[1]?.startsWith(join(dir, 'demo'))).toBe(true);
    expect(io.out()).toContain(`segmint run -c ${join(dir, 'demo', 'demo.yaml')}`);
  });

  it('--rfm --json segments the demo transactions by RFM', async () => {
    const io = captureIo(dir);
    const argv = [
      'demo',
      '--dir',
      'demo-rfm',
      '--customers',
      '200',
      '--seed',
      '3',
      '--rfm',
      '--json',
    ];
    expect(await runCli(argv, io)).toBe(0);
    const summary = JSON.parse(io.out()) as {
      data: { transactions: string };
      files: { segmentsCsv: string };
      rows: number;
    };
    expect(summary.data.transactions).toBe(join(dir, 'demo-rfm', 'transactions.csv'));
    expect(summary.rows).toBeGreaterThan(100);
    const header = (await readFile(summary.files.segmentsCsv, 'utf8')).split('\n')[0] ?? '';
    for (const column of ['segment_name', 'recency', 'frequency', 'monetary', 'rfm_segment'])
      expect(header.split(',')).toContain(column);
  });
});
