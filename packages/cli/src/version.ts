/**
 * The CLI's version, read from packages/cli/package.json at run time (the same relative path
 * works from src/ under vitest and from dist/ after the build).
 */
import { readFileSync } from 'node:fs';

/**
 * The `version` field of @segmint/cli's package.json.
 *
 * @example
 * ```ts
 * cliVersion(); // '0.1.0'
 * ```
 */
export function cliVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const { version } = JSON.parse(text) as { version?: unknown };
  return typeof version === 'string' ? version : 'unknown';
}
