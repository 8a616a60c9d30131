/**
 * Every algorithm through the segmentation model: fit on a mixed customer table, predict, save and
 * load (identical predictions), noise as segment -1, and the errors a user can cause.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import type { StepSpec } from '../preprocess/steps.js';
import { table, type Table } from '../preprocess/table.js';
import { SEGMENTATION_ALGORITHMS, type SegmentationAlgorithm } from './clusterers.js';
import { predictSegments } from './predict-segments.js';
import { GOWER_MAX_ROWS } from './gower-space.js';
import { relabelSegments } from './relabel.js';
import {
  fitSegmentation,
  NOISE_SEGMENT,
  NOISE_SEGMENT_NAME,
  withSegmentNames,
} from './segmentation.js';
import { loadModel, saveModel } from './segmentation-json.js';

/** Three well separated customer groups with a categorical channel tied to the group. */
function customers(seed = 5): { t: Table; truth: Int32Array } {
  const rng = createRandom(seed);
  const centres = [
    [30_000, 200],
    [60_000, 900],
    [95_000, 2_400],
  ];
  const channels = ['store', 'web', 'app'];
  const income: number[] = [];
  const spend: number[] = [];
  const channel: string[] = [];
  const truth: number[] = [];
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < 50; i++) {
      income.push(centres[c]![0]! + 3_000 * rng.normal());
      spend.push(centres[c]![1]! + 60 * rng.normal());
      channel.push(channels[c]!);
      truth.push(c);
    }
  }
  return { t: table({ income, spend, channel }), truth: Int32Array.from(truth) };
}

const STEPS: StepSpec[] = [
  { type: 'one-hot', columns: ['channel'] },
  { type: 'scale', method: 'standard', columns: ['income', 'spend'] },
];

const PARAMS: Record<SegmentationAlgorithm, Record<string, unknown>> = {
  kmeans: { clusterCount: 3, seed: 1 },
  'minibatch-kmeans': { clusterCount: 3, seed: 1 },
  dbscan: { eps: 0.6, minSamples: 5 },
  hdbscan: { minClusterSize: 10 },
  agglomerative: { clusterCount: 3, linkage: 'ward' },
  gmm: { clusterCount: 3, seed: 1, covariance: 'full' },
  kprototypes: { clusterCount: 3, seed: 1 },
};

describe.each(SEGMENTATION_ALGORITHMS)('fitSegmentation with %s', (algorithm) => {
  const { t, truth } = customers();
  const fit = fitSegmentation(t, { steps: STEPS, algorithm, clusterer: PARAMS[algorithm] });

  it('finds the planted groups', () => {
    expect(fit.model.clusterer.algorithm).toBe(algorithm);
    expect(fit.model.segments).toHaveLength(3);
    expect(adjustedRandIndex(fit.labels, truth)).toBeGreaterThan(0.9);
  });

  it('predicts the training rows as fitted (>= 97%), with confidences in [0, 1]', () => {
    const predictions = predictSegments(fit.model, t);
    let same = 0;
    predictions.forEach((p, i) => {
      if (p.segment === fit.labels[i]) same++;
      expect(p.confidence).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
      expect(p.segmentName).toBe(
        p.segment === NOISE_SEGMENT ? NOISE_SEGMENT_NAME : fit.model.segments[p.segment]!.name,
      );
    });
    expect(same / predictions.length).toBeGreaterThanOrEqual(0.97);
  });

  it('saves to JSON and loads back to identical predictions', () => {
    const text = saveModel(fit.model);
    const loaded = loadModel(text);
    expect(saveModel(loaded)).toBe(text);
    const fresh = table({
      income: [31_000, 94_000, 62_000],
      spend: [210, 2_350, 880],
      channel: ['store', 'app', 'web'],
    });
    expect(predictSegments(loaded, fresh)).toEqual(predictSegments(fit.model, fresh));
  });
});

