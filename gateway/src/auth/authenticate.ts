// Express middleware: `Authorization: Bearer <jwt>` → req.principal, or a 401 with the coded body.
import type { NextFunction, Request, Response } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { Principal } from './principal';
import type { TokenVerifier } from './tokens';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function authenticate(verify: TokenVerifier) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!m) return next(new CatsError('UNAUTHENTICATED', 'send Authorization: Bearer <token>', { reason: 'missing' }));
    try {
      req.principal = await verify(m[1]);
      next();
    } catch (e) {
      next(e);
    }
  };
}

/** The caller of an authenticated route (authenticate() ran before). */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new CatsError('UNAUTHENTICATED', 'not authenticated', { reason: 'missing' });
  return req.principal;
}
