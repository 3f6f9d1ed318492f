// The closed set of error codes, each with exactly one HTTP status. The chaincode throws CatsError; its
// message travels through Fabric as text, so it is encoded as `CATS:` + canonical JSON and the gateway
// decodes it from the endorsement error (which Fabric prefixes, e.g. "chaincode response 500, ").

import { canonicalJson } from './canonical-json';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_IDENTIFIER: 400,
  INVALID_AMOUNT: 400,
  XML_NOT_WELL_FORMED: 400,
  XML_SCHEMA_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  FORBIDDEN_OFFICE: 403,
  FORBIDDEN_ROLE: 403,
  ACCESS_CODE_MISMATCH: 403,
  NOT_FOUND: 404,
  UNKNOWN_MOVEMENT: 404,
  UNKNOWN_GUARANTEE: 404,
  UNKNOWN_PROPOSAL: 404,
  ALREADY_EXISTS: 409,
  DUPLICATE_LRN: 409,
  INVALID_STATE_TRANSITION: 409,
  MESSAGE_OUT_OF_SEQUENCE: 409,
  TIME_LIMIT_NOT_REACHED: 409,
  GOVERNANCE_QUORUM: 409,
  NOT_BOOTSTRAPPED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNKNOWN_OFFICE: 422,
  UNKNOWN_COUNTRY: 422,
  UNKNOWN_ORGANISATION: 422,
  UNKNOWN_HOLDER: 422,
  COUNTRY_NOT_MEMBER: 422,
  OFFICE_ROLE_MISMATCH: 422,
  INSUFFICIENT_GUARANTEE: 422,
  GUARANTEE_INVALID: 422,
  NO_EXCHANGE_RATE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  INTERNAL: 500,
  NETWORK_UNAVAILABLE: 503,
  TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(s: unknown): s is ErrorCode {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, s);
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

export type ErrorDetails = Record<string, unknown>;

export class CatsError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'CatsError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

const PREFIX = 'CATS:';

/** The text a chaincode throws: `CATS:{"code":…,"details":…,"message":…}`. Anything not a CatsError is INTERNAL. */
export function encodeError(e: unknown): string {
  const err = e instanceof CatsError ? e : new CatsError('INTERNAL', e instanceof Error ? e.message : String(e));
  return PREFIX + canonicalJson(err.toJSON());
}

/** Finds `CATS:{…}` anywhere in a message (Fabric adds prefixes and sometimes suffixes) and rebuilds the error. */
export function decodeError(message: string): CatsError | undefined {
  const start = message.indexOf(PREFIX + '{');
  if (start < 0) return undefined;
  const json = balancedObject(message, start + PREFIX.length);
  if (json === undefined) return undefined;
  try {
    const o = JSON.parse(json) as { code?: unknown; message?: unknown; details?: unknown };
    if (!isErrorCode(o.code) || typeof o.message !== 'string') return undefined;
    const details = o.details && typeof o.details === 'object' ? (o.details as ErrorDetails) : {};
    return new CatsError(o.code, o.message, details);
  } catch {
    return undefined;
  }
}

/** The JSON object starting at `from`, found by matching braces outside string literals. */
function balancedObject(text: string, from: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(from, i + 1);
  }
  return undefined;
}

/** Shorthand for the most common rejection: a field that fails validation. */
export function invalid(field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): CatsError {
  return new CatsError(code, `${field}: ${message}`, { field });
}
