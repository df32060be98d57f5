import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { type JsonSchema, specDocument, toJsonSchema } from './openapi-to-json-schema.ts';
import { specIndex } from './spec-index.ts';

/**
 * `exact` validates JSON bodies as sent; `coerce` validates values that travel as text (path and query parameters,
 * form-encoded bodies), where "100" is a fine integer and "true" a boolean, as HubSpot's server parses them.
 */
export type Mode = 'exact' | 'coerce';

const MAX_ERRORS = 12;
const instances = new Map<Mode, Ajv>();
const compiled = new Map<Mode, WeakMap<object, ValidateFunction>>();

export function specId(file: string): string {
  return `https://hubspot-openapi.invalid/${file}`;
}

/** Problems of `data` against an OpenAPI schema of `file`, each "instance path: message"; empty when valid. */
export function schemaProblems(file: string, schema: object, data: unknown, mode: Mode): string[] {
  const validate = validatorFor(file, schema, mode);
  if (validate(data)) return [];
  return formatErrors(validate.errors ?? []);
}

/** Like schemaProblems, for a schema built here (already JSON Schema) rather than taken from a spec. */
export function jsonSchemaProblems(key: object, build: () => JsonSchema, data: unknown, mode: Mode): string[] {
  const cache = cacheFor(mode);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv(mode).compile(build());
    cache.set(key, validate);
  }
  if (validate(data)) return [];
  return formatErrors(validate.errors ?? []);
}

function validatorFor(file: string, schema: object, mode: Mode): ValidateFunction {
  const cache = cacheFor(mode);
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv(mode).compile(toJsonSchema(schema, specId(file)));
    cache.set(schema, validate);
  }
  return validate;
}

function cacheFor(mode: Mode): WeakMap<object, ValidateFunction> {
  let cache = compiled.get(mode);
  if (!cache) {
    cache = new WeakMap();
    compiled.set(mode, cache);
  }
  return cache;
}

function ajv(mode: Mode): Ajv {
  let instance = instances.get(mode);
  if (instance) return instance;
  instance = new Ajv({
    allErrors: true,
    // Unknown keywords throw, so a keyword the translation missed shows up at once; the type and required checks
    // are about schema style and would reject HubSpot's own specs.
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    coerceTypes: mode === 'coerce' ? 'array' : false,
  });
  formats.default(instance);
  for (const [file, spec] of specIndex().specs) instance.addSchema(specDocument(spec, specId(file)));
  instances.set(mode, instance);
  return instance;
}

function formatErrors(errors: readonly ErrorObject[]): string[] {
  const lines = errors.map((error) => `${error.instancePath || '(root)'}: ${describe(error)}`);
  const unique = [...new Set(lines)];
  if (unique.length <= MAX_ERRORS) return unique;
  return [...unique.slice(0, MAX_ERRORS), `... and ${unique.length - MAX_ERRORS} more`];
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `must NOT have additional property '${String(params.additionalProperty)}'`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return `must match format "${String(params.format)}"`;
    default:
      return error.message ?? error.keyword;
  }
}
