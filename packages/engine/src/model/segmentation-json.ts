/**
 * Models are data: a {@link SegmentationModel} saves to one versioned JSON document
 * `{ format: 'segmint.model', version: 1, pipeline, reduction, clusterer, segments, ... }` and loads
 * back to identical predictions. Loading validates every field and names the bad one
 * ("model.clusterer.centroids.data[5]"), so a truncated or hand-edited file fails loudly.
 * No code is ever stored or evaluated.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import {
  arrayField,
  asNumber,
  booleanField,
  numberField,
  objectField,
  readObject,
  stringField,
  type JsonObject,
} from '../preprocess/json-read.js';
import {
  pipelineFromJSON,
  pipelineToJSON,
  type PipelineJSON,
} from '../preprocess/pipeline-json.js';
import { pcaFromJSON, pcaToJSON, type PCAModelJSON } from '../reduce/pca-json.js';
import type { CategoricalEncoding } from './categorical-encoding.js';
import type { GowerSpace } from './gower-space.js';
import { loadModelAlgorithm, SEGMENTATION_ALGORITHMS, type ModelAlgorithm } from './clusterers.js';
import type {
  CentroidClusterer,
  SegmentationClusterer,
  SegmentationModel,
  SegmentSummary,
} from './segmentation.js';

/** The format tag of segmentation model files. */
export const MODEL_FORMAT = 'segmint.model';
/** The version this engine writes and reads. */
export const MODEL_VERSION = 1;

/** Serialised form of a {@link SegmentationModel}. */
export interface SegmentationModelJSON {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  readonly pipeline: PipelineJSON;
  readonly reduction: PCAModelJSON | null;
  readonly clusterer: ClustererJSON;
  readonly segments: readonly SegmentSummary[];
  readonly outOfDistribution: { readonly quantile: number; readonly scale: number };
  readonly trainingRows: number;
}

interface MatrixJSON {
  readonly rows: number;
  readonly cols: number;
  readonly data: number[];
}

/** Serialised clusterer: k-means centroids, or another algorithm's own fitted JSON. */
export type ClustererJSON =
  | {
      readonly kind: 'centroids';
      readonly algorithm: CentroidClusterer['algorithm'];
      readonly centroids: MatrixJSON;
      readonly inertia: number;
      readonly iterations: number;
      readonly converged: boolean;
      readonly options: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'algorithm';
      readonly algorithm: ModelAlgorithm;
      /** Segment mean points (noise excluded). */
      readonly centroids: MatrixJSON;
      readonly inertia: number;
      readonly iterations: number;
      readonly converged: boolean;
      readonly options: Readonly<Record<string, unknown>>;
      /** The algorithm's own fitted JSON (`segmint.dbscan`, ...). */
      readonly fitted: unknown;
      readonly encoding: CategoricalEncoding | null;
      /** `metric: 'gower'`: training rows (mixed layout) and numeric ranges; absent or null otherwise. */
      readonly gower?: {
        readonly training: MatrixJSON;
        readonly numericCount: number;
        readonly ranges: number[];
      } | null;
      /** Segment id of each algorithm label after renumbering; absent or null: identity. */
      readonly labelMap?: number[] | null;
    };

function clustererToJSON(clusterer: SegmentationClusterer): ClustererJSON {
  const common = {
    centroids: {
      rows: clusterer.centroids.rows,
      cols: clusterer.centroids.cols,
      data: Array.from(clusterer.centroids.data),
    },
    inertia: clusterer.inertia,
    iterations: clusterer.iterations,
    converged: clusterer.converged,
    options: JSON.parse(JSON.stringify(clusterer.options)) as Record<string, unknown>,
  };
  if (clusterer.kind === 'centroids') {
    return { kind: 'centroids', algorithm: clusterer.algorithm, ...common };
  }
  return {
    kind: 'algorithm',
    algorithm: clusterer.algorithm,
    ...common,
    fitted: clusterer.fitted,
    labelMap: clusterer.labelMap ? Array.from(clusterer.labelMap) : null,
    gower: clusterer.gower
      ? {
          training: {
            rows: clusterer.gower.training.rows,
            cols: clusterer.gower.training.cols,
            data: Array.from(clusterer.gower.training.data),
          },
          numericCount: clusterer.gower.numericCount,
          ranges: [...clusterer.gower.ranges],
        }
      : null,
    encoding: clusterer.encoding
      ? {
          numericColumns: [...clusterer.encoding.numericColumns],
          groups: clusterer.encoding.groups.map((g) => ({
            name: g.name,
            columns: [...g.columns],
            thresholds: [...g.thresholds],
          })),
        }
      : null,
  };
}

