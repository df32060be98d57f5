/**
 * Translates an OpenAPI 3.0 Schema Object into a JSON Schema (draft-07) that ajv validates.
 * https://spec.openapis.org/oas/v3.0.3#schema-object lists where the two differ:
 * - `nullable: true` becomes a type union with "null" (and null joins an `enum`);
 * - `example`, `externalDocs`, `xml`, `discriminator` and `x-*` extensions are documentation, dropped;
 * - a `$ref` replaces its siblings (OpenAPI 3.0 ignores them), and `#/components/schemas/X` points into the spec
 *   document ajv holds under `specId` (see specDocument).
 * Everything else (`format`, `additionalProperties`, `enum`, `oneOf`, `required` ...) is JSON Schema already.
 */

export type JsonSchema = { [key: string]: unknown };

const DROPPED = new Set(['example', 'externalDocs', 'xml', 'discriminator', 'nullable']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);
const COMPONENT_SCHEMAS = '#/components/schemas/';

export function toJsonSchema(schema: unknown, specId: string): JsonSchema {
  if (typeof schema === 'boolean') return schema ? {} : { not: {} };
  if (!isObject(schema)) throw new Error(`not an OpenAPI schema object: ${JSON.stringify(schema)}`);

  if (typeof schema.$ref === 'string') {
    const ref: JsonSchema = { $ref: translateRef(schema.$ref, specId) };
    return schema.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
  }

  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, specId)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => toJsonSchema(sub, specId));
    } else if (SCHEMA_VALUES.has(key) && (isObject(value) || typeof value === 'boolean')) {
      out[key] = typeof value === 'boolean' ? value : toJsonSchema(value, specId);
    } else {
      out[key] = value;
    }
  }

  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    // Without a type, nullable only matters for the composite keywords; null must satisfy them too.
    if (out.type === undefined && (out.oneOf || out.anyOf || out.allOf)) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** The spec's component schemas as one JSON Schema document, for ajv.addSchema; refs land in its `$defs`. */
export function specDocument(spec: { components?: { schemas?: Record<string, unknown> } }, specId: string): JsonSchema {
  const defs = Object.fromEntries(
    Object.entries(spec.components?.schemas ?? {}).map(([name, schema]) => [name, toJsonSchema(schema, specId)]),
  );
  return { $id: specId, $defs: defs };
}

function translateRef(ref: string, specId: string): string {
  if (ref.startsWith(COMPONENT_SCHEMAS)) return `${specId}#/$defs/${ref.slice(COMPONENT_SCHEMAS.length)}`;
  throw new Error(`${specId}: unsupported $ref ${ref} in a schema (only ${COMPONENT_SCHEMAS}* is translated)`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
