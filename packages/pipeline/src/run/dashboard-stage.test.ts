/** dashboard.json from a real run: map, labels, silhouettes, distributions, schema, coordinates. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModelFile } from './model-file.js';
import { parseDashboard } from '../report/dashboard-json.js';
import { DASHBOARD_FILE } from '../report/dashboard-types.js';
import { mapCoordinates, silhouettePlot } from './dashboard-stage.js';
import { runYaml, temporaryFolder } from './test-utils/run-fixtures.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** Three tight groups of 20 customers; plan follows the group; spend is an integer. */
function customersCsv(): string {
  const lines = ['customer_id,income,spend,plan,region'];
  const centres = [
    [20, 100],
    [60, 500],
    [100, 900],
  ];
  for (let group = 0; group < 3; group++) {
    for (let i = 0; i < 20; i++) {
      const id = `c${String(group * 20 + i + 1).padStart(3, '0')}`;
      const income = centres[group]![0]! + (i % 5) * 0.5;
      const spend = centres[group]![1]! + (i % 4);
      lines.push(
        `${id},${income},${spend},${['basic', 'plus', 'pro'][group]},${i % 2 ? 'north' : 'south'}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const YAML = `source: customers.csv
id: customer_id
features: [income, spend, plan]
categorical: [plan]
clustering:
  algorithm: [kmeans, minibatch-kmeans]
  k: 3
output: out/
`;

describe('dashboard.json', () => {
  it('is written with the map, every algorithm labels, silhouettes, distributions and schema', async () => {
    folder.write('customers.csv', customersCsv());
    const result = await runYaml(folder.dir, YAML, { dataDir: null });
    const text = readFileSync(join(result.outputDir, DASHBOARD_FILE), 'utf8');
    const dashboard = parseDashboard(text);
    expect(dashboard.runId).toBe(result.runId);
    expect(dashboard.algorithms).toEqual(['kmeans', 'minibatch-kmeans']);

    const { projection } = dashboard;
    expect(projection.method).toBe('pca');
    expect(projection.total).toBe(60);
    expect(projection.id).toHaveLength(60);
    expect(projection.id[0]).toBe('c001');
    expect(projection.x).toHaveLength(60);
    expect(projection.z).toHaveLength(60);
    expect(projection.explainedVarianceRatio.length).toBe(projection.dims);
    // Both algorithms find the three groups: each group of 20 shares one label.
    for (const labels of Object.values(projection.labels)) {
      for (let group = 0; group < 3; group++) {
        expect(new Set(labels.slice(group * 20, group * 20 + 20)).size).toBe(1);
      }
      expect(new Set(labels).size).toBe(3);
    }

    // The UMAP input: every point here (under the 2,000 cap), in the clustering space.
    const umap = dashboard.umapSample!;
    expect(umap.index).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(umap.data).toHaveLength(60 * umap.cols);
    expect(umap.cols).toBe(result.report.features.prepared.length);

    expect(dashboard.silhouette).toHaveLength(2);
    const [primary] = dashboard.silhouette;
    expect(primary!.method).toBe('exact');
    expect(primary!.shown).toBe(60);
    expect(primary!.average!).toBeGreaterThan(0.8);
    for (const segment of primary!.segments) {
      expect(segment.values).toHaveLength(20);
      expect(segment.values).toEqual([...segment.values].sort((a, b) => b - a));
      expect(segment.name).toBe(dashboard.segmentNames[segment.segment]);
    }

    expect(dashboard.features).toEqual([
      { name: 'income', kind: 'numeric' },
      { name: 'spend', kind: 'numeric' },
      { name: 'plan', kind: 'categorical' },
    ]);
    // The other input column is offered as a distribution, not as a feature.
    expect(dashboard.columns.map((c) => c.name)).toEqual(['income', 'spend', 'plan', 'region']);
    const region = dashboard.distributions.find((d) => d.feature === 'region')!;
    expect(region.kind === 'categorical' && [...region.categories].sort()).toEqual([
      'north',
      'south',
    ]);
    expect(dashboard.means[0]!.values).toHaveLength(2);
    const spend = dashboard.distributions.find((d) => d.feature === 'spend')!;
    expect(spend.kind).toBe('numeric');
    if (spend.kind !== 'numeric') return;
    const low = spend.segments.find((s) => s.min === 100)!;
    // 100..103, five times each: mean 101.5, quartiles 100.75 / 101.5 / 102.25 (linear).
    expect(low).toMatchObject({ count: 20, max: 103, mean: 101.5, median: 101.5, q1: 100.75 });
    expect(low.values).toHaveLength(20);
    const plan = dashboard.distributions.find((d) => d.feature === 'plan')!;
    expect(plan.kind === 'categorical' && plan.categories.sort()).toEqual(['basic', 'plus', 'pro']);
    if (plan.kind === 'categorical') {
      for (const segment of plan.segments) expect(segment.counts.sort()).toEqual([0, 0, 20]);
    }
    expect(dashboard.means).toHaveLength(3);
    expect(dashboard.means.map((m) => m.values[1]).sort()).toEqual([101.5, 501.5, 901.5]);

    expect(dashboard.schema.idColumn).toBe('customer_id');
    const income = dashboard.schema.features.find((f) => f.name === 'income')!;
    expect(income).toMatchObject({ kind: 'numeric', min: 20, max: 102, step: 0.1 });
    const planField = dashboard.schema.features.find((f) => f.name === 'plan')!;
    expect(planField.kind === 'categorical' && [...planField.categories].sort()).toEqual([
      'basic',
      'plus',
      'pro',
    ]);

    // A training row placed with the saved PCA lands on its map point.
    const { model } = parseModelFile(readFileSync(result.files.model, 'utf8'), 'model.json');
    const [point] = mapCoordinates(model, projection, [{ income: 20, spend: 100, plan: 'basic' }]);
    expect(point![0]).toBeCloseTo(projection.x[0]!, 9);
    expect(point![1]).toBeCloseTo(projection.y[0]!, 9);
    expect(point![2]).toBeCloseTo(projection.z[0]!, 9);
  });
});

describe('silhouettePlot', () => {
  const fit = (labels: number[]) => ({
    X: { data: Float64Array.from([0, 1, 10, 11, 50]), rows: 5, cols: 1 },
    labels: Int32Array.from(labels),
    model: { segments: [{}, {}] as never[] },
  });

  it('leaves noise out and sorts each segment descending (scikit-learn values)', () => {
    const plot = silhouettePlot('dbscan', fit([0, 0, 1, 1, -1]), ['Low', 'High'], 100, 0);
    expect(plot).toMatchObject({ method: 'exact', total: 4, shown: 4 });
    // silhouette_samples([[0], [1], [10], [11]], [0, 0, 1, 1])
    const expected = [1 - 1 / 10.5, 1 - 1 / 9.5];
    expect(plot.segments[0]!.name).toBe('Low');
    expect(plot.segments[0]!.values).toEqual([expected[0], expected[1]]);
    expect(plot.segments[1]!.values).toEqual([expected[0], expected[1]]);
    expect(plot.average).toBeCloseTo((expected[0]! + expected[1]!) / 2, 12);
  });

  it('has no average for a single segment', () => {
    const plot = silhouettePlot('kmeans', fit([0, 0, 0, 0, 0]), [], 100, 0);
    expect(plot.average).toBeNull();
    expect(plot.segments[0]!.values).toEqual([0, 0, 0, 0, 0]);
  });
});
