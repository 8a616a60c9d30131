import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import type { StepSpec } from '../preprocess/steps.js';
import { table, type Table } from '../preprocess/table.js';
import { fitSegmentation, withSegmentNames } from './segmentation.js';
import { predictSegments } from './predict-segments.js';
import {
  loadModel,
  saveModel,
  segmentationFromJSON,
  segmentationToJSON,
} from './segmentation-json.js';

/** Three customer groups: income/spend blobs plus a categorical channel and some missing incomes. */
function customers(seed = 3): { t: Table; truth: Int32Array } {
  const rng = createRandom(seed);
  const centres = [
    [30_000, 200],
    [60_000, 900],
    [95_000, 2_400],
  ];
  const channels = ['store', 'web', 'app'];
  const income: (number | null)[] = [];
  const spend: number[] = [];
  const channel: string[] = [];
  const truth: number[] = [];
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < 60; i++) {
      income.push(i % 17 === 5 ? null : centres[c]![0]! + 4_000 * rng.normal());
      spend.push(centres[c]![1]! + 80 * rng.normal());
      channel.push(rng.next() < 0.95 ? channels[c]! : channels[rng.int(3)]!);
      truth.push(c);
    }
  }
  return { t: table({ income, spend, channel }), truth: Int32Array.from(truth) };
}

const STEPS: StepSpec[] = [
  { type: 'impute', strategy: 'median' },
  { type: 'one-hot', columns: ['channel'] },
  { type: 'scale', method: 'standard' },
];

