// Reads a request body as bytes with a hard size limit, checked before anything is parsed: a declared
// Content-Length above the limit is refused without reading; a body that grows past it is refused when it
// does. The rest of an oversized body is drained (up to a cap) so the client can read the 413.
import type { NextFunction, Request, Response } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';

declare module 'express-serve-static-core' {
  interface Request {
    rawBody?: Buffer;
  }
}

const DRAIN_CAP = 64 * 1024 * 1024;

function tooLarge(limit: number, what: string): CatsError {
  return new CatsError('PAYLOAD_TOO_LARGE', `the body is larger than ${limit} bytes, the limit for ${what}`, { limitBytes: limit });
}

export interface BodyLimits {
  /** JSON bodies: no request of this API needs more; parsing a bigger one costs the whole gateway a pause */
  json: number;
  /** anything else (NCTS XML, refused later if it is not XML) */
  other: number;
}

const isJson = (req: Request): boolean => /^application\/(?:[a-z0-9.+-]+\+)?json\b/i.test(req.get('content-type') ?? '');

function drain(req: Request): void {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_CAP) req.destroy();
  });
  req.resume();
}

export function rawBody(limits: BodyLimits) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const json = isJson(req);
    const limit = json ? limits.json : limits.other;
    const what = json ? 'JSON' : 'an XML message';
    const declared = req.get('content-length');
    if (declared !== undefined && Number(declared) > limit) {
      drain(req);
      return next(tooLarge(limit, what));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit && !failed) {
        failed = true;
        req.off('data', onData);
        chunks.length = 0;
        drain(req);
        next(tooLarge(limit, what));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (failed) return;
      req.rawBody = Buffer.concat(chunks);
      next();
    });
    req.on('error', (e) => {
      if (failed) return;
      failed = true;
      // the client went away before its body ended: its doing, not a server failure (nobody reads the answer)
      if (req.readableAborted || e.message === 'aborted') next(new CatsError('VALIDATION_FAILED', 'the request body ended before its Content-Length', { field: 'body', reason: 'aborted' }));
      else next(e);
    });
  };
}