/** A JSON-safe copy of the model. */
export function segmentationToJSON(model: SegmentationModel): SegmentationModelJSON {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    pipeline: pipelineToJSON(model.pipeline),
    reduction: model.reduction ? pcaToJSON(model.reduction) : null,
    clusterer: clustererToJSON(model.clusterer),
    segments: model.segments.map((s) => ({ ...s, distance: { ...s.distance } })),
    outOfDistribution: { ...model.outOfDistribution },
    trainingRows: model.trainingRows,
  };
}

/**
 * Validates and rebuilds a model.
 * @throws SegmintError INVALID_MODEL naming the bad field (format, version, nested paths).
 */
export function segmentationFromJSON(json: unknown): SegmentationModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid('model', 'an object', json);
  }
  const o: JsonObject = { path: 'model', value: json as Record<string, unknown> };
  if (o.value.format !== MODEL_FORMAT)
    throw invalid('model.format', `'${MODEL_FORMAT}'`, o.value.format);
  if (o.value.version !== MODEL_VERSION) {
    throw invalid(
      'model.version',
      `${MODEL_VERSION} (the only version this engine reads)`,
      o.value.version,
    );
  }
  const pipeline = pipelineFromJSON(o.value.pipeline);
  const reduction =
    o.value.reduction === null || o.value.reduction === undefined
      ? null
      : pcaFromJSON(o.value.reduction);
  const c = objectField(o, 'clusterer');
  const kind = stringField(c, 'kind', ['centroids', 'algorithm'] as const);
  const algorithm = stringField(
    c,
    'algorithm',
    kind === 'centroids'
      ? (['kmeans', 'minibatch-kmeans'] as const)
      : SEGMENTATION_ALGORITHMS.filter((a) => a !== 'kmeans' && a !== 'minibatch-kmeans'),
  );
  const m = objectField(c, 'centroids');
  const rows = integer(m, 'rows');
  const cols = integer(m, 'cols');
  const data = Float64Array.from(arrayField(m, 'data', asNumber));
  if (data.length !== rows * cols || rows < 1) {
    throw invalid(
      `${m.path}.data`,
      `${rows} x ${cols} finite numbers (rows >= 1)`,
      `${data.length} values`,
    );
  }
  const expectedCols = reduction ? reduction.components.rows : pipeline.featureNames.length;
  if (cols !== expectedCols) {
    throw invalid(
      `${m.path}.cols`,
      `${expectedCols} (the ${reduction ? 'PCA components' : 'pipeline features'})`,
      cols,
    );
  }
  const common = {
    centroids: { data, rows, cols },
    inertia: numberField(c, 'inertia'),
    iterations: integer(c, 'iterations'),
    converged: booleanField(c, 'converged'),
    options: { ...objectField(c, 'options').value },
  };
  let clusterer: SegmentationClusterer;
  if (kind === 'centroids') {
    clusterer = { kind, algorithm: algorithm as CentroidClusterer['algorithm'], ...common };
  } else {
    const modelAlgorithm = algorithm as ModelAlgorithm;
    const fitted = c.value.fitted;
    loadModelAlgorithm(modelAlgorithm, fitted); // validates now, names the bad field
    clusterer = {
      kind,
      algorithm: modelAlgorithm,
      ...common,
      fitted,
      encoding: readEncoding(c, cols),
      gower: readGower(c),
      labelMap: readLabelMap(c, rows),
    };
  }
  const segments = arrayField(o, 'segments', (value, path) => readSegment(value, path));
  if (segments.length !== rows)
    throw invalid('model.segments', `${rows} entries (one per centroid)`, segments.length);
  segments.forEach((s, i) => {
    if (s.id !== i) throw invalid(`model.segments[${i}].id`, String(i), s.id);
  });
  const ood = objectField(o, 'outOfDistribution');
  return {
    kind: 'segmentation',
    pipeline,
    reduction,
    clusterer,
    segments,
    outOfDistribution: { quantile: numberField(ood, 'quantile'), scale: numberField(ood, 'scale') },
    trainingRows: integer(o, 'trainingRows'),
  };
}

