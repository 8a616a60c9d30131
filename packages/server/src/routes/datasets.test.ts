import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exceljs from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppOptions } from '../app.js';
import { multipartFile } from '../test-utils/multipart.js';

const DATASETS = '/work/shared/datasets';
const MALL = join(DATASETS, 'mall_customers', 'Mall_Customers.csv');
const IRIS = join(DATASETS, 'iris', 'iris.data');
const HAVE_DATA = existsSync(MALL) && existsSync(IRIS);

interface Dataset {
  id: string;
  name: string;
  rows: number;
  columns: { name: string; type: string }[];
}
interface ErrorResponse {
  error: { code: string; message: string; details: Record<string, unknown> };
}

let dataDir: string;
let rootDir: string;
let app: FastifyInstance;

async function start(options: Partial<AppOptions> = {}): Promise<void> {
  app = await buildApp({ dataDir, allowedRoots: [rootDir], ...options });
}

async function upload(
  name: string,
  content: Buffer | string,
  query = '',
): Promise<ReturnType<FastifyInstance['inject']>> {
  return app.inject({
    method: 'POST',
    url: `/api/datasets${query}`,
    ...multipartFile('file', name, content),
  });
}

async function uploadedFolders(): Promise<string[]> {
  return readdir(join(dataDir, 'datasets')).catch(() => []);
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-datasets-'));
  rootDir = await mkdtemp(join(tmpdir(), 'segmint-roots-'));
});
afterEach(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(rootDir, { recursive: true, force: true });
});

describe.skipIf(!HAVE_DATA)('dataset routes on real files', () => {
  it('uploads, lists, profiles, pages and deletes a dataset', async () => {
    await start();
    const response = await upload('Mall_Customers.csv', await readFile(MALL));
    expect(response.statusCode).toBe(201);
    const dataset = response.json<Dataset>();
    expect(dataset).toMatchObject({ name: 'Mall_Customers.csv', rows: 200 });
    expect(dataset.columns.map((column) => column.name)).toEqual([
      'CustomerID',
      'Genre',
      'Age',
      'Annual Income (k$)',
      'Spending Score (1-100)',
    ]);
    expect(await readdir(join(dataDir, 'datasets', dataset.id))).toEqual(['Mall_Customers.csv']);

    const list = await app.inject({ method: 'GET', url: '/api/datasets' });
    expect(list.json<{ datasets: Dataset[] }>().datasets.map((item) => item.id)).toEqual([
      dataset.id,
    ]);

    const profile = await app.inject({ method: 'GET', url: `/api/datasets/${dataset.id}/profile` });
    expect(profile.statusCode).toBe(200);
    const columns = profile.json<{
      columns: { name: string; role: string; mean: number | null; count: number }[];
    }>().columns;
    const age = columns.find((column) => column.name === 'Age');
    expect(age?.role).toBe('numeric');
    expect(age?.count).toBe(200);
    expect(age?.mean).toBeCloseTo(38.85, 10);

    const page = await app.inject({
      method: 'GET',
      url: `/api/datasets/${dataset.id}/rows?offset=198&limit=5`,
    });
    expect(page.statusCode).toBe(200);
    const body = page.json<{
      total: number;
      rows: Record<string, unknown>[];
      offset: number;
      limit: number;
    }>();
    expect(body.total).toBe(200);
    expect(body.rows).toHaveLength(2);
    expect(body.rows[1]).toMatchObject({ Genre: 'Male', Age: 30, 'Annual Income (k$)': 137 });

    const deleted = await app.inject({ method: 'DELETE', url: `/api/datasets/${dataset.id}` });
    expect(deleted.statusCode).toBe(204);
    expect(await uploadedFolders()).toEqual([]);
    const again = await app.inject({ method: 'GET', url: `/api/datasets/${dataset.id}/profile` });
    expect(again.statusCode).toBe(404);
  });

  it('accepts a format for files without a known extension (iris.data as csv)', async () => {
    await start();
    const response = await upload('iris.data', await readFile(IRIS), '?format=csv');
    expect(response.statusCode).toBe(201);
    expect(response.json<Dataset>()).toMatchObject({ name: 'iris.data', rows: 150 });
    expect(response.json<Dataset>().columns).toHaveLength(5);
    const unknown = await upload('iris.data', await readFile(IRIS));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<ErrorResponse>().error.code).toBe('INVALID_FILE');
  });

  it('keeps datasets across a restart', async () => {
    await start();
    const first = (await upload('mall.csv', await readFile(MALL))).json<Dataset>();
    await app.close();
    await start();
    const response = await app.inject({ method: 'GET', url: `/api/datasets/${first.id}` });
    expect(response.json<Dataset>()).toMatchObject({ id: first.id, rows: 200 });
  });
});

