/**
 * One typed function per server route the dashboard calls (paths from issue 5's Contract and the
 * issue 6 additions). Each throws {@link ApiError} with the server's message on failure.
 */
import { requestJson, uploadFile, withQuery } from './client.js';
import type { UploadProgress } from './client.js';
import type {
  AcceptedRun,
  ConfigDefaults,
  Dataset,
  DatasetList,
  DatasetProfile,
  DatasetRows,
  DendrogramResponse,
  DistributionResponse,
  FeaturesResponse,
  Model,
  ModelList,
  ModelSchema,
  PredictResponse,
  Projection,
  Run,
  RunList,
  RunReport,
  SegmentPage,
  SilhouetteResponse,
} from './types.js';

const enc = encodeURIComponent;

/** Dataset formats the upload route accepts (`?format=`); '' lets the server detect it. */
export const DATASET_FORMATS = ['', 'csv', 'tsv', 'xlsx', 'parquet', 'json', 'ndjson'] as const;

/** `GET /api/datasets`. */
export const listDatasets = (): Promise<DatasetList> => requestJson('/api/datasets');
/** `GET /api/datasets/:id`. */
export const getDataset = (id: string): Promise<Dataset> => requestJson(`/api/datasets/${enc(id)}`);
/** `GET /api/datasets/:id/profile`. */
export const getProfile = (id: string): Promise<DatasetProfile> =>
  requestJson(`/api/datasets/${enc(id)}/profile`);
/** `GET /api/datasets/:id/rows`. */
export const getRows = (id: string, offset: number, limit: number): Promise<DatasetRows> =>
  requestJson(`/api/datasets/${enc(id)}/rows`, { query: { offset, limit } });
/** `DELETE /api/datasets/:id`. */
export const deleteDataset = (id: string): Promise<null> =>
  requestJson(`/api/datasets/${enc(id)}`, { method: 'DELETE' });

/**
 * `POST /api/datasets` with upload progress.
 * @example await uploadDataset(file, 'tsv', ({ loaded, total }) => setShare(loaded / total));
 */
export function uploadDataset(
  file: File,
  format: string,
  onProgress: (progress: UploadProgress) => void,
  read: { delimiter?: string; sheet?: string } = {},
): Promise<Dataset> {
  return uploadFile<Dataset>('/api/datasets', file, {
    query: {
      format: format === '' ? undefined : format,
      delimiter: read.delimiter === '' ? undefined : read.delimiter,
      sheet: read.sheet === '' ? undefined : read.sheet,
    },
    onProgress,
  });
}

/** `GET /api/config/defaults`. */
export const getConfigDefaults = (): Promise<ConfigDefaults> => requestJson('/api/config/defaults');

/** `GET /api/runs`. */
export const listRuns = (): Promise<RunList> => requestJson('/api/runs');
/** `GET /api/runs/:id`. */
export const getRun = (id: string): Promise<Run> => requestJson(`/api/runs/${enc(id)}`);
/** `POST /api/runs`. */
export const createRun = (
  datasetId: string,
  config: Record<string, unknown>,
): Promise<AcceptedRun> =>
  requestJson('/api/runs', { method: 'POST', body: { datasetId, config } });
/** `POST /api/runs/:id/cancel`. */
export const cancelRun = (id: string): Promise<AcceptedRun> =>
  requestJson(`/api/runs/${enc(id)}/cancel`, { method: 'POST' });
/** `POST /api/runs/:id/rerun`. */
export const rerunRun = (id: string): Promise<AcceptedRun> =>
  requestJson(`/api/runs/${enc(id)}/rerun`, { method: 'POST' });
/** Path of the SSE stream of a run. */
export const runEventsPath = (id: string): string => `/api/runs/${enc(id)}/events`;

/** `GET /api/runs/:id/report`. */
export const getReport = (id: string): Promise<RunReport> =>
  requestJson(`/api/runs/${enc(id)}/report`);
/** `GET /api/runs/:id/segments`. */
export const getSegments = (
  id: string,
  query: { segment?: number; offset?: number; limit?: number },
): Promise<SegmentPage> => requestJson(`/api/runs/${enc(id)}/segments`, { query });
/** `GET /api/runs/:id/projection`. */
export const getProjection = (
  id: string,
  dims: 2 | 3,
  algorithm?: string,
  maxPoints?: number,
): Promise<Projection> =>
  requestJson(`/api/runs/${enc(id)}/projection`, { query: { dims, algorithm, maxPoints } });
/** `GET /api/runs/:id/umap` (computed on the server's worker on first request; seconds). */
export const getUmap = (id: string, algorithm?: string): Promise<Projection> =>
  requestJson(`/api/runs/${enc(id)}/umap`, { query: { algorithm } });
/** `GET /api/runs/:id/silhouette`. */
export const getSilhouette = (id: string, algorithm?: string): Promise<SilhouetteResponse> =>
  requestJson(`/api/runs/${enc(id)}/silhouette`, { query: { algorithm } });
/** `GET /api/runs/:id/distribution`. */
export const getDistribution = (id: string, feature: string): Promise<DistributionResponse> =>
  requestJson(`/api/runs/${enc(id)}/distribution`, { query: { feature } });
/** `GET /api/runs/:id/features`. */
export const getFeatures = (id: string): Promise<FeaturesResponse> =>
  requestJson(`/api/runs/${enc(id)}/features`);
/** `GET /api/runs/:id/dendrogram` (404 unless hierarchical). */
export const getDendrogram = (id: string): Promise<DendrogramResponse> =>
  requestJson(`/api/runs/${enc(id)}/dendrogram`);
/** Download path of `GET /api/runs/:id/export?format=`. */
export const exportPath = (id: string, format: 'csv' | 'parquet' | 'json'): string =>
  withQuery(`/api/runs/${enc(id)}/export`, { format });
/** Path of the HTML report. */
export const reportHtmlPath = (id: string): string => `/api/runs/${enc(id)}/report.html`;

/** `GET /api/models`. */
export const listModels = (): Promise<ModelList> => requestJson('/api/models');
/** `GET /api/models/:id`. */
export const getModel = (id: string): Promise<Model> => requestJson(`/api/models/${enc(id)}`);
/** `GET /api/models/:id/schema`. */
export const getModelSchema = (id: string): Promise<ModelSchema> =>
  requestJson(`/api/models/${enc(id)}/schema`);
/** `POST /api/models/:id/predict?coordinates=true` with JSON rows. */
export const predictRows = (
  id: string,
  rows: Record<string, unknown>[],
): Promise<PredictResponse> =>
  requestJson(`/api/models/${enc(id)}/predict`, {
    method: 'POST',
    query: { coordinates: true },
    body: { rows },
  });
/** `POST /api/models/:id/predict` with a file, answered as CSV (`Accept: text/csv`). */
export const predictFileCsv = (
  id: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
): Promise<Blob> =>
  uploadFile<Blob>(`/api/models/${enc(id)}/predict`, file, {
    headers: { accept: 'text/csv' },
    responseType: 'blob',
    onProgress,
  });
