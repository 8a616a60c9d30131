/**
 * Issue 7's algorithms through a whole run: a list of algorithms compared on real data (k chosen
 * with k-means, the density algorithms finding their own), noise written as segment -1 'Noise',
 * every algorithm scored, and the saved model predicting the training file as segments.csv says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, predictSegments, tableFromRecords, pipelineInputSchema } from '@segmint/engine';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dataset,
  hasSharedDatasets,
  readCsv,
  runYaml,
  temporaryFolder,
} from './test-utils/run-fixtures.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe.skipIf(!hasSharedDatasets)('every algorithm in one run (mall customers)', () => {
  it('compares hdbscan, dbscan, agglomerative, gmm and kmeans; noise is -1', async () => {
    const out = join(folder.dir, 'mall');
    const result = await runYaml(
      folder.dir,
      [
        `source: ${dataset('mall_customers', 'Mall_Customers.csv')}`,
        'id: CustomerID',
        'features: ["Annual Income (k$)", "Spending Score (1-100)"]',
        'clustering:',
        '  algorithm: [hdbscan, dbscan, agglomerative, gmm, kmeans]',
        '  k: { min: 2, max: 8 }',
        '  params: { eps: 0.35, minSamples: 5, minClusterSize: 8, linkage: ward, covariance: full }',
        `output: ${out}`,
        '',
      ].join('\n'),
      { dataDir: null },
    );
    const { report } = result;
    // k is chosen with k-means (5 on this data); hdbscan and dbscan find their own.
    expect(report.selection?.recommendation.k).toBe(5);
    expect(report.algorithms.map((a) => a.algorithm)).toEqual([
      'hdbscan',
      'dbscan',
      'agglomerative',
      'gmm',
      'kmeans',
    ]);
    const byName = Object.fromEntries(report.algorithms.map((a) => [a.algorithm, a]));
    expect(byName.agglomerative!.k).toBe(5);
    expect(byName.gmm!.k).toBe(5);
    expect(byName.kmeans!.noise).toBe(0);
    expect(byName.hdbscan!.k).toBeGreaterThanOrEqual(3);
    expect(byName.dbscan!.noise).toBeGreaterThan(0);
    for (const a of report.algorithms) {
      expect(a.silhouette).toBeGreaterThan(0.3);
      expect(a.sizes.reduce((s, x) => s + x, 0) + a.noise).toBe(200);
    }
    expect(report.agreement).toHaveLength(10);
    expect(
      report.agreement.find((p) => p.a === 'agglomerative' && p.b === 'kmeans')!.adjustedRandIndex,
    ).toBeGreaterThan(0.8);

    // segments.csv: the primary (hdbscan) labels, noise as -1 'Noise' with confidence 0.
    const rows = readCsv(result.files.segmentsCsv);
    expect(rows).toHaveLength(200);
    const noise = rows.filter((r) => r.segment === '-1');
    expect(noise.length).toBe(byName.hdbscan!.noise);
    for (const r of noise) {
      expect(r.segment_name).toBe('Noise');
      expect(Number(r.confidence)).toBe(0);
    }
    expect(report.segments).toHaveLength(byName.hdbscan!.k);
    expect(readFileSync(result.files.reportHtml, 'utf8')).toContain('hdbscan');

    // The agglomerative fit's dendrogram: the last 40 merges, cut between two merge heights.
    const tree = report.dendrogram!;
    expect(tree.linkage).toBe('ward');
    expect(tree.rows).toBe(200);
    expect(tree.truncatedTo).toBe(40);
    expect(tree.leaves).toHaveLength(40);
    expect(tree.icoord).toHaveLength(39);
    const tops = tree.dcoord.map((link) => link[1]!).sort((a, b) => b - a);
    expect(tree.cutHeight!).toBeLessThan(tops[3]!); // below the last 4 merges (5 segments)
    expect(tree.cutHeight!).toBeGreaterThan(tops[4]!);
    expect(tree.colors.filter((c) => c === -1)).toHaveLength(4);

    // The saved model scores new rows with the same algorithm.
    const model = loadModel(readFileSync(result.files.model, 'utf8'));
    expect(model.clusterer.algorithm).toBe('hdbscan');
    const input = tableFromRecords(
      [
        { 'Annual Income (k$)': 80, 'Spending Score (1-100)': 85 },
        { 'Annual Income (k$)': 500, 'Spending Score (1-100)': 0 },
      ],
      pipelineInputSchema(model.pipeline),
    );
    const [typical, far] = predictSegments(model, input);
    expect(typical!.segment).toBeGreaterThanOrEqual(0);
    expect(far!.segment).toBe(-1);
  });

  it('k-prototypes clusters mixed data (numeric + Genre)', async () => {
    const result = await runYaml(
      folder.dir,
      [
        `source: ${dataset('mall_customers', 'Mall_Customers.csv')}`,
        'id: CustomerID',
        'features: [Genre, Age, "Annual Income (k$)", "Spending Score (1-100)"]',
        'clustering: { algorithm: kprototypes, k: 4 }',
        `output: ${join(folder.dir, 'kproto')}`,
        '',
      ].join('\n'),
      { dataDir: null },
    );
    expect(result.report.algorithms[0]!.algorithm).toBe('kprototypes');
    expect(result.report.segments).toHaveLength(4);
    const rows = readCsv(result.files.segmentsCsv);
    expect(new Set(rows.map((r) => r.segment))).toEqual(new Set(['0', '1', '2', '3']));
  });

  it('measures the stability of the segments with refits on subsamples', async () => {
    const result = await runYaml(
      folder.dir,
      [
        `source: ${dataset('mall_customers', 'Mall_Customers.csv')}`,
        'features: ["Annual Income (k$)", "Spending Score (1-100)"]',
        'clustering: { algorithm: kmeans, k: 5, params: { nInit: 10 } }',
        'stability: { resamples: 8 }',
        `output: ${join(folder.dir, 'stable')}`,
        '',
      ].join('\n'),
      { dataDir: null },
    );
    const { stability } = result.report;
    expect(stability).toMatchObject({ algorithm: 'kmeans', status: 'measured', resamples: 8 });
    expect(stability.segments).toHaveLength(5);
    expect(stability.segments.map((s) => s.size).reduce((a, b) => a + b, 0)).toBe(200);
    // The five mall groups are well separated: every segment comes back in the refits.
    for (const s of stability.segments) expect(s.jaccard).toBeGreaterThan(0.75);
    expect(stability.meanAdjustedRandIndex!).toBeGreaterThan(0.8);

    const off = await runYaml(
      folder.dir,
      [
        `source: ${dataset('mall_customers', 'Mall_Customers.csv')}`,
        'features: ["Annual Income (k$)", "Spending Score (1-100)"]',
        'clustering: { k: 5 }',
        'stability: { resamples: 0 }',
        `output: ${join(folder.dir, 'unstable')}`,
        '',
      ].join('\n'),
      { dataDir: null },
    );
    expect(off.report.stability).toMatchObject({
      status: 'off',
      meanAdjustedRandIndex: null,
      segments: [],
    });
  });

  it('stability can vote on k (refits per k on subsamples)', async () => {
    const result = await runYaml(
      folder.dir,
      [
        `source: ${dataset('mall_customers', 'Mall_Customers.csv')}`,
        'features: ["Annual Income (k$)", "Spending Score (1-100)"]',
        'clustering: { algorithm: kmeans, k: { min: 2, max: 7 } }',
        'selection: { criteria: [silhouette, stability] }',
        'stability: { resamples: 5 }',
        `output: ${join(folder.dir, 'stability-vote')}`,
        '',
      ].join('\n'),
      { dataDir: null },
    );
    const selection = result.report.selection!;
    expect(selection.curves.stability).toHaveLength(6);
    for (const ari of selection.curves.stability!) {
      expect(ari).toBeGreaterThan(0);
      expect(ari).toBeLessThanOrEqual(1 + 1e-12);
    }
    const vote = selection.votes.find((v) => v.criterion === 'stability')!;
    // The finest k as stable as the most stable one (within 0.02).
    const curve = selection.curves.stability!;
    const best = Math.max(...curve);
    const finest = Math.max(...selection.curves.k.filter((_, i) => curve[i]! >= best - 0.02));
    expect(vote.k).toBe(finest);
  });

  it('clusters mixed data on Gower distances (agglomerative, hdbscan) with stability', async () => {
    const result = await runYaml(
      folder.dir,
      [
        `source: ${dataset('mall_customers', 'Mall_Customers.csv')}`,
        'id: CustomerID',
        'features: [Genre, Age, "Annual Income (k$)", "Spending Score (1-100)"]',
        'clustering: { algorithm: [agglomerative, hdbscan], k: 4, params: { metric: gower, minClusterSize: 10 } }',
        'stability: { resamples: 4 }',
        `output: ${join(folder.dir, 'gower')}`,
        '',
      ].join('\n'),
      { dataDir: null },
    );
    const [agglomerative, hdbscan] = result.report.algorithms;
    expect(agglomerative).toMatchObject({ algorithm: 'agglomerative', k: 4, noise: 0 });
    expect(hdbscan!.k).toBeGreaterThanOrEqual(2);
    expect(result.report.dendrogram?.linkage).toBe('average');
    expect(result.report.stability.status).toBe('measured');
    expect(result.report.stability.segments).toHaveLength(4);
    const rows = readCsv(result.files.segmentsCsv);
    expect(new Set(rows.map((r) => r.segment))).toEqual(new Set(['0', '1', '2', '3']));
  });

  it('a run of density algorithms alone skips choosing k', async () => {
    const result = await runYaml(
      folder.dir,
      [
        `source: ${dataset('mall_customers', 'Mall_Customers.csv')}`,
        'features: ["Annual Income (k$)", "Spending Score (1-100)"]',
        'clustering: { algorithm: hdbscan, k: { min: 2, max: 6 }, params: { minClusterSize: 8 } }',
        `output: ${join(folder.dir, 'density')}`,
        '',
      ].join('\n'),
      { dataDir: null },
    );
    expect(result.report.selection).toBeNull();
    expect(result.report.k).toBe(result.report.segments.length);
  });
});
