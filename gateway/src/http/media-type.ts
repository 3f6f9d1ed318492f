// What a request body is (JSON or NCTS XML) and what the client wants back. Only these two media types
// exist at this API; anything else is 415, and a charset other than UTF-8 is refused too.
import type { Request } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { decodeUtf8Body } from './utf8';

export type BodyKind = 'json' | 'xml';

export function bodyKind(req: Request, allowed: readonly BodyKind[]): BodyKind {
  const header = req.get('content-type') ?? '';
  const [type, ...params] = header.split(';').map((s) => s.trim().toLowerCase());
  const kind: BodyKind | undefined = type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type) ? 'json' : type === 'application/xml' || type === 'text/xml' ? 'xml' : undefined;
  if (!kind || !allowed.includes(kind)) {
    const accepted = allowed.map((k) => (k === 'json' ? 'application/json' : 'application/xml')).join(' or ');
    throw new CatsError('UNSUPPORTED_MEDIA_TYPE', `send ${accepted}${type ? `, not ${type}` : ''}`, { contentType: type || null, accepted: allowed });
  }
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new CatsError('UNSUPPORTED_MEDIA_TYPE', `only UTF-8 is accepted, not ${charset}`, { charset });
  }
  // the body is read as it came: a compressed one would be taken for (invalid) text
  const encoding = (req.get('content-encoding') ?? '').trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new CatsError('UNSUPPORTED_MEDIA_TYPE', `send the body uncompressed, not with Content-Encoding ${encoding}`, { contentEncoding: encoding });
  }
  return kind;
}

export function bodyText(req: Request): string {
  return decodeUtf8Body(req.rawBody ?? Buffer.alloc(0));
}

/** The JSON body as an object; anything else is a validation error naming the problem. */
export function jsonBody(req: Request): Record<string, unknown> {
  bodyKind(req, ['json']);
  return parseJsonObject(bodyText(req));
}

/** No request of this API nests deeper than this; a deeper body is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in `text`, counted without parsing (strings skipped), stopping
 * as soon as it passes `limit`: a body like `[[[[…]]]]` 100 000 deep would otherwise be parsed and then
 * overflow the stack of every recursive walk after it (access codes, canonical JSON) as a 500.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function parseJsonObject(text: string): Record<string, unknown> {
  if (jsonDepthExceeds(text)) {
    throw new CatsError('VALIDATION_FAILED', `the body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`, { field: 'body', maxDepth: MAX_JSON_DEPTH });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CatsError('VALIDATION_FAILED', `the body is not valid JSON: ${(e as Error).message}`, { field: 'body' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CatsError('VALIDATION_FAILED', 'the body must be a JSON object', { field: 'body' });
  return value as Record<string, unknown>;
}

/** True when the client prefers NCTS XML answers (Accept: application/xml before JSON). */
export function wantsXml(req: Request): boolean {
  if (!req.get('accept')) return false;
  const t = req.accepts(['application/json', 'application/xml', 'text/xml']);
  return t === 'application/xml' || t === 'text/xml';
}
