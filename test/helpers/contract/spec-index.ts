import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** HubSpot's own OpenAPI 3.0 specs, next to the repository (see /work/shared/hubspot-openapi/README.md). */
const SPEC_DIR =
  process.env.HUBSPOT_OPENAPI_DIR ?? fileURLToPath(new URL('../../../../shared/hubspot-openapi/', import.meta.url));

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OpenApiSpec {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; [kind: string]: Record<string, unknown> | undefined };
}

export interface Operation {
  method: string;
  operationId: string;
  file: string;
  pathTemplate: string;
  /** The Operation Object as the spec has it ($refs unresolved). */
  raw: Record<string, unknown>;
  /** Path-level parameters, which the operation's own parameters override. */
  pathParameters: unknown[];
  /** The template compiled, with this file's parameter names. */
  segments: readonly Segment[];
}

/** One route shape: templates that differ only in parameter names (`{objectType}` vs `{fromObjectType}`) share it. */
export interface Route {
  shape: string;
  segments: readonly Segment[];
  operations: Operation[];
}

export type Segment = { literal: string } | { pattern: RegExp; names: readonly string[] };

export interface SpecIndex {
  specs: ReadonlyMap<string, OpenApiSpec>;
  routes: readonly Route[];
}

let loaded: SpecIndex | undefined;

/** Reads every spec once, on first use. */
export function specIndex(): SpecIndex {
  loaded ??= loadSpecs(SPEC_DIR);
  return loaded;
}

function loadSpecs(dir: string): SpecIndex {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error) {
    throw new Error(
      `cannot read HubSpot's OpenAPI specs in ${dir} (${(error as NodeJS.ErrnoException).code}); ` +
        'they live in ../shared/hubspot-openapi next to the repository, or set HUBSPOT_OPENAPI_DIR',
    );
  }
  if (files.length === 0) throw new Error(`no OpenAPI spec (*.json) in ${dir}`);

  const specs = new Map<string, OpenApiSpec>();
  const routes = new Map<string, Route>();
  for (const file of files.sort()) {
    const spec = JSON.parse(readFileSync(join(dir, file), 'utf8')) as OpenApiSpec;
    specs.set(file, spec);
    for (const [pathTemplate, item] of Object.entries(spec.paths)) {
      const shape = pathTemplate.replace(/\{[^}]+\}/g, '{}');
      const segments = pathTemplate.split('/').map(compileSegment);
      let route = routes.get(shape);
      if (!route) {
        route = { shape, segments, operations: [] };
        routes.set(shape, route);
      }
      const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
      for (const method of METHODS) {
        const raw = item[method] as Record<string, unknown> | undefined;
        if (!raw) continue;
        const operationId = typeof raw.operationId === 'string' ? raw.operationId : `${method} ${pathTemplate}`;
        route.operations.push({
          method: method.toUpperCase(),
          operationId,
          file,
          pathTemplate,
          raw,
          pathParameters,
          segments,
        });
      }
    }
  }
  return { specs, routes: [...routes.values()] };
}

function compileSegment(segment: string): Segment {
  if (!segment.includes('{')) return { literal: segment };
  const names: string[] = [];
  const source = segment
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

/** Follows a local `$ref` (`#/components/responses/Error`) inside one spec; other objects come back as they are. */
export function resolveRef<T = Record<string, unknown>>(file: string, value: unknown): T {
  let current = value;
  for (let depth = 0; isRef(current); depth++) {
    if (depth > 20) throw new Error(`${file}: $ref cycle at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`${file}: only local $refs are supported, got ${ref}`);
    let target: unknown = specIndex().specs.get(file);
    for (const key of ref.slice(2).split('/')) {
      const name = key.replace(/~1/g, '/').replace(/~0/g, '~');
      target = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[name] : undefined;
    }
    if (target === undefined) throw new Error(`${file}: $ref ${ref} points at nothing`);
    current = target;
  }
  return current as T;
}

function isRef(value: unknown): value is { $ref: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}