describe('noise and errors', () => {
  const { t } = customers();

  it('a far-away row is noise for dbscan: segment -1, named, confidence 0, flagged', () => {
    const fit = fitSegmentation(t, { steps: STEPS, algorithm: 'dbscan', clusterer: PARAMS.dbscan });
    const [far] = predictSegments(
      fit.model,
      table({ income: [400_000], spend: [20_000], channel: ['web'] }),
    );
    expect(far).toMatchObject({
      segment: -1,
      segmentName: 'Noise',
      confidence: 0,
      outOfDistribution: true,
    });
    expect(far!.reasons.join(' ')).toContain('noise: dbscan places the row in no segment');
  });

  it('names the parameters when dbscan finds no cluster at all', () => {
    expect(() =>
      fitSegmentation(t, {
        steps: STEPS,
        algorithm: 'dbscan',
        clusterer: { eps: 1e-6, minSamples: 5 },
      }),
    ).toThrow(
      "dbscan: every one of the 150 rows is noise, so there are no segments; increase 'eps' (0.000001) or decrease 'minSamples' (5).",
    );
  });

  it('rejects kprototypes after PCA, without categorical features, and k-free k algorithms', () => {
    expect(() =>
      fitSegmentation(t, {
        steps: STEPS,
        algorithm: 'kprototypes',
        reduction: { components: 2 },
        clusterer: { clusterCount: 3 },
      }),
    ).toThrow("'reduction' must be none");
    const numeric = table({ income: [1, 2, 3, 10, 11, 12], spend: [1, 2, 1, 9, 8, 9] });
    expect(() =>
      fitSegmentation(numeric, { algorithm: 'kprototypes', clusterer: { clusterCount: 2 } }),
    ).toThrow('the features have no categorical column');
    let thrown: unknown;
    try {
      fitSegmentation(t, { steps: STEPS, algorithm: 'gmm', clusterer: {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SegmintError);
    expect((thrown as SegmintError).code).toBe(ERROR_CODES.INVALID_PARAMETER);
    expect((thrown as SegmintError).message).toBe(
      "fitSegmentation: 'gmm' needs 'clusterer.clusterCount'.",
    );
  });

  it('rejects an unknown algorithm naming the allowed ones', () => {
    expect(() =>
      fitSegmentation(t, {
        algorithm: 'spectral' as SegmentationAlgorithm,
        clusterer: { clusterCount: 2 },
      }),
    ).toThrow(
      "'algorithm' must be one of 'kmeans', 'minibatch-kmeans', 'dbscan', 'hdbscan', 'agglomerative', 'gmm', 'kprototypes'; got \"spectral\".",
    );
  });

  it('names the bad field of a damaged algorithm model', () => {
    const fit = fitSegmentation(t, { steps: STEPS, algorithm: 'gmm', clusterer: PARAMS.gmm });
    const json = JSON.parse(saveModel(fit.model)) as { clusterer: { fitted: { format: string } } };
    json.clusterer.fitted.format = 'segmint.nonsense';
    expect(() => loadModel(JSON.stringify(json))).toThrow(/format/);
  });
});

describe('relabelSegments', () => {
  const { t } = customers();
  it.each(['kmeans', 'gmm', 'hdbscan'] as const)(
    'renumbers %s segments: same customers, new ids, names moved, JSON keeps it',
    (algorithm) => {
      const fit = fitSegmentation(t, { steps: STEPS, algorithm, clusterer: PARAMS[algorithm] });
      const named = withSegmentNames(fit.model, ['A', 'B', 'C']);
      const order = [2, 0, 1];
      const { model, relabel } = relabelSegments(named, order);
      expect(model.segments.map((s) => [s.id, s.name])).toEqual([
        [0, 'B'],
        [1, 'C'],
        [2, 'A'],
      ]);
      const before = predictSegments(named, t);
      const after = predictSegments(model, t);
      after.forEach((p, i) => {
        const old = before[i]!;
        expect(p.segment).toBe(old.segment < 0 ? old.segment : order[old.segment]);
        expect(p.segmentName).toBe(old.segmentName);
        expect(p.confidence).toBeCloseTo(old.confidence, 12);
      });
      expect(Array.from(relabel(Int32Array.from([0, 1, 2, -1])))).toEqual([2, 0, 1, -1]);
      const loaded = loadModel(saveModel(model));
      expect(predictSegments(loaded, t)).toEqual(after);
      expect(() => relabelSegments(named, [0, 0, 1])).toThrow(
        "relabelSegments: 'order' must be a permutation of 0..2; got [0, 0, 1].",
      );
    },
  );
});

describe("metric 'gower' (mixed data, distance-based algorithms)", () => {
  const { t, truth } = customers();
  const GOWER: Record<'dbscan' | 'hdbscan' | 'agglomerative', Record<string, unknown>> = {
    dbscan: { metric: 'gower', eps: 0.1, minSamples: 5 },
    hdbscan: { metric: 'gower', minClusterSize: 10 },
    agglomerative: { metric: 'gower', clusterCount: 3 },
  };

  it.each(['dbscan', 'hdbscan', 'agglomerative'] as const)(
    '%s on Gower distances finds the groups, predicts, and saves its training rows',
    (algorithm) => {
      const fit = fitSegmentation(t, { steps: STEPS, algorithm, clusterer: GOWER[algorithm] });
      expect(adjustedRandIndex(fit.labels, truth)).toBeGreaterThan(0.9);
      const clusterer = fit.model.clusterer;
      expect(clusterer.kind === 'algorithm' && clusterer.gower?.training.rows).toBe(150);
      if (algorithm === 'agglomerative') expect(clusterer.options.linkage).toBe('average');
      const predictions = predictSegments(fit.model, t);
      const same = predictions.filter((p, i) => p.segment === fit.labels[i]).length;
      expect(same / 150).toBeGreaterThanOrEqual(0.97);
      const loaded = loadModel(saveModel(fit.model));
      const fresh = table({
        income: [31_000, 94_000],
        spend: [210, 2_350],
        channel: ['store', 'app'],
      });
      expect(predictSegments(loaded, fresh)).toEqual(predictSegments(fit.model, fresh));
      expect(predictSegments(loaded, fresh).map((p) => p.segment)).toEqual(
        predictSegments(
          fit.model,
          table({ income: [30_000, 95_000], spend: [200, 2_400], channel: ['store', 'app'] }),
        ).map((p) => p.segment),
      );
    },
  );

  it('names the algorithms and settings it applies to', () => {
    expect(() =>
      fitSegmentation(t, {
        steps: STEPS,
        algorithm: 'gmm',
        clusterer: { clusterCount: 3, metric: 'gower' },
      }),
    ).toThrow("metric 'gower' applies to dbscan, hdbscan and agglomerative; got algorithm 'gmm'.");
    expect(() =>
      fitSegmentation(t, {
        steps: STEPS,
        algorithm: 'hdbscan',
        reduction: { components: 2 },
        clusterer: { metric: 'gower' },
      }),
    ).toThrow(
      "metric 'gower' compares the features themselves; PCA mixes them, so 'reduction' must be none.",
    );
    const big = table({ x: Float64Array.from({ length: GOWER_MAX_ROWS + 1 }, (_, i) => i % 7) });
    expect(() =>
      fitSegmentation(big, { algorithm: 'dbscan', clusterer: { metric: 'gower' } }),
    ).toThrow(
      `metric 'gower': 10001 rows is more than the 10,000 a Gower distance matrix is computed for`,
    );
  });
});
