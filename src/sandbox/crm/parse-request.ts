import type { Request } from 'express';
import type { z } from 'zod';
import { objectTypeOf } from '../state/object-types.ts';
import type { ObjectType } from '../state/portal-seed.ts';
import { badRequest } from './http-error.ts';

/** The JSON body, validated against the request schema the spec declares; a 400 naming each problem otherwise. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? null);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => {
    const at = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    return { message: `${at}: ${issue.message}`, in: at };
  });
  throw badRequest(`Invalid input: ${errors.map((e) => e.message).join('; ')}`, { errors });
}

/** The `{objectType}` path segment as an object type (name, singular or type id); 400 as HubSpot answers otherwise. */
export function objectTypeParam(value: string | undefined): ObjectType {
  const type = objectTypeOf(value ?? '');
  if (type === null)
    throw badRequest(`Unable to infer object type from: ${value}`, { context: { objectType: [value ?? ''] } });
  return type;
}

/** A query parameter's values: repeated (`a=1&a=2`, OpenAPI's form/explode) or comma-separated. */
export function queryList(req: Request, name: string): string[] | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).map(String);
  return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

export function queryString(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw badRequest(`Query parameter ${name} takes one value`);
  return String(raw);
}

export function queryBoolean(req: Request, name: string, fallback: boolean): boolean {
  const raw = queryString(req, name);
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false') throw badRequest(`Query parameter ${name} must be true or false, got ${raw}`);
  return raw === 'true';
}

export function queryInteger(
  req: Request,
  name: string,
  fallback: number,
  range: { min: number; max: number },
): number {
  const raw = queryString(req, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
    throw badRequest(`Query parameter ${name} must be an integer from ${range.min} to ${range.max}, got ${raw}`);
  }
  return value;
}

/** Inputs a batch takes at most; more is a 400, as HubSpot answers. */
export function checkBatchSize(inputs: readonly unknown[], limit: number): void {
  if (inputs.length > limit) {
    throw badRequest(`Too many inputs: ${inputs.length}; a batch takes at most ${limit}.`, {
      context: { inputs: [String(inputs.length)] },
    });
  }
}
