/**
 * Batch prediction: upload a file of customers (same columns as the training data), get a CSV of
 * their segments back (`Accept: text/csv`), preview it and download it.
 */
import { useEffect, useState } from 'react';
import { predictFileCsv } from '../../api/endpoints.js';
import { ErrorBox } from '../../components/status.js';

interface BatchResult {
  url: string;
  rows: number;
  preview: string[][];
  fileName: string;
}

function parsePreview(text: string): { rows: number; preview: string[][] } {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  return {
    rows: Math.max(0, lines.length - 1),
    preview: lines.slice(0, 6).map((line) => line.split(',')),
  };
}

/** The batch panel. */
export function BatchPredict({ modelId }: { modelId: string }) {
  const [result, setResult] = useState<BatchResult | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(
    () => () => {
      if (result !== null) URL.revokeObjectURL(result.url);
    },
    [result],
  );

  const run = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      const blob = await predictFileCsv(modelId, file, ({ loaded, total }) =>
        setProgress(total === 0 ? 0 : loaded / total),
      );
      const parsed = parsePreview(await blob.text());
      const fileName = `${file.name.replace(/\.[^.]+$/, '')}-segments.csv`;
      setResult({ url: URL.createObjectURL(blob), fileName, ...parsed });
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="panel" aria-label="Batch prediction">
      <h2>Batch prediction</h2>
      <p className="muted">
        Upload a file with the same columns as the training data; each row gets its segment.
      </p>
      <label className="field">
        <span>File of customers</span>
        <input
          type="file"
          data-testid="predict-batch-input"
          accept=".csv,.tsv,.txt,.xlsx,.parquet,.json,.ndjson"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) void run(file);
            event.target.value = '';
          }}
        />
      </label>
      {progress === null ? null : (
        <progress max={1} value={progress} aria-label="Upload progress" />
      )}
      {error === null ? null : <ErrorBox error={error} />}
      {result === null ? null : (
        <div data-testid="predict-batch-result">
          <p>
            {result.rows.toLocaleString('en-US')} rows predicted.{' '}
            <a
              className="button"
              href={result.url}
              download={result.fileName}
              data-testid="predict-batch-download"
            >
              Download {result.fileName}
            </a>
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  {(result.preview[0] ?? []).map((cell, index) => (
                    <th key={index} scope="col">
                      {cell}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.preview.slice(1).map((row, index) => (
                  <tr key={index}>
                    {row.map((cell, column) => (
                      <td key={column}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
