/**
 * The predict form, generated from the model's schema: a slider (bounded by the training data's
 * range, starting at the median) with a number box for each numeric feature, a select for each
 * categorical one (starting at the most frequent value).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ModelSchemaFeature } from '../../api/types.js';

/** Form values by feature name. */
export type FormValues = Record<string, number | string>;

/** Starting values: medians and modes. */
export function initialValues(features: readonly ModelSchemaFeature[]): FormValues {
  return Object.fromEntries(
    features.map((feature) => [
      feature.name,
      feature.kind === 'numeric' ? feature.median : feature.mode,
    ]),
  );
}

/** The form; `onSubmit` gets the row to predict. */
export function PredictForm({
  features,
  busy,
  onSubmit,
}: {
  features: readonly ModelSchemaFeature[];
  busy: boolean;
  onSubmit: (row: FormValues) => void;
}) {
  const [values, setValues] = useState<FormValues>(() => initialValues(features));
  const set = (name: string, value: number | string) =>
    setValues((previous) => ({ ...previous, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form className="predict-form" data-testid="predict-form" onSubmit={submit} noValidate>
      <div className="predict-fields">
        {features.map((feature) => {
          const id = `predict-${feature.name}`;
          if (feature.kind === 'categorical') {
            return (
              <div className="field" key={feature.name}>
                <label htmlFor={id}>{feature.name}</label>
                <select
                  id={id}
                  value={String(values[feature.name] ?? feature.mode)}
                  onChange={(event) => set(feature.name, event.target.value)}
                >
                  {feature.categories.map((category) => (
                    <option key={category} value={category}>
                      {category}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          const value = Number(values[feature.name] ?? feature.median);
          const step = feature.step > 0 ? feature.step : 'any';
          return (
            <div className="field slider-field" key={feature.name}>
              <label htmlFor={id}>{feature.name}</label>
              <div className="slider-row">
                <input
                  type="range"
                  aria-label={`${feature.name} slider`}
                  min={feature.min}
                  max={feature.max}
                  step={step}
                  value={value}
                  onChange={(event) => set(feature.name, Number(event.target.value))}
                />
                <input
                  id={id}
                  type="number"
                  min={feature.min}
                  max={feature.max}
                  step="any"
                  value={value}
                  onChange={(event) => {
                    if (event.target.value !== '') set(feature.name, Number(event.target.value));
                  }}
                />
              </div>
              <div className="range-note small muted">
                {feature.min.toLocaleString('en-US')} – {feature.max.toLocaleString('en-US')}
              </div>
            </div>
          );
        })}
      </div>
      <div className="page-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="predict-submit"
          disabled={busy}
        >
          {busy ? 'Predicting…' : 'Predict segment'}
        </button>
        <button type="button" className="button" onClick={() => setValues(initialValues(features))}>
          Reset to typical values
        </button>
      </div>
    </form>
  );
}