/** The model as a JSON string (pretty-printed with `indent` spaces, default compact). */
export function saveModel(model: SegmentationModel, indent?: number): string {
  return JSON.stringify(segmentationToJSON(model), null, indent);
}

/**
 * Parses and validates a model file's text.
 * @throws SegmintError INVALID_MODEL for text that is not JSON or not a valid model.
 */
export function loadModel(text: string): SegmentationModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SegmintError(
      ERROR_CODES.INVALID_MODEL,
      `loadModel: the model file is not valid JSON (${(error as Error).message}).`,
      {},
      { cause: error },
    );
  }
  return segmentationFromJSON(json);
}

function readGower(c: JsonObject): GowerSpace | null {
  const value = c.value.gower;
  if (value === null || value === undefined) return null;
  const g = readObject(value, `${c.path}.gower`);
  const t = objectField(g, 'training');
  const rows = integer(t, 'rows');
  const cols = integer(t, 'cols');
  const data = Float64Array.from(arrayField(t, 'data', asNumber));
  if (data.length !== rows * cols || rows < 1) {
    throw invalid(
      `${t.path}.data`,
      `${rows} x ${cols} finite numbers (rows >= 1)`,
      `${data.length} values`,
    );
  }
  const numericCount = integer(g, 'numericCount');
  const ranges = arrayField(g, 'ranges', asNumber);
  if (numericCount > cols || ranges.length !== numericCount) {
    throw invalid(
      `${g.path}.ranges`,
      `${numericCount} numbers (one per numeric column)`,
      ranges.length,
    );
  }
  return { training: { data, rows, cols }, numericCount, ranges };
}

function readLabelMap(c: JsonObject, rows: number): Int32Array | null {
  const value = c.value.labelMap;
  if (value === null || value === undefined) return null;
  const map = Int32Array.from(
    arrayField(c, 'labelMap', (v, path) => {
      const id = asNumber(v, path);
      if (!Number.isInteger(id) || id < 0 || id >= rows) {
        throw invalid(path, `a segment id in [0, ${rows})`, id);
      }
      return id;
    }),
  );
  if (map.length !== rows || new Set(map).size !== rows) {
    throw invalid(`${c.path}.labelMap`, `a permutation of 0..${rows - 1}`, Array.from(map));
  }
  return map;
}

function readEncoding(c: JsonObject, cols: number): CategoricalEncoding | null {
  const value = c.value.encoding;
  if (value === null || value === undefined) return null;
  const e = readObject(value, `${c.path}.encoding`);
  const column = (v: unknown, path: string): number => {
    const j = asNumber(v, path);
    if (!Number.isInteger(j) || j < 0 || j >= cols)
      throw invalid(path, `a column in [0, ${cols})`, j);
    return j;
  };
  return {
    numericColumns: arrayField(e, 'numericColumns', column),
    groups: arrayField(e, 'groups', (g, path) => {
      const group = readObject(g, path);
      const columns = arrayField(group, 'columns', column);
      const thresholds = arrayField(group, 'thresholds', asNumber);
      if (thresholds.length !== columns.length) {
        throw invalid(`${group.path}.thresholds`, `${columns.length} numbers`, thresholds.length);
      }
      return { name: stringField(group, 'name'), columns, thresholds };
    }),
  };
}

function readSegment(value: unknown, path: string): SegmentSummary {
  const s = readObject(value, path);
  const distance = objectField(s, 'distance');
  return {
    id: integer(s, 'id'),
    name: stringField(s, 'name'),
    size: integer(s, 'size'),
    distance: {
      median: numberField(distance, 'median'),
      q90: numberField(distance, 'q90'),
      q99: numberField(distance, 'q99'),
      max: numberField(distance, 'max'),
    },
    outOfDistributionThreshold: numberField(s, 'outOfDistributionThreshold'),
  };
}

function integer(o: JsonObject, key: string): number {
  const value = numberField(o, key);
  if (!Number.isInteger(value) || value < 0)
    throw invalid(`${o.path}.${key}`, 'an integer >= 0', value);
  return value;
}

function invalid(path: string, rule: string, value: unknown): SegmintError {
  return new SegmintError(
    ERROR_CODES.INVALID_MODEL,
    `Invalid model: '${path}' must be ${rule}; got ${formatValue(value)}.`,
    { parameter: path, value },
  );
}
