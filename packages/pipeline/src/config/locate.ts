/**
 * Line and column of a key path in a parsed YAML (or JSON) document, for error messages. Paths
 * are zod issue paths: strings index mappings, numbers index lists.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A 1-based position in the config text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Which part of a key/value pair to point at. */
export type LocateTarget = 'value' | 'key';

/** A located config document: answers "where is this path?". */
export interface ConfigLocator {
  /**
   * Position of the value at `path` (or of its key with `target: 'key'`). When the path does not
   * exist (a missing key), the position of the deepest existing ancestor's key; the document start
   * when nothing matches.
   */
  locate(path: readonly PropertyKey[], target?: LocateTarget): TextPosition | null;
}

function keyText(node: unknown): string | undefined {
  if (isScalar(node)) return String(node.value);
  return undefined;
}

/**
 * Builds a {@link ConfigLocator} over `document` (parsed with `lineCounter`).
 * @example
 * ```ts
 * const lineCounter = new LineCounter();
 * const document = parseDocument('clustering:\n  k: five\n', { lineCounter });
 * createLocator(document, lineCounter).locate(['clustering', 'k']); // { line: 2, column: 6 }
 * ```
 */
export function createLocator(document: Document, lineCounter: LineCounter): ConfigLocator {
  const position = (node: Node | null | undefined): TextPosition | null => {
    const offset = node?.range?.[0];
    if (offset === undefined) return null;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    locate(path, target = 'value') {
      let node: unknown = document.contents;
      let fallback = position(document.contents) ?? { line: 1, column: 1 };
      for (let index = 0; index < path.length; index++) {
        const segment = path[index];
        const last = index === path.length - 1;
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isPair(item) && keyText(item.key) === String(segment),
          );
          if (pair === undefined) return fallback;
          const keyNode = pair.key as Node | null;
          const keyPosition = position(keyNode);
          if (last && target === 'key') return keyPosition ?? fallback;
          fallback = keyPosition ?? fallback;
          // `k:` with no value: point at the key.
          node = pair.value ?? keyNode;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item: unknown = node.items[segment];
          if (item === undefined) return fallback;
          node = item;
          fallback = position(item as Node) ?? fallback;
        } else {
          // A path below a scalar (e.g. a union's inner path): the scalar is the best answer.
          return position(node as Node) ?? fallback;
        }
      }
      return position(node as Node) ?? fallback;
    },
  };
}
