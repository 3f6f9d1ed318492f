// The single JSON argument of every transaction, parsed and checked field by field. Each failure names the
// field, so the caller knows what to fix; nothing is written before the arguments have passed.

import { CatsError } from '../domain/errors';

export type Args = Record<string, unknown>;

export function parseArgs(json: unknown, field = 'args'): Args {
  if (typeof json !== 'string') throw new CatsError('VALIDATION_FAILED', `${field}: one JSON string argument expected`, { field });
  if (json.trim() === '') return {}; // queries without parameters may be called with an empty argument
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new CatsError('VALIDATION_FAILED', `${field}: not valid JSON`, { field });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CatsError('VALIDATION_FAILED', `${field}: a JSON object expected`, { field });
  }
  return value as Args;
}

function fail(field: string, why: string, code: 'VALIDATION_FAILED' | 'INVALID_IDENTIFIER' = 'VALIDATION_FAILED'): CatsError {
  return new CatsError(code, `${field}: ${why}`, { field });
}

export function str(args: Args, field: string, pattern?: RegExp): string {
  const v = args[field];
  if (typeof v !== 'string' || v.length === 0) throw fail(field, 'required string');
  if (pattern && !pattern.test(v)) throw fail(field, `'${v}' has the wrong format`);
  return v;
}

export function optStr(args: Args, field: string, pattern?: RegExp): string | undefined {
  return args[field] === undefined ? undefined : str(args, field, pattern);
}

/** A string checked by an identifier predicate (MRN, GRN, office…); failures are INVALID_IDENTIFIER. */
export function ident(args: Args, field: string, valid: (s: unknown) => boolean, what: string): string {
  const v = args[field];
  if (!valid(v)) throw fail(field, `'${String(v)}' is not a valid ${what}`, 'INVALID_IDENTIFIER');
  return v as string;
}

export function bool(args: Args, field: string): boolean {
  const v = args[field];
  if (typeof v !== 'boolean') throw fail(field, 'required boolean');
  return v;
}

export function optBool(args: Args, field: string): boolean | undefined {
  return args[field] === undefined ? undefined : bool(args, field);
}

export function oneOf<T extends string>(args: Args, field: string, values: readonly T[]): T {
  const v = args[field];
  if (typeof v !== 'string' || !values.includes(v as T)) throw fail(field, `must be one of ${values.join(', ')}`);
  return v as T;
}

export function obj(args: Args, field: string): Args {
  const v = args[field];
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw fail(field, 'required object');
  return v as Args;
}

export function arr(args: Args, field: string): unknown[] {
  const v = args[field];
  if (!Array.isArray(v)) throw fail(field, 'required array');
  return v;
}

/** Free text of bounded length (reasons, remarks): stored as given. */
export function text(args: Args, field: string, max = 512): string | undefined {
  const v = args[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > max) throw fail(field, `string of at most ${max} characters expected`);
  return v;
}

export const HASH_HEX = /^[0-9a-f]{64}$/;
