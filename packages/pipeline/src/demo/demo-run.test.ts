/**
 * The demo end to end: writeDemo, then the runner on both configs. This is what `segmint demo`
 * shows a new user, so it checks that the planted personas come back with sensible names.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adjustedRandIndex } from '@segmint/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config/index.js';
import { runPipeline } from '../run/index.js';
import { generateDemoData } from './generate-demo-data.js';
import { writeDemo, type DemoFiles } from './write-demo.js';

let dir = '';
let files: DemoFiles;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmint-demo-run-'));
  files = (await writeDemo(dir)).files;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Splits one CSV line (RFC 4180 quotes; the demo's values hold no line breaks). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** segments.csv as rows of strings. */
async function readSegments(path: string): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await readFile(path, 'utf8')).trimEnd().split('\n');
  const columns = splitCsvLine(header!);
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(columns.map((c, j) => [c, cells[j]!]));
  });
}

describe('demo configs through the runner', () => {
  it('recovers the planted personas from demo.yaml with idiomatic names', async () => {
    const { config, dir: configDir } = await loadConfigFile(files.config);
    const result = await runPipeline(config, { configDir, outputDir: join(dir, 'out') });
    const rows = await readSegments(result.files.segmentsCsv);
    expect(rows).toHaveLength(2000);
    expect(Object.keys(rows[0]!).slice(0, 4)).toEqual([
      'CustomerID',
      'segment',
      'segment_name',
      'confidence',
    ]);
    const truth = generateDemoData().truth;
    const labels = Int32Array.from(rows, (row) => Number(row.segment));
    expect(adjustedRandIndex(labels, truth)).toBeGreaterThan(0.7);
    const names = [...new Set(rows.map((row) => row.segment_name))];
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Affluent/),
        expect.stringMatching(/^Lapsed/),
        expect.stringMatching(/online shoppers/i),
        expect.stringMatching(/deal seekers/i),
      ]),
    );
  });

  it('segments customers by RFM from demo-rfm.yaml', async () => {
    const { config, dir: configDir } = await loadConfigFile(files.rfmConfig);
    const result = await runPipeline(config, { configDir, outputDir: join(dir, 'out-rfm') });
    const rows = await readSegments(result.files.segmentsCsv);
    // Every demo customer has at least one purchase; guest orders have no customer.
    expect(rows).toHaveLength(2000);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['recency', 'frequency', 'monetary', 'rfm_score', 'rfm_segment']),
    );
  });
});
