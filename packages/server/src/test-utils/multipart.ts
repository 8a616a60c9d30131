/**
 * Builds multipart/form-data bodies by hand for `app.inject()` tests (no form library needed).
 */

/** A multipart body and its content-type header. */
export interface MultipartBody {
  payload: Buffer;
  headers: { 'content-type': string };
}

/**
 * One file part (field `field`, file name `filename`) plus optional text fields.
 * @example app.inject({ method: 'POST', url: '/api/datasets', ...multipartFile('file', 'a.csv', buffer) })
 */
export function multipartFile(
  field: string,
  filename: string,
  content: Buffer | string,
  fields: Record<string, string> = {},
): MultipartBody {
  const boundary = '----segmint-test-boundary-7d1f';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    typeof content === 'string' ? Buffer.from(content) : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
