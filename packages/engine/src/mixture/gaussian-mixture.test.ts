/**
 * Gaussian mixture: a hand-computed single component, recovery of well-separated blobs for every
 * initialisation, posterior invariants, restarts, BIC/AIC curves, singular covariances, shapes.
 */
import { describe, expect, it } from 'vitest';
import { isSegmintError } from '../core/errors.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { gaussianMixture } from './gaussian-mixture.js';
import { gaussianMixtureCurves } from './gaussian-mixture-curves.js';
import { gaussianMixtureFromJSON, gaussianMixtureToJSON } from './gaussian-mixture-json.js';
import {
  gaussianMixtureBic,
  gaussianMixtureParameterCount,
  gaussianMixturePredict,
  gaussianMixtureProba,
  gaussianMixtureScore,
} from './gaussian-mixture-predict.js';

const { X, labels: truth } = makeBlobs({
  perCluster: 60,
  clusters: 3,
  dimensions: 2,
  spread: 0.7,
  seed: 3,
});

describe('gaussianMixture', () => {
  it('fits one component to the sample mean and biased covariance (hand-computed)', () => {
    const rows = [
      [0, 0],
      [2, 0],
      [0, 2],
      [2, 4],
    ];
    const model = gaussianMixture(rows, {
      clusterCount: 1,
      regCovar: 0,
      tolerance: 0,
      maxIterations: 3,
    });
    // N = 4 + 10 eps (scikit-learn's guard against empty components) shifts the last bits.
    expect(model.means.data[0]).toBeCloseTo(1, 12);
    expect(model.means.data[1]).toBeCloseTo(1.5, 12);
    // Var x = (1 + 1 + 1 + 1) / 4 = 1, var y = (2.25 + 2.25 + 0.25 + 6.25) / 4 = 2.75,
    // cov = (1.5 - 1.5 - 0.5 + 2.5) / 4 = 0.5.
    const [a, b, c, d] = Array.from(model.covariances);
    expect(a).toBeCloseTo(1, 12);
    expect(b).toBeCloseTo(0.5, 12);
    expect(c).toBeCloseTo(0.5, 12);
    expect(d).toBeCloseTo(2.75, 12);
    // Gaussian log-likelihood at the MLE: -(d/2) log(2 pi) - (1/2) log det Sigma - d/2.
    const logDet = Math.log(1 * 2.75 - 0.25);
    const expected = -Math.log(2 * Math.PI) - 0.5 * logDet - 1;
    expect(gaussianMixtureScore(model, rows)).toBeCloseTo(expected, 12);
    expect(model.lowerBound).toBeCloseTo(expected, 12);
    expect(Array.from(model.weights)).toEqual([1]);
    expect(gaussianMixtureParameterCount(model)).toBe(5);
  });

  for (const init of ['kmeans', 'k-means++', 'random'] as const) {
    for (const covariance of ['full', 'diag'] as const) {
      it(`recovers three separated blobs (init ${init}, ${covariance})`, () => {
        const model = gaussianMixture(X, { clusterCount: 3, init, covariance, nInit: 3, seed: 1 });
        expect(adjustedRandIndex(truth, model.labels)).toBeGreaterThan(0.99);
        expect(model.converged).toBe(true);
        let total = 0;
        for (const w of model.weights) total += w;
        expect(total).toBeCloseTo(1, 12);
      });
    }
  }

  it('gives posteriors that sum to 1 and predictions that match the fitted labels', () => {
    const model = gaussianMixture(X, { clusterCount: 3 });
    const proba = gaussianMixtureProba(model, X);
    expect([proba.rows, proba.cols]).toEqual([X.rows, 3]);
    for (let i = 0; i < X.rows; i++) {
      let sum = 0;
      for (let c = 0; c < 3; c++) sum += proba.data[i * 3 + c]!;
      expect(sum).toBeCloseTo(1, 12);
    }
    const { labels, strength } = gaussianMixturePredict(model, X);
    expect(Array.from(labels)).toEqual(Array.from(model.labels));
    for (let i = 0; i < X.rows; i++) {
      expect(strength[i]).toBe(proba.data[i * 3 + labels[i]!]);
      expect(strength[i]).toBeGreaterThanOrEqual(1 / 3);
    }
  });

  it('keeps the restart with the highest lower bound', () => {
    const single = gaussianMixture(X, { clusterCount: 5, init: 'random', seed: 4 });
    const many = gaussianMixture(X, { clusterCount: 5, init: 'random', seed: 4, nInit: 6 });
    expect(many.lowerBound).toBeGreaterThanOrEqual(single.lowerBound);
  });

  it('reports non-convergence as data', () => {
    const model = gaussianMixture(X, {
      clusterCount: 4,
      init: 'random',
      maxIterations: 1,
      tolerance: 0,
    });
    expect(model.converged).toBe(false);
    expect(model.warnings.map((w) => w.code)).toEqual(['MAX_ITERATIONS_REACHED']);
  });

  it('warns about a component that captures no rows', () => {
    const rows = [
      [0, 0],
      [0, 1],
      [1, 0],
      [9, 9],
      [9, 10],
      [10, 9],
    ];
    // The third mean is far from every row: its one-hot responsibilities are all zero.
    const model = gaussianMixture(rows, {
      clusterCount: 3,
      covariance: 'diag',
      init: [
        [0, 0],
        [9, 9],
        [100, 100],
      ],
    });
    expect(model.warnings.map((w) => w.code)).toContain('EMPTY_COMPONENT');
    expect(model.weights[2]).toBeLessThan(1 / 6);
    const fine = gaussianMixture(rows, { clusterCount: 2, covariance: 'diag' });
    expect(fine.warnings).toEqual([]);
  });

  it('chooses k = 3 on three blobs by BIC', () => {
    const curves = gaussianMixtureCurves(X, [1, 2, 3, 4, 5], { covariance: 'full' });
    expect(curves.bestByBic).toBe(3);
    expect(curves.bic).toHaveLength(5);
    const model = gaussianMixture(X, { clusterCount: 2 });
    expect(curves.bic[1]).toBeCloseTo(gaussianMixtureBic(model, X), 9);
    // AIC penalises parameters less than BIC once ln n > 2.
    for (let i = 0; i < 5; i++) expect(curves.aic[i]).toBeLessThan(curves.bic[i]!);
  });

  it('throws on a singular covariance without regularisation, naming regCovar', () => {
    const rows = [
      [1, 1],
      [1, 1],
      [1, 1],
      [5, 5],
      [6, 5],
      [5, 7],
    ];
    let error: unknown;
    try {
      gaussianMixture(rows, {
        clusterCount: 2,
        regCovar: 0,
        init: [
          [1, 1],
          [5, 5],
        ],
      });
    } catch (caught) {
      error = caught;
    }
    expect(isSegmintError(error, 'INVALID_PARAMETER')).toBe(true);
    expect((error as Error).message).toContain("'regCovar'");
    // The default regularisation keeps it positive definite.
    const model = gaussianMixture(rows, {
      clusterCount: 2,
      init: [
        [1, 1],
        [5, 5],
      ],
    });
    expect(Array.from(model.labels)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('rejects explicit means of the wrong shape and curves with explicit means', () => {
    expect(() => gaussianMixture(X, { clusterCount: 3, init: [[0, 0]] })).toThrow(/shape \(1, 2\)/);
    expect(() => gaussianMixtureCurves(X, [], {})).toThrow(/clusterCounts/);
    expect(() => gaussianMixtureCurves(X, [2], { init: [[0, 0]] })).toThrow(/'init'/);
  });

  it('round-trips through JSON with identical posteriors', () => {
    const model = gaussianMixture(X, { clusterCount: 3, covariance: 'diag' });
    const loaded = gaussianMixtureFromJSON(
      JSON.parse(JSON.stringify(gaussianMixtureToJSON(model))),
    );
    expect(Array.from(gaussianMixtureProba(loaded, X).data)).toEqual(
      Array.from(gaussianMixtureProba(model, X).data),
    );
    expect(() =>
      gaussianMixtureFromJSON({ ...gaussianMixtureToJSON(model), weights: [1] }),
    ).toThrow(/'weights'/);
  });
});
