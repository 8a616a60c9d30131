/**
 * The Configure sidebar: cleaning, transforms, scaling, reduction, the algorithms to compare, the
 * k range and the seed. Every control edits the dataset's {@link ConfigForm}.
 */
import type { ReactNode } from 'react';
import { DEFAULT_PARAMS } from '../../config/config-form.js';
import type { AlgorithmParams, ConfigForm } from '../../config/config-form.js';

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="sidebar-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  testId?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        data-testid={testId}
        value={value}
        min={min}
        max={max}
        step={step}
        onChange={(event) => {
          const parsed = Number(event.target.value);
          if (event.target.value !== '' && Number.isFinite(parsed))
            onChange(Math.min(max, Math.max(min, parsed)));
        }}
      />
    </label>
  );
}

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The sidebar. */
/** The parameters of the selected algorithms that take more than k. */
function AlgorithmParamsFields({
  form,
  onChange,
}: {
  form: ConfigForm;
  onChange: (form: ConfigForm) => void;
}) {
  const params = form.params ?? DEFAULT_PARAMS;
  const set = <K extends keyof AlgorithmParams>(key: K, value: AlgorithmParams[K]) =>
    onChange({ ...form, params: { ...params, [key]: value } });
  const has = (name: string) => form.algorithms.includes(name);
  return (
    <>
      {has('dbscan') ? (
        <div className="field-row">
          <NumberField
            label="DBSCAN eps"
            value={params.eps}
            min={0.001}
            max={100}
            step={0.05}
            testId="param-eps"
            onChange={(value) => set('eps', value)}
          />
          <NumberField
            label="min samples"
            value={params.minSamples}
            min={1}
            max={1000}
            testId="param-min-samples"
            onChange={(value) => set('minSamples', value)}
          />
        </div>
      ) : null}
      {has('hdbscan') ? (
        <NumberField
          label="HDBSCAN min cluster size"
          value={params.minClusterSize}
          min={2}
          max={100000}
          testId="param-min-cluster-size"
          onChange={(value) => set('minClusterSize', value)}
        />
      ) : null}
      {has('agglomerative') ? (
        <Choice
          label="Agglomerative linkage"
          value={params.linkage}
          options={[
            { value: 'ward', label: 'Ward' },
            { value: 'complete', label: 'complete' },
            { value: 'average', label: 'average' },
            { value: 'single', label: 'single' },
          ]}
          onChange={(value) => set('linkage', value)}
        />
      ) : null}
      {has('dbscan') || has('hdbscan') || has('agglomerative') ? (
        <Choice
          label="Distance (DBSCAN, HDBSCAN, agglomerative)"
          value={params.metric}
          options={[
            { value: 'euclidean', label: 'Euclidean (scaled features)' },
            { value: 'gower', label: 'Gower (mixed data, up to 10,000 rows)' },
          ]}
          onChange={(value) => set('metric', value)}
        />
      ) : null}
      {has('gmm') ? (
        <Choice
          label="Gaussian mixture covariance"
          value={params.covariance}
          options={[
            { value: 'full', label: 'full' },
            { value: 'diag', label: 'diagonal' },
          ]}
          onChange={(value) => set('covariance', value)}
        />
      ) : null}
    </>
  );
}

export function ConfigSidebar({
  form,
  onChange,
  algorithms,
  numericColumns,
}: {
  form: ConfigForm;
  onChange: (form: ConfigForm) => void;
  algorithms: readonly string[];
  numericColumns: readonly string[];
}) {
  const set = <K extends keyof ConfigForm>(key: K, value: ConfigForm[K]) =>
    onChange({ ...form, [key]: value });
  return (
    <aside className="sidebar" aria-label="Pipeline parameters">
      <Group title="Cleaning">
        <NumberField
          label="Drop features missing more than (share)"
          value={form.dropMissingAbove}
          min={0}
          max={1}
          step={0.05}
          onChange={(value) => set('dropMissingAbove', value)}
        />
        <Choice
          label="Fill missing numbers with"
          value={form.imputeNumeric}
          options={[
            { value: 'median', label: 'median' },
            { value: 'mean', label: 'mean' },
          ]}
          onChange={(value) => set('imputeNumeric', value)}
        />
        <Choice
          label="Fill missing categories with"
          value={form.imputeCategorical}
          options={[
            { value: 'most-frequent', label: 'most frequent' },
            { value: 'constant', label: 'a constant' },
          ]}
          onChange={(value) => set('imputeCategorical', value)}
        />
        <Choice
          label="Outliers (left out of fitting)"
          value={form.outliers}
          options={[
            { value: 'none', label: 'keep all rows' },
            { value: 'iqr', label: 'IQR rule (1.5)' },
            { value: 'z-score', label: 'z-score above 3' },
          ]}
          onChange={(value) => set('outliers', value)}
        />
        <label className="field">
          <span>log1p (skewed amounts)</span>
          <select
            multiple
            size={4}
            value={form.log1p}
            onChange={(event) =>
              set(
                'log1p',
                Array.from(event.target.selectedOptions, (option) => option.value),
              )
            }
          >
            {numericColumns.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </Group>
      <Group title="Scaling and reduction">
        <Choice
          label="Scaling"
          value={form.scaling}
          options={[
            { value: 'standard', label: 'standard (z-scores)' },
            { value: 'robust', label: 'robust (median, IQR)' },
            { value: 'min-max', label: 'min-max [0, 1]' },
            { value: 'none', label: 'none' },
          ]}
          onChange={(value) => set('scaling', value)}
        />
        <Choice
          label="Reduction"
          value={form.reduction}
          options={[
            { value: 'none', label: 'none' },
            { value: 'pca', label: 'PCA' },
          ]}
          onChange={(value) => set('reduction', value)}
        />
        {form.reduction === 'pca' ? (
          <NumberField
            label="Components"
            value={form.components}
            min={1}
            max={50}
            onChange={(value) => set('components', value)}
          />
        ) : null}
      </Group>
      <Group title="Clustering">
        <div className="checkbox-list" role="group" aria-label="Algorithms to compare">
          {algorithms.map((name) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                data-testid={`algorithm-${name}`}
                checked={form.algorithms.includes(name)}
                onChange={(event) => {
                  const next = event.target.checked
                    ? [...form.algorithms, name]
                    : form.algorithms.filter((item) => item !== name);
                  if (next.length > 0) set('algorithms', next);
                }}
              />
              {name}
            </label>
          ))}
        </div>
        <div className="field-row">
          <NumberField
            label="k from"
            value={form.kMin}
            min={1}
            max={50}
            testId="k-min"
            onChange={(value) => set('kMin', value)}
          />
          <NumberField
            label="to"
            value={form.kMax}
            min={1}
            max={50}
            testId="k-max"
            onChange={(value) => set('kMax', value)}
          />
        </div>
        <AlgorithmParamsFields form={form} onChange={onChange} />
        <NumberField
          label="Seed"
          value={form.seed}
          min={0}
          max={2 ** 31 - 1}
          testId="seed"
          onChange={(value) => set('seed', value)}
        />
      </Group>
    </aside>
  );
}
