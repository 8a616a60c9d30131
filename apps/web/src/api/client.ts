/**
 * The dashboard's HTTP client: a fetch wrapper that turns the server's error body
 * `{ error: { code, message, details } }` into a thrown {@link ApiError} carrying that message,
 * an upload helper that reports progress (XMLHttpRequest upload events; fetch has none), and a
 * server-sent-events helper for live run progress.
 *
 * Every path is relative to the page's origin: the server serves the app at `/` and the API at
 * `/api`, and Vite's dev server proxies `/api` (vite.config.ts).
 */

/** An error answered by the server (or a network failure, status 0). */
export class ApiError extends Error {
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** The server's stable error code (e.g. 'NOT_FOUND'), or 'HTTP_<status>' / 'NETWORK'. */
  readonly code: string;
  /** The server's `error.details`, when any. */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds the {@link ApiError} for a failed response from its status and body text: the server's
 * `error.message` when the body is the error shape, else a plain "Request failed (404)".
 * @example errorFromBody(404, '{"error":{"code":"NOT_FOUND","message":"Run x not found."}}').message
 * // 'Run x not found.'
 */
export function errorFromBody(status: number, text: string): ApiError {
  try {
    const body: unknown = JSON.parse(text);
    if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string') {
      const code = typeof body.error.code === 'string' ? body.error.code : `HTTP_${status}`;
      const details = isRecord(body.error.details) ? body.error.details : {};
      return new ApiError(status, code, body.error.message, details);
    }
  } catch {
    // Not JSON: fall through to the generic message.
  }
  const snippet = text.trim().slice(0, 200);
  return new ApiError(
    status,
    `HTTP_${status}`,
    snippet === '' || snippet.startsWith('<')
      ? `Request failed (${status}).`
      : `Request failed (${status}): ${snippet}`,
  );
}

/** Query values; undefined and null are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * A path with its query string.
 * @example withQuery('/api/runs/1/segments', { segment: 2, offset: 0 }) // '/api/runs/1/segments?segment=2&offset=0'
 */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** Options of {@link requestJson}. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: Query;
  /** A JSON body (sent as application/json). */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Sends a request and parses the JSON answer.
 * @throws ApiError with the server's message on a non-2xx answer, or code 'NETWORK' when the
 *   server cannot be reached.
 * @example const { runs } = await requestJson<{ runs: Run[] }>('/api/runs');
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers: { accept: 'application/json' },
  };
  if (options.signal !== undefined) init.signal = options.signal;
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Is `segmint serve` running?');
  }
  const text = await response.text();
  if (!response.ok) throw errorFromBody(response.status, text);
  return (text === '' ? null : JSON.parse(text)) as T;
}

/** Upload progress: bytes sent of the total. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Options of {@link uploadFile}. */
export interface UploadOptions {
  query?: Query;
  /** Extra headers, e.g. `{ accept: 'text/csv' }`. */
  headers?: Record<string, string>;
  onProgress?: (progress: UploadProgress) => void;
  /** 'json' (default) parses the answer; 'blob' returns it raw (CSV downloads). */
  responseType?: 'json' | 'blob';
  signal?: AbortSignal;
}

/**
 * Uploads a file as multipart field `file` with XMLHttpRequest so the caller sees progress.
 * @throws ApiError with the server's message on a non-2xx answer; 'NETWORK' on a network failure;
 *   'ABORTED' when the signal aborts.
 * @example const dataset = await uploadFile<Dataset>('/api/datasets', file, { onProgress: show });
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, options.query));
    xhr.responseType = options.responseType === 'blob' ? 'blob' : 'text';
    for (const [name, value] of Object.entries(options.headers ?? {}))
      xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload failed: network error.'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'The upload was cancelled.'));
    xhr.onload = () => {
      const ok = xhr.status >= 200 && xhr.status < 300;
      if (options.responseType === 'blob') {
        const blob = xhr.response as Blob;
        if (ok) resolve(blob as T);
        else void blob.text().then((text) => reject(errorFromBody(xhr.status, text)));
        return;
      }
      const text = xhr.responseText;
      if (ok) resolve(JSON.parse(text) as T);
      else reject(errorFromBody(xhr.status, text));
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Handlers of {@link subscribeEvents}. */
export interface EventHandlers {
  /** Called per named event with its parsed JSON data. */
  onEvent: (event: string, data: unknown) => void;
  /** The stream failed (the browser retries on its own unless closed). */
  onError?: () => void;
}

/**
 * Opens a server-sent-events stream and parses each named event's JSON data.
 * @returns a function that closes the stream.
 * @example const close = subscribeEvents('/api/runs/1/events', ['progress', 'status'], { onEvent });
 */
export function subscribeEvents(
  path: string,
  eventNames: readonly string[],
  handlers: EventHandlers,
): () => void {
  const source = new EventSource(path);
  for (const name of eventNames) {
    source.addEventListener(name, (event: MessageEvent<string>) => {
      let data: unknown = null;
      try {
        data = JSON.parse(event.data);
      } catch {
        data = event.data;
      }
      handlers.onEvent(name, data);
    });
  }
  source.onerror = () => handlers.onError?.();
  return () => source.close();
}

/**
 * Saves a Blob as a file through a temporary link.
 * @example saveBlob(new Blob(['a,b']), 'segments.csv');
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
