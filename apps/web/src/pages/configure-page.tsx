/**
 * Configure page: the sidebar of pipeline parameters, the generated YAML (downloadable, made with
 * the `yaml` package) and "Start run", which posts the config and opens the run's live view.
 * The URL holds the dataset (`#/configure?dataset=<id>`).
 */
import { useMemo, useState } from 'react';
import { requestJson, saveBlob } from '../api/client.js';
import { createRun, getDataset, listDatasets } from '../api/endpoints.js';
import type { Dataset } from '../api/types.js';
import type { PageProps } from '../app.js';
import { buildConfig, configYaml } from '../config/config-form.js';
import { formatCount } from '../components/format.js';
import { Async, Empty, ErrorBox } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { useConfigForm, useRunsVersion } from '../state/workspace.js';
import { algorithmsFromSchema } from './configure/algorithms.js';
import { ConfigSidebar } from './configure/config-sidebar.js';

function DatasetChooser({ onPick }: { onPick: (id: string) => void }) {
  const datasets = useAsync('datasets', listDatasets);
  return (
    <Async result={datasets} label="Loading datasets…">
      {({ datasets: list }) =>
        list.length === 0 ? (
          <Empty title="No dataset to configure">
            <a href="#/data">Upload a file on the Data page</a> first.
          </Empty>
        ) : (
          <section className="panel">
            <h2>Which dataset?</h2>
            <ul className="choice-list">
              {list.map((dataset) => (
                <li key={dataset.id}>
                  <button type="button" className="button" onClick={() => onPick(dataset.id)}>
                    {dataset.name} · {formatCount(dataset.rows)} rows
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )
      }
    </Async>
  );
}

function Configure({
  dataset,
  algorithms,
  onStarted,
}: {
  dataset: Dataset;
  algorithms: readonly string[];
  onStarted: (runId: string) => void;
}) {
  const [form, setForm] = useConfigForm(dataset.id);
  const [, runsChanged] = useRunsVersion();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const yamlText = useMemo(() => configYaml(form, dataset.name), [form, dataset.name]);
  const numericColumns = dataset.columns
    .filter((column) => form.roles[column.name] === 'numeric')
    .map((column) => column.name)
    .concat(form.derive.map((recipe) => recipe.name));
  const featureCount =
    Object.values(form.roles).filter((use) => use !== 'ignore').length + form.derive.length;

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const accepted = await createRun(dataset.id, buildConfig(form));
      runsChanged();
      onStarted(accepted.id);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setStarting(false);
    }
  };

  return (
    <div className="with-sidebar">
      <ConfigSidebar
        form={form}
        onChange={setForm}
        algorithms={algorithms}
        numericColumns={numericColumns}
      />
      <div className="stack">
        <section className="panel">
          <div className="panel-header">
            <h2>Run summary</h2>
          </div>
          <p>
            <strong>{dataset.name}</strong> ({formatCount(dataset.rows)} rows):{' '}
            {form.transactions === null
              ? `${featureCount === 0 ? 'every numeric column' : `${featureCount} features`}, id ${form.idColumn === '' ? 'row number' : form.idColumn}`
              : `RFM features per ${form.transactions.customer || 'customer'}`}
            ; {form.algorithms.join(' vs ')}; k{' '}
            {form.kMin === form.kMax
              ? form.kMin
              : `${Math.min(form.kMin, form.kMax)}–${Math.max(form.kMin, form.kMax)}`}
            . <a href={`#/data?dataset=${encodeURIComponent(dataset.id)}`}>Edit features</a>
          </p>
          {error === null ? null : <ErrorBox error={error} />}
          <div className="page-actions">
            <button
              type="button"
              className="button primary"
              data-testid="run-start"
              disabled={starting}
              onClick={() => void start()}
            >
              {starting ? 'Starting…' : 'Start run'}
            </button>
            <button
              type="button"
              className="button"
              data-testid="config-download"
              onClick={() =>
                saveBlob(new Blob([yamlText], { type: 'application/yaml' }), 'segmint.yaml')
              }
            >
              Download YAML
            </button>
          </div>
        </section>
        <section className="panel">
          <h2>segmint.yaml</h2>
          <pre className="code" data-testid="config-yaml" tabIndex={0} aria-label="Config as YAML">
            {yamlText}
          </pre>
        </section>
      </div>
    </div>
  );
}

/** The Configure page. */
export function ConfigurePage({ route, navigate }: PageProps) {
  const datasetId = route.params.dataset ?? null;
  const loaded = useAsync(datasetId, async () => {
    const [dataset, schema] = await Promise.all([
      getDataset(datasetId ?? ''),
      requestJson<unknown>('/api/config/schema').catch(() => null),
    ]);
    return { dataset, algorithms: algorithmsFromSchema(schema) };
  });
  return (
    <div className="page">
      <div className="page-header">
        <h1>Configure</h1>
      </div>
      {datasetId === null ? (
        <DatasetChooser
          onPick={(id) => navigate({ page: 'configure', runId: null, params: { dataset: id } })}
        />
      ) : (
        <Async result={loaded} label="Loading the dataset…">
          {({ dataset, algorithms }) => (
            <Configure
              dataset={dataset}
              algorithms={algorithms}
              onStarted={(runId) => navigate({ page: 'runs', runId, params: {} })}
            />
          )}
        </Async>
      )}
    </div>
  );
}
