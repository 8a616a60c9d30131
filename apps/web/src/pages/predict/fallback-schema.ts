/**
 * A predict-form schema built from the model's inputs and the run's report, for servers without
 * `GET /api/models/:id/schema`: numeric ranges are the overall mean ± 3 standard deviations
 * (clamped at 0 for features that are never negative), categories are those the profiles list.
 */
import type { Model, ModelSchema, ModelSchemaFeature, RunReport } from '../../api/types.js';

/**
 * The fallback schema.
 * @example fallbackSchema(model, report).features[0].kind // 'numeric'
 */
export function fallbackSchema(model: Model, report: RunReport): ModelSchema {
  const numeric = new Map(report.segments[0]?.numeric.map((entry) => [entry.feature, entry]) ?? []);
  const features = model.input.map((input): ModelSchemaFeature => {
    if (input.kind === 'categorical') {
      const categories = [
        ...new Set(
          report.segments.flatMap((segment) =>
            segment.categorical
              .filter((entry) => entry.feature === input.name)
              .map((entry) => entry.value),
          ),
        ),
      ];
      return { name: input.name, kind: 'categorical', categories, mode: categories[0] ?? '' };
    }
    const stats = numeric.get(input.name);
    const mean = stats?.overallMean ?? 0;
    const spread = 3 * (stats?.overallStd ?? 1);
    const allPositive = report.segments.every(
      (segment) => (segment.numeric.find((entry) => entry.feature === input.name)?.mean ?? 0) >= 0,
    );
    const min = allPositive ? Math.max(0, mean - spread) : mean - spread;
    const max = mean + spread;
    const step = max - min > 100 ? 1 : (max - min) / 100;
    return { name: input.name, kind: 'numeric', min, max, median: mean, step };
  });
  return { idColumn: model.idColumn, features };
}