describe('dataset route errors', () => {
  it('rejects an oversize upload with 413 and leaves nothing behind', async () => {
    await start({ maxUploadBytes: 1000 });
    const response = await upload('big.csv', `a,b\n${'1,2\n'.repeat(1000)}`);
    expect(response.statusCode).toBe(413);
    const error = response.json<ErrorResponse>().error;
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('1000 bytes');
    expect(await uploadedFolders()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/datasets' })).json()).toEqual({
      datasets: [],
    });
  });

  it('rejects a ragged CSV with 422 and the data layer message, without the server path', async () => {
    await start();
    const response = await upload('ragged.csv', 'a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n11,12,13\n');
    expect(response.statusCode).toBe(422);
    const error = response.json<ErrorResponse>().error;
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toMatch(/ragged\.csv/);
    expect(error.message).not.toContain(dataDir);
    expect(await uploadedFolders()).toEqual([]);
    const empty = await upload('empty.csv', '');
    expect(empty.statusCode).toBe(422);
    // The server still answers after bad requests.
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('requires the multipart field `file` and a multipart body', async () => {
    await start();
    const wrongField = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipartFile('upload', 'a.csv', 'a\n1\n'),
    });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json<ErrorResponse>().error.details.parameter).toBe('file');
    const json = await app.inject({ method: 'POST', url: '/api/datasets', payload: { file: 'x' } });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    expect(json.json<ErrorResponse>().error.code).toBeTypeOf('string');
  });

  it('stores uploads under a safe name whatever the client calls them', async () => {
    await start();
    const response = await upload('../../evil name.csv', 'a,b\n1,2\n3,4\n');
    expect(response.statusCode).toBe(201);
    const { id } = response.json<Dataset>();
    expect(await readdir(join(dataDir, 'datasets', id))).toEqual(['evil_name.csv']);
    expect(existsSync(join(dataDir, '..', 'evil name.csv'))).toBe(false);
  });

  it('404s unknown ids on every dataset route', async () => {
    await start();
    for (const [method, url] of [
      ['GET', '/api/datasets/nope'],
      ['GET', '/api/datasets/nope/profile'],
      ['GET', '/api/datasets/nope/rows'],
      ['DELETE', '/api/datasets/nope'],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<ErrorResponse>().error).toMatchObject({
        code: 'NOT_FOUND',
        details: { value: 'nope' },
      });
    }
  });

  it('validates the rows query (limit at most 1000, offset not negative)', async () => {
    await start();
    const dataset = (await upload('a.csv', 'a,b\n1,2\n3,4\n')).json<Dataset>();
    for (const query of ['limit=1001', 'limit=0', 'offset=-1', 'limit=abc']) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/datasets/${dataset.id}/rows?${query}`,
      });
      expect(response.statusCode, query).toBe(400);
      const error = response.json<ErrorResponse>().error;
      expect(error.code).toBe('INVALID_PARAMETER');
      expect(error.message).toMatch(/querystring\.(limit|offset)/);
    }
    const page = await app.inject({
      method: 'GET',
      url: `/api/datasets/${dataset.id}/rows?limit=1000`,
    });
    expect(page.json()).toMatchObject({
      total: 2,
      offset: 0,
      limit: 1000,
      rows: [
        { a: 1, b: 2 },
        { a: 3, b: 4 },
      ],
    });
  });
});

describe('POST /api/datasets/register', () => {
  it('registers a file under an allowed root and keeps it on delete', async () => {
    await start();
    const file = join(rootDir, 'sub', 'people.csv');
    await mkdir(join(rootDir, 'sub'));
    await writeFile(file, 'name,age\nAda,36\nAlan,41\n');
    const response = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      payload: { path: 'sub/people.csv' },
    });
    expect(response.statusCode).toBe(201);
    const dataset = response.json<Dataset & { origin: string }>();
    expect(dataset).toMatchObject({ name: 'people.csv', rows: 2, origin: 'registered' });
    const absolute = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      payload: { path: file, name: 'People' },
    });
    expect(absolute.json<Dataset>().name).toBe('People');
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/datasets/${dataset.id}` })).statusCode,
    ).toBe(204);
    expect(existsSync(file)).toBe(true);
  });

  it('rejects traversal, symbolic links out of the roots, missing files and bad bodies', async () => {
    await start();
    const outside = join(dataDir, 'secret.csv');
    await writeFile(outside, 'a\n1\n');
    await symlink(outside, join(rootDir, 'link.csv'));
    for (const path of ['../secret.csv', outside, `${rootDir}/../${'x'}.csv`, 'link.csv']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/datasets/register',
        payload: { path },
      });
      expect(response.statusCode, path).toBe(403);
      expect(response.json<ErrorResponse>().error.code).toBe('FORBIDDEN');
    }
    const missing = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      payload: { path: 'absent.csv' },
    });
    expect(missing.statusCode).toBe(404);
    const folder = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      payload: { path: '.' },
    });
    expect(folder.statusCode).toBe(422);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      payload: { file: 'x.csv' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorResponse>().error).toMatchObject({
      code: 'INVALID_PARAMETER',
      details: { parameter: 'body.path' },
    });
  });

  it('is disabled when no roots are configured', async () => {
    await start({ allowedRoots: [] });
    const response = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      payload: { path: '/etc/passwd' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('read options: CSV delimiter and Excel sheet', () => {
  it('reads an upload with the delimiter given, keeps it for previews, profiles and runs', async () => {
    await start();
    // A semicolon file whose values hold commas: the sniffer alone could guess either.
    const csv = 'id;city;spend\n1;Paris, FR;10\n2;Rome, IT;20\n3;Oslo, NO;30\n4;Lima, PE;40\n';
    const response = await upload('shops.csv', csv, '?delimiter=%3B');
    expect(response.statusCode, response.body).toBe(201);
    const dataset = response.json<Dataset & { options: { delimiter?: string } }>();
    expect(dataset.columns.map((c) => c.name)).toEqual(['id', 'city', 'spend']);
    expect(dataset.options).toEqual({ delimiter: ';' });
    const rows = await app.inject({ url: `/api/datasets/${dataset.id}/rows?limit=2` });
    expect(rows.json<{ rows: Record<string, unknown>[] }>().rows[0]).toMatchObject({
      city: 'Paris, FR',
    });
    const listed = await app.inject({ url: '/api/datasets' });
    expect(listed.json<{ datasets: { options: unknown }[] }>().datasets[0]!.options).toEqual({
      delimiter: ';',
    });
    const tab = await upload('t.csv', 'a\tb\n1\t2\n3\t4\n', '?delimiter=tab');
    expect(tab.json<Dataset>().columns.map((c) => c.name)).toEqual(['a', 'b']);
    const bad = await upload('x.csv', csv, '?delimiter=%3B%3B');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain(
      "expected one character, or 'tab'",
    );
  });

  it('reads the named sheet of a workbook with several, and says which exist without one', async () => {
    await start();
    const workbook = new exceljs.Workbook();
    workbook.addWorksheet('Notes').addRow(['hello']);
    const sheet = workbook.addWorksheet('Customers');
    sheet.addRow(['id', 'spend']);
    sheet.addRow([1, 10]);
    sheet.addRow([2, 20]);
    const file = join(rootDir, 'book.xlsx');
    await workbook.xlsx.writeFile(file);
    const content = await readFile(file);
    const unnamed = await upload('book.xlsx', content);
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json<{ error: { message: string } }>().error.message).toContain('Customers');
    const named = await upload('book.xlsx', content, '?sheet=Customers');
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json<Dataset>()).toMatchObject({ rows: 2 });
    const registered = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      payload: { path: 'book.xlsx', sheet: 'Customers' },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json<{ options: unknown }>().options).toEqual({ sheet: 'Customers' });
  });
});
