/**
 * Config routes (issue 6): the JSON Schema of a run config as `POST /api/runs` takes it (the
 * file schema without `source` and `output`, which the server supplies) and a config object with
 * every default applied, for the dashboard's configure page.
 */
import { configJsonSchema, validateConfig } from '@segmint/pipeline';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Keys of the config file that a run request never carries. */
const SERVER_SUPPLIED = ['source', 'output'];

/**
 * The run config's JSON Schema (draft 2020-12) without `source` and `output`.
 * @example runConfigJsonSchema().properties // { id, features, clustering, ... }
 */
export function runConfigJsonSchema(): Record<string, unknown> {
  const schema = configJsonSchema();
  const properties = { ...(schema.properties as Record<string, unknown>) };
  for (const key of SERVER_SUPPLIED) delete properties[key];
  const required = Array.isArray(schema.required)
    ? (schema.required as string[]).filter((key) => !SERVER_SUPPLIED.includes(key))
    : [];
  return {
    ...schema,
    description: `${typeof schema.description === 'string' ? schema.description : ''} As sent to POST /api/runs: without source and output.`,
    properties,
    required,
  };
}

/** The default run config (no `source`/`output`): what an empty `config: {}` runs with. */
export function defaultRunConfig(): Record<string, unknown> {
  return validateConfig({}, { partial: 'no-source' });
}

/** Registers `GET /api/config/schema` and `GET /api/config/defaults`. */
export function configRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const schema = runConfigJsonSchema();
  const defaults = defaultRunConfig();
  app.get(
    '/api/config/schema',
    {
      schema: {
        summary: 'JSON Schema of the run config (without source and output)',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    () => schema,
  );
  app.get(
    '/api/config/defaults',
    {
      schema: {
        summary: 'The run config with every default applied (without source and output)',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    () => defaults,
  );
  return Promise.resolve();
}
