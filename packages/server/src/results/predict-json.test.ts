import { describe, expect, it } from 'vitest';
import { predictionsToJson } from './predict-json.js';
import type { ApiPrediction } from './predict-rows.js';

describe('predictionsToJson', () => {
  it('writes exactly what JSON.stringify writes, for every id type and awkward names', () => {
    const predictions: ApiPrediction[] = [
      {
        id: 1,
        segment: 0,
        segmentName: 'A',
        confidence: 0.5,
        outOfDistribution: false,
        outlier: false,
      },
      {
        id: 'C-"7"\n',
        segment: 2,
        segmentName: 'Big "spenders" \\ é 🚀',
        confidence: 1,
        outOfDistribution: true,
        outlier: true,
      },
      {
        id: null,
        segment: 1,
        segmentName: 'A',
        confidence: 0.123456,
        outOfDistribution: false,
        outlier: true,
      },
      {
        id: true,
        segment: 1,
        segmentName: '',
        confidence: 0,
        outOfDistribution: false,
        outlier: false,
      },
      {
        id: 1e21,
        segment: 3,
        segmentName: 'x',
        confidence: 1e-7,
        outOfDistribution: false,
        outlier: false,
      },
      {
        id: -0,
        segment: 0,
        segmentName: 'A',
        confidence: -0,
        outOfDistribution: false,
        outlier: false,
      },
    ];
    expect(predictionsToJson(predictions)).toBe(JSON.stringify({ predictions }));
  });

  it('writes non-finite numbers as null, as JSON.stringify does', () => {
    const predictions: ApiPrediction[] = [
      {
        id: NaN,
        segment: 0,
        segmentName: 'A',
        confidence: NaN,
        outOfDistribution: false,
        outlier: false,
      },
    ];
    expect(predictionsToJson(predictions)).toBe(JSON.stringify({ predictions }));
    expect(predictionsToJson([])).toBe('{"predictions":[]}');
  });
});
