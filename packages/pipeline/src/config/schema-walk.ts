/**
 * Reads the config schema's structure (zod 4 definitions) to answer two questions error messages
 * need: which keys are valid at a path, and where else a key exists (a key written at the wrong
 * level: `k` at the top instead of under `clustering`).
 */
import type { z } from 'zod';

/** The parts of a zod 4 definition this walker reads. */
interface SchemaDefinition {
  readonly type: string;
  readonly shape?: Readonly<Record<string, SchemaNode>>;
  readonly innerType?: SchemaNode;
  readonly options?: readonly SchemaNode[];
  readonly element?: SchemaNode;
  readonly in?: SchemaNode;
  readonly valueType?: SchemaNode;
}

interface SchemaNode {
  readonly _zod: { readonly def: SchemaDefinition };
}

function asNode(schema: z.ZodType): SchemaNode {
  return schema;
}

/** Removes wrappers (default, optional, nullable, pipe/transform) down to objects, arrays, unions. */
function unwrap(node: SchemaNode): SchemaNode[] {
  const definition = node._zod.def;
  switch (definition.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return definition.innerType === undefined ? [node] : unwrap(definition.innerType);
    case 'pipe':
      return definition.in === undefined ? [node] : unwrap(definition.in);
    case 'union':
      return (definition.options ?? []).flatMap(unwrap);
    default:
      return [node];
  }
}

/** The schemas that may describe the value at `path` (several below a union). */
function schemasAt(root: z.ZodType, path: readonly PropertyKey[]): SchemaNode[] {
  let current = unwrap(asNode(root));
  for (const segment of path) {
    const next: SchemaNode[] = [];
    for (const node of current) {
      const definition = node._zod.def;
      if (definition.type === 'object' && typeof segment === 'string') {
        const child = definition.shape?.[segment];
        if (child !== undefined) next.push(...unwrap(child));
      } else if (definition.type === 'array' && definition.element !== undefined) {
        next.push(...unwrap(definition.element));
      } else if (definition.type === 'record' && definition.valueType !== undefined) {
        next.push(...unwrap(definition.valueType));
      }
    }
    current = next;
  }
  return current;
}

/**
 * The keys a mapping at `path` may hold (every object option of a union, in schema order).
 * @example knownKeys(configSchema, ['clustering']) // ['algorithm', 'k', 'params', 'seed']
 */
export function knownKeys(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const node of schemasAt(root, path)) {
    const definition = node._zod.def;
    if (definition.type === 'object') {
      for (const key of Object.keys(definition.shape ?? {})) keys.add(key);
    }
  }
  return [...keys];
}

/**
 * Every key path of the schema's mappings, dotted ('clustering.k'); list items appear as '[]'
 * ('cleaning.outliers[].k'). Records are not descended (their keys are data).
 */
export function allKeyPaths(root: z.ZodType): string[] {
  const paths: string[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode, prefix: string): void => {
    for (const inner of unwrap(node)) {
      if (seen.has(inner)) continue;
      const definition = inner._zod.def;
      if (definition.type === 'object') {
        seen.add(inner);
        for (const [key, child] of Object.entries(definition.shape ?? {})) {
          const path = prefix === '' ? key : `${prefix}.${key}`;
          if (!paths.includes(path)) paths.push(path);
          visit(child, path);
        }
        seen.delete(inner);
      } else if (definition.type === 'array' && definition.element !== undefined) {
        visit(definition.element, `${prefix}[]`);
      }
    }
  };
  visit(asNode(root), '');
  return paths;
}
