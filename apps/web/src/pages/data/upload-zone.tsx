/**
 * Drag-and-drop upload with a progress bar (XMLHttpRequest upload events) and how to read the
 * file: the format (`?format=`: auto, CSV, TSV, XLSX, Parquet, JSON, NDJSON), the CSV delimiter
 * (`?delimiter=`, default detected by the server) and the Excel sheet (`?sheet=`, needed when the
 * workbook has several: the server's error names them).
 */
import { useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { DATASET_FORMATS, uploadDataset } from '../../api/endpoints.js';
import type { Dataset } from '../../api/types.js';
import { formatBytes } from '../../components/format.js';
import { ErrorBox } from '../../components/status.js';
import { sniffFormat } from './sniff-format.js';

const FORMAT_LABELS: Record<string, string> = {
  '': 'Detect from the file name',
  csv: 'CSV (comma or semicolon)',
  tsv: 'TSV (tab-separated)',
  xlsx: 'Excel (.xlsx)',
  parquet: 'Parquet',
  json: 'JSON (array of objects)',
  ndjson: 'NDJSON (one object per line)',
};

/** CSV delimiters offered ('' = detected by the server). */
const DELIMITERS: readonly { value: string; label: string }[] = [
  { value: '', label: 'Detect' },
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: 'tab', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];

/** The upload area; calls `onUploaded` with the new dataset. */
export function UploadZone({ onUploaded }: { onUploaded: (dataset: Dataset) => void }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState('');
  const [delimiter, setDelimiter] = useState('');
  const [sheet, setSheet] = useState('');
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ name: string; loaded: number; total: number } | null>(
    null,
  );
  const [error, setError] = useState<Error | null>(null);

  const upload = async (file: File) => {
    setError(null);
    setProgress({ name: file.name, loaded: 0, total: file.size });
    try {
      const chosen = format === '' ? await sniffFormat(file) : format;
      const dataset = await uploadDataset(
        file,
        chosen,
        ({ loaded, total }) => setProgress({ name: file.name, loaded, total }),
        { delimiter, sheet: sheet.trim() },
      );
      setProgress(null);
      onUploaded(dataset);
    } catch (caught) {
      setProgress(null);
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      if (input.current !== null) input.current.value = '';
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) void upload(file);
  };

  const share = progress === null || progress.total === 0 ? 0 : progress.loaded / progress.total;
  return (
    <section className="panel" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Upload a file</h2>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="upload-dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {progress === null ? (
          <>
            <p>Drop a CSV, TSV, Excel, Parquet or JSON file here</p>
            <button type="button" className="button primary" onClick={() => input.current?.click()}>
              Choose a file…
            </button>
            <input
              id={inputId}
              ref={input}
              type="file"
              className="visually-hidden-input"
              tabIndex={-1}
              aria-label="Dataset file"
              data-testid="upload-input"
              accept=".csv,.tsv,.txt,.xlsx,.parquet,.json,.ndjson,.gz"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file !== undefined) void upload(file);
              }}
            />
          </>
        ) : (
          <div className="upload-progress" data-testid="upload-progress">
            <div>
              Uploading <strong>{progress.name}</strong>: {formatBytes(progress.loaded)} of{' '}
              {formatBytes(progress.total)}
              {share >= 1 ? ' — reading and profiling…' : ''}
            </div>
            <progress max={1} value={share} aria-label="Upload progress" />
          </div>
        )}
      </div>
      <label className="field inline">
        <span>Format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value)}>
          {DATASET_FORMATS.map((value) => (
            <option key={value} value={value}>
              {FORMAT_LABELS[value] ?? value}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <span>Delimiter</span>
        <select
          value={delimiter}
          data-testid="upload-delimiter"
          onChange={(event) => setDelimiter(event.target.value)}
        >
          {DELIMITERS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <span>Excel sheet</span>
        <input
          type="text"
          value={sheet}
          placeholder="the only sheet"
          data-testid="upload-sheet"
          onChange={(event) => setSheet(event.target.value)}
        />
      </label>
      {error === null ? null : <ErrorBox error={error} />}
    </section>
  );
}
