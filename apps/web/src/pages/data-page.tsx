/**
 * Data page: upload or pick a dataset, preview its rows, read the column profile, choose the id
 * column and each column's role, and add derived features (or RFM for a transactions table).
 * The URL holds the dataset (`#/data?dataset=<id>`).
 */
import { useEffect, useState } from 'react';
import { deleteDataset, getDataset, getProfile, listDatasets } from '../api/endpoints.js';
import type { ColumnProfile, Dataset } from '../api/types.js';
import type { PageProps } from '../app.js';
import { guessRoles } from '../config/config-form.js';
import { formatCount, formatTime } from '../components/format.js';
import { Async, Empty, ErrorBox } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { useConfigForm } from '../state/workspace.js';
import { ColumnProfileTable } from './data/column-profile.js';
import { DerivedFeatures } from './data/derived-features.js';
import { PreviewTable } from './data/preview-table.js';
import { UploadZone } from './data/upload-zone.js';

function DatasetList({ onOpen }: { onOpen: (id: string) => void }) {
  const datasets = useAsync('datasets', listDatasets);
  const [error, setError] = useState<Error | null>(null);
  return (
    <section className="panel" aria-label="Datasets">
      <h2>Datasets</h2>
      {error === null ? null : <ErrorBox error={error} />}
      <Async result={datasets} label="Loading datasets…">
        {({ datasets: list }) =>
          list.length === 0 ? (
            <Empty title="No datasets yet">Upload a file to start.</Empty>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Columns</th>
                  <th scope="col">Format</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((dataset) => (
                  <tr key={dataset.id}>
                    <th scope="row">
                      <a href={`#/data?dataset=${encodeURIComponent(dataset.id)}`}>
                        {dataset.name}
                      </a>
                    </th>
                    <td>{formatCount(dataset.rows)}</td>
                    <td>{dataset.columns.length}</td>
                    <td>{dataset.format}</td>
                    <td>{formatTime(dataset.createdAt)}</td>
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="button-small"
                          onClick={() => onOpen(dataset.id)}
                        >
                          Open
                        </button>
                        <button
                          type="button"
                          className="button-small danger"
                          onClick={() => {
                            if (!window.confirm(`Delete dataset ${dataset.name}?`)) return;
                            deleteDataset(dataset.id).then(datasets.reload, (caught: unknown) =>
                              setError(
                                caught instanceof Error ? caught : new Error(String(caught)),
                              ),
                            );
                          }}
                        >
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Async>
    </section>
  );
}

function DatasetView({
  dataset,
  columns,
  onConfigure,
}: {
  dataset: Dataset;
  columns: readonly ColumnProfile[];
  onConfigure: () => void;
}) {
  const [form, setForm, stored] = useConfigForm(dataset.id);
  // First visit: start from the profiler's guesses (id column, numeric and categorical roles).
  useEffect(() => {
    if (!stored) setForm({ ...form, ...guessRoles(columns) });
  }, [stored, columns, form, setForm]);
  return (
    <>
      <PreviewTable datasetId={dataset.id} />
      <ColumnProfileTable columns={columns} form={form} onChange={setForm} />
      <DerivedFeatures
        columns={columns.map((column) => column.name)}
        form={form}
        onChange={setForm}
      />
      <div className="page-actions">
        <button
          type="button"
          className="button primary"
          data-testid="go-configure"
          onClick={onConfigure}
        >
          Configure the run →
        </button>
      </div>
    </>
  );
}

/** The Data page. */
export function DataPage({ route, navigate }: PageProps) {
  const datasetId = route.params.dataset ?? null;
  const loaded = useAsync(datasetId, async () => {
    const id = datasetId ?? '';
    const [dataset, profile] = await Promise.all([getDataset(id), getProfile(id)]);
    return { dataset, columns: profile.columns };
  });
  const open = (id: string) => navigate({ page: 'data', runId: null, params: { dataset: id } });

  return (
    <div className="page">
      <div className="page-header">
        <h1>Data</h1>
        {loaded.data === null ? null : (
          <p className="muted">
            <strong>{loaded.data.dataset.name}</strong> · {formatCount(loaded.data.dataset.rows)}{' '}
            rows · {loaded.data.dataset.columns.length} columns ·{' '}
            <a href="#/data">change dataset</a>
          </p>
        )}
      </div>
      {datasetId === null ? (
        <div className="grid-2">
          <UploadZone onUploaded={(dataset) => open(dataset.id)} />
          <DatasetList onOpen={open} />
        </div>
      ) : (
        <Async result={loaded} label="Reading and profiling the dataset…">
          {({ dataset, columns }) => (
            <DatasetView
              dataset={dataset}
              columns={columns}
              onConfigure={() =>
                navigate({ page: 'configure', runId: null, params: { dataset: dataset.id } })
              }
            />
          )}
        </Async>
      )}
    </div>
  );
}