describe('fitSegmentation and predictSegments', () => {
  const { t, truth } = customers();
  const fit = fitSegmentation(t, { steps: STEPS, clusterer: { clusterCount: 3, seed: 1 } });

  it('recovers the planted groups and records per-segment statistics', () => {
    expect(adjustedRandIndex(fit.labels, truth)).toBeGreaterThan(0.95);
    expect(fit.model.segments.map((s) => s.size).reduce((a, b) => a + b, 0)).toBe(180);
    for (const s of fit.model.segments) {
      expect(s.distance.median).toBeLessThanOrEqual(s.distance.q90);
      expect(s.distance.q99).toBeLessThanOrEqual(s.distance.max);
      expect(s.outOfDistributionThreshold).toBeCloseTo(1.25 * s.distance.q99, 12);
    }
    expect(fit.featureNames).toEqual(expect.arrayContaining(['income', 'spend']));
  });

  it('predicts the fitted segments for the training rows, with bounded confidence', () => {
    const predictions = predictSegments(fit.model, t);
    expect(predictions.map((p) => p.segment)).toEqual(Array.from(fit.labels));
    for (const p of predictions) {
      expect(p.confidence).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
    const inDistribution = predictions.filter((p) => !p.outOfDistribution).length;
    expect(inDistribution).toBeGreaterThanOrEqual(175);
  });

  it('scores JSON records, imputing missing keys as in training', () => {
    const [typical, unknownIncome] = predictSegments(fit.model, [
      { income: 95_000, spend: 2_400, channel: 'app' },
      { spend: 210, channel: 'store' },
    ]);
    const rich = predictSegments(fit.model, [{ income: 96_000, spend: 2_350, channel: 'app' }])[0]!;
    expect(typical!.segment).toBe(rich.segment);
    expect(typical!.outOfDistribution).toBe(false);
    expect(typical!.confidence).toBeGreaterThan(0.5);
    expect(unknownIncome!.segmentName).toMatch(/^Segment \d$/);
  });

  it('flags a customer far from every segment as out of distribution with a reason', () => {
    const [far] = predictSegments(fit.model, [
      { income: 5_000_000, spend: 90_000, channel: 'web' },
    ]);
    expect(far!.outOfDistribution).toBe(true);
    expect(far!.reasons.join(' ')).toMatch(/exceeds its threshold/);
  });

  it('keeps confidence 1 at a centroid and near 0 halfway between two centroids', () => {
    const plain = table({ x: [0, 0.2, -0.2, 10, 10.2, 9.8], y: [0, 0.1, -0.1, 0, 0.1, -0.1] });
    const m = fitSegmentation(plain, { clusterer: { clusterCount: 2, seed: 0 } }).model;
    const [atCentre, between] = predictSegments(m, [
      { x: m.clusterer.centroids.data[0], y: m.clusterer.centroids.data[1] },
      { x: 5, y: 0 },
    ]);
    expect(atCentre!.confidence).toBe(1);
    expect(between!.confidence).toBeLessThan(0.05);
  });

  it('round-trips through JSON text with identical predictions', () => {
    const named = withSegmentNames(fit.model, ['Budget', 'Mainstream', 'Premium']);
    const text = saveModel(named);
    const loaded = loadModel(text);
    expect(saveModel(loaded)).toBe(text);
    expect(predictSegments(loaded, t)).toEqual(predictSegments(named, t));
    expect(
      predictSegments(loaded, [{ income: 97_000, spend: 2_500, channel: 'app' }])[0]!.segmentName,
    ).toBe(
      named.segments[
        predictSegments(named, [{ income: 97_000, spend: 2_500, channel: 'app' }])[0]!.segment
      ]!.name,
    );
  });

  it('supports PCA before clustering and mini-batch k-means', () => {
    const reduced = fitSegmentation(t, {
      steps: STEPS,
      reduction: { components: 2 },
      algorithm: 'minibatch-kmeans',
      clusterer: { clusterCount: 3, seed: 2, batchSize: 64 },
    });
    expect(reduced.X.cols).toBe(2);
    expect(reduced.featureNames).toEqual(['PC1', 'PC2']);
    expect(adjustedRandIndex(reduced.labels, truth)).toBeGreaterThan(0.9);
    const loaded = segmentationFromJSON(
      JSON.parse(JSON.stringify(segmentationToJSON(reduced.model))),
    );
    expect(predictSegments(loaded, t).map((p) => p.segment)).toEqual(Array.from(reduced.labels));
  });

  it('flags pipeline outliers at predict time instead of dropping them', () => {
    const withOutliers = fitSegmentation(t, {
      steps: [
        { type: 'outliers', rules: [{ rule: 'z-score', columns: ['spend'], threshold: 3 }] },
        ...STEPS,
      ],
      clusterer: { clusterCount: 3, seed: 1 },
    });
    const [p] = predictSegments(withOutliers.model, [
      { income: 60_000, spend: 1e6, channel: 'web' },
    ]);
    expect(p!.outlier).toBe(true);
    expect(p!.reasons.length).toBeGreaterThan(0);
  });
});

describe('model files', () => {
  const { t } = customers(9);
  const model = fitSegmentation(t, { steps: STEPS, clusterer: { clusterCount: 2, seed: 4 } }).model;

  const expectInvalidModel = (action: () => unknown, fragment: string) => {
    try {
      action();
    } catch (error) {
      expect(error).toBeInstanceOf(SegmintError);
      expect((error as SegmintError).code).toBe(ERROR_CODES.INVALID_MODEL);
      expect((error as SegmintError).message).toContain(fragment);
      return;
    }
    throw new Error('expected INVALID_MODEL');
  };

  it('rejects text that is not JSON, another format, another version, and truncated centroids', () => {
    expectInvalidModel(() => loadModel('{"format": "segmint.model", '), 'not valid JSON');
    const json = segmentationToJSON(model);
    expectInvalidModel(() => segmentationFromJSON({ ...json, format: 'pickle' }), "'model.format'");
    expectInvalidModel(() => segmentationFromJSON({ ...json, version: 2 }), "'model.version'");
    const truncated = {
      ...json,
      clusterer: { ...json.clusterer, centroids: { ...json.clusterer.centroids, data: [1, 2] } },
    };
    expectInvalidModel(() => segmentationFromJSON(truncated), 'model.clusterer.centroids.data');
    expectInvalidModel(
      () => segmentationFromJSON({ ...json, segments: json.segments.slice(1) }),
      "'model.segments'",
    );
  });

  it('rejects bad options at fit time naming them', () => {
    expect(() =>
      fitSegmentation(t, {
        steps: STEPS,
        clusterer: { clusterCount: 2 },
        outOfDistribution: { quantile: 2 },
      }),
    ).toThrow("'outOfDistribution.quantile' must be a number in (0, 1]; got 2.");
    expect(() =>
      fitSegmentation(t, {
        steps: STEPS,
        algorithm: 'spectral' as 'kmeans',
        clusterer: { clusterCount: 2 },
      }),
    ).toThrow(/'algorithm' must be one of/);
    expect(() => withSegmentNames(model, ['only one'])).toThrow(
      /one name per segment \(2\); got 1/,
    );
  });
});
