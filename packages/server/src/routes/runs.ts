/**
 * Run routes (issue 5 Contract): create (202, queued), list, get, live events as server-sent
 * events, cancel, rerun. The work happens in `app.runs` (a {@link RunService}) and the job runner.
 *
 * SSE (`GET /api/runs/:id/events`): the stream subscribes to the run's live events first, then
 * replays the stored progress events after `Last-Event-ID` (event `progress`, id = seq), then
 * forwards live ones (skipping any already replayed) and `status` changes; when the run is
 * finished it sends a final `status` event with the run and closes. A comment line every 15 s
 * keeps proxies from closing an idle stream; a client disconnect removes the listener.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isFinished } from '../runs/run-service.js';
import type { RunHubMessage } from '../runs/run-hub.js';
import type { RunRecord } from '../store/catalog.js';
import { errorSchema } from './dataset-schemas.js';
import { acceptedRunSchema, createRunBody, runIdParams, runSchema } from './run-schemas.js';

/** Milliseconds between SSE heartbeat comments. */
export const SSE_HEARTBEAT_MS = 15_000;

/** A run record as the API shows it. */
export function runToApi(run: RunRecord): z.infer<typeof runSchema> {
  return {
    id: run.id,
    status: run.status,
    progress: run.progress,
    ...(run.error === null ? {} : { error: run.error }),
    ...(run.modelId === null ? {} : { modelId: run.modelId }),
    datasetId: run.datasetId,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
  };
}

function sseFrame(event: string, data: unknown, id?: number): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function lastEventId(request: FastifyRequest): number {
  const header = request.headers['last-event-id'];
  const value = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

async function streamEvents(
  instance: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  runId: string,
): Promise<void> {
  const { runs, catalog } = instance;
  await runs.require(runId);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();

  let lastSeq = lastEventId(request);
  let replaying = true;
  let closed = false;
  const pending: RunHubMessage[] = [];
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), SSE_HEARTBEAT_MS);
  heartbeat.unref();
  const finish = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    raw.end();
  };
  const deliver = (message: RunHubMessage): void => {
    if (closed) return;
    if (message.type === 'progress') {
      if (message.seq <= lastSeq) return;
      lastSeq = message.seq;
      raw.write(sseFrame('progress', message.event, message.seq));
    } else if (message.type === 'status') {
      if (!isFinished(message.status)) raw.write(sseFrame('status', { status: message.status }));
    } else {
      raw.write(sseFrame('status', runToApi(message.run)));
      finish();
    }
  };
  const unsubscribe = runs.hub.subscribe(runId, (message) => {
    if (replaying) pending.push(message);
    else deliver(message);
  });
  raw.on('close', finish);

  try {
    for (const stored of await catalog.listRunEvents(runId, lastSeq)) {
      deliver({ type: 'progress', seq: stored.seq, event: stored.event });
    }
    replaying = false;
    for (const message of pending.splice(0)) deliver(message);
    if (closed) return;
    const run = await runs.require(runId);
    if (isFinished(run.status)) {
      // Finished before we subscribed (or while replaying): a last status event, then close.
      for (const stored of await catalog.listRunEvents(runId, lastSeq)) {
        deliver({ type: 'progress', seq: stored.seq, event: stored.event });
      }
      deliver({ type: 'end', run });
    } else {
      raw.write(sseFrame('status', { status: run.status }));
    }
  } catch {
    finish();
  }
}

/** Registers the /api/runs routes (needs `app.runs` and `app.catalog`). */
export function runRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { runs, catalog } = instance;

  app.post(
    '/api/runs',
    {
      schema: {
        summary: 'Start a run of a dataset with a config (without source and output)',
        body: createRunBody,
        response: { 202: acceptedRunSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const run = await runs.create(request.body.datasetId, request.body.config);
      return reply.code(202).send({ id: run.id, status: run.status });
    },
  );

  app.get(
    '/api/runs',
    {
      schema: {
        summary: 'List runs, newest first',
        response: { 200: z.object({ runs: z.array(runSchema) }) },
      },
    },
    async () => ({ runs: (await catalog.listRuns()).map(runToApi) }),
  );

  app.get(
    '/api/runs/:id',
    {
      schema: {
        summary: 'One run: status, progress, error, model',
        params: runIdParams,
        response: { 200: runSchema, 404: errorSchema },
      },
    },
    async (request) => runToApi(await runs.require(request.params.id)),
  );

  app.get(
    '/api/runs/:id/events',
    {
      schema: {
        summary: 'Progress and status of a run as server-sent events (honours Last-Event-ID)',
        params: runIdParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      await streamEvents(instance, request, reply, request.params.id);
    },
  );

  app.post(
    '/api/runs/:id/cancel',
    {
      schema: {
        summary: 'Cancel a queued or running run (409 when it already finished)',
        params: runIdParams,
        response: { 202: acceptedRunSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const run = await runs.cancel(request.params.id);
      return reply.code(202).send({ id: run.id, status: run.status });
    },
  );

  app.post(
    '/api/runs/:id/rerun',
    {
      schema: {
        summary: 'Start a new run with the same dataset and config',
        params: runIdParams,
        response: { 202: acceptedRunSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const run = await runs.rerun(request.params.id);
      return reply.code(202).send({ id: run.id, status: run.status });
    },
  );
  return Promise.resolve();
}
