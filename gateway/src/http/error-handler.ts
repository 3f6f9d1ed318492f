// The one place an error becomes an HTTP answer: a CatsError keeps its code (one HTTP status per code);
// Fabric errors are classified by fabric-errors.ts; anything else is INTERNAL and its text stays in the
// log. The body is always {code, message, details}.
import type { NextFunction, Request, Response } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { toCatsError } from '../fabric/fabric-errors';
import { log } from '../observability/log';

/** Errors express itself raises (a malformed URL, a body parser) carry `status`/`type`. */
function fromExpress(err: unknown): CatsError | undefined {
  const e = err as { status?: number; type?: string; message?: string };
  if (typeof e?.status !== 'number') return undefined;
  if (e.status === 413) return new CatsError('PAYLOAD_TOO_LARGE', 'the body is too large');
  if (e.status === 415) return new CatsError('UNSUPPORTED_MEDIA_TYPE', 'unsupported media type');
  if (e.status === 400) return new CatsError('VALIDATION_FAILED', 'the request is malformed', { reason: e.type ?? 'bad-request' });
  if (e.status === 404) return new CatsError('NOT_FOUND', 'no such resource');
  return undefined;
}

export function toHttpError(err: unknown): CatsError {
  return err instanceof CatsError ? err : (fromExpress(err) ?? toCatsError(err));
}

export function sendError(res: Response, err: CatsError): void {
  if (err.code === 'UNAUTHENTICATED') res.set('WWW-Authenticate', 'Bearer');
  if (err.code === 'NETWORK_UNAVAILABLE') res.set('Retry-After', '2');
  if (err.code === 'RATE_LIMITED') res.set('Retry-After', String(err.details.retryAfterSeconds ?? 1));
  res.status(err.status).type('application/json').send(JSON.stringify(err.toJSON()));
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const e = toHttpError(err);
  // INTERNAL is a defect to look into; the other 5xx (network unavailable, timeout) are conditions the
  // operator watches on /metrics, and a client hammering a lagging peer must not flood the error log.
  const fields = { method: req.method, path: req.path, code: e.code, cause: err instanceof Error ? err.message : String(err) };
  if (e.code === 'INTERNAL') log.error('request failed', fields);
  else if (e.status >= 500) log.warn('request not served', fields);
  if (res.headersSent) return void res.end();
  sendError(res, e);
}

export function notFound(req: Request, _res: Response, next: NextFunction): void {
  next(new CatsError('NOT_FOUND', `no resource at ${req.method} ${req.path}`, { path: req.path }));
}
