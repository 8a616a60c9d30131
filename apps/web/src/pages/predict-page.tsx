/**
 * Predict: a form generated from the model's schema (`GET /api/models/:id/schema`); the answer
 * shows the segment, its name, the confidence and the customer as a star on the 3-D map. Below,
 * batch prediction of a whole file with a downloadable CSV.
 */
import { useState } from 'react';
import { ApiError } from '../api/client.js';
import {
  getModel,
  getModelSchema,
  getProjection,
  getReport,
  getRun,
  getUmap,
  predictRows,
} from '../api/endpoints.js';
import type { ModelSchema, Prediction } from '../api/types.js';
import type { PageProps } from '../app.js';
import { map2dChart } from '../charts/map2d.js';
import { map3dChart } from '../charts/map3d.js';
import { namesOf } from '../charts/projection.js';
import { AsyncChart } from '../components/chart-panel.js';
import { formatShare } from '../components/format.js';
import { useReport } from '../components/run-data.js';
import { Async, Empty, ErrorBox } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { BatchPredict } from './predict/batch-predict.js';
import { fallbackSchema } from './predict/fallback-schema.js';
import { PredictForm } from './predict/predict-form.js';
import type { FormValues } from './predict/predict-form.js';

function PredictionCard({ prediction }: { prediction: Prediction }) {
  return (
    <div className="prediction" data-testid="predict-result" role="status">
      <div className="prediction-segment">
        Segment {prediction.segment}: <strong>{prediction.segmentName}</strong>
      </div>
      <div>
        Confidence <strong>{formatShare(prediction.confidence)}</strong>
        {prediction.outOfDistribution ? (
          <span className="badge badge-warn" title="Far from every segment seen in training">
            unusual customer
          </span>
        ) : null}
      </div>
    </div>
  );
}

function Predictor({
  runId,
  modelId,
  schema,
}: {
  runId: string;
  modelId: string;
  schema: ModelSchema;
}) {
  const report = useReport(runId);
  const projection = useAsync(`map3d-${runId}`, () => getProjection(runId, 3));
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const names = namesOf(report.data?.segments);
  const predict = async (row: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const { predictions } = await predictRows(modelId, [row]);
      setPrediction(predictions[0] ?? null);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };
  const predicted =
    prediction?.coordinates === undefined
      ? null
      : {
          coordinates: prediction.coordinates,
          segment: prediction.segment,
          segmentName: prediction.segmentName,
        };
  // The UMAP map is drawn too when the run has one (computed from the Segments page).
  const umapPoint =
    prediction?.umapCoordinates === undefined
      ? null
      : {
          coordinates: prediction.umapCoordinates,
          segment: prediction.segment,
          segmentName: prediction.segmentName,
        };
  const umap = useAsync(umapPoint === null ? null : `umap-${runId}`, () => getUmap(runId));
  return (
    <>
      <div className="grid-2">
        <section className="panel" aria-label="One customer">
          <h2>One customer</h2>
          {schema.features.length === 0 ? (
            <Empty title="This model has no input features." />
          ) : (
            <PredictForm
              features={schema.features}
              busy={busy}
              onSubmit={(row) => void predict(row)}
            />
          )}
          {error === null ? null : <ErrorBox error={error} />}
          {prediction === null ? null : <PredictionCard prediction={prediction} />}
        </section>
        <AsyncChart
          name="predict-map"
          result={projection}
          build={(data) =>
            map3dChart(data, { names, predicted, title: 'Where this customer falls' })
          }
        />
      </div>
      {umapPoint === null ? null : (
        <div className="grid-2">
          <AsyncChart
            name="predict-umap"
            result={umap}
            build={(data) =>
              map2dChart(data, {
                names,
                predicted: umapPoint,
                title: 'Where this customer falls on the UMAP map',
                fileName: 'segmint-predict-umap',
              })
            }
          />
        </div>
      )}
      <BatchPredict modelId={modelId} />
    </>
  );
}

/** The Predict page. */
export function PredictPage({ route }: PageProps) {
  const runId = route.runId ?? '';
  const loaded = useAsync(`predict-${runId}`, async () => {
    const run = await getRun(runId);
    if (run.modelId === undefined) return null;
    const modelId = run.modelId;
    const schema = await getModelSchema(modelId).catch(async (error: unknown) => {
      // Older servers lack the schema route: derive the form from the model and the report.
      if (error instanceof ApiError && error.status === 404) {
        const [model, report] = await Promise.all([getModel(modelId), getReport(runId)]);
        return fallbackSchema(model, report);
      }
      throw error;
    });
    return { modelId, schema };
  });
  return (
    <div className="page">
      <div className="page-header">
        <h1>Predict</h1>
        <p className="muted">Describe a customer to see which segment they belong to.</p>
      </div>
      <Async result={loaded} label="Loading the model…">
        {(data) =>
          data === null ? (
            <Empty title="This run has no model yet">Predictions need a run that succeeded.</Empty>
          ) : (
            <Predictor runId={runId} modelId={data.modelId} schema={data.schema} />
          )
        }
      </Async>
    </div>
  );
}
