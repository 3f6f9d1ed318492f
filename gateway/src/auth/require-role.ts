// Coarse role gates at the gateway, for routes that never reach the chaincode's own checks (audit
// reports, the index). The chaincode still checks every transaction itself.
import type { NextFunction, Request, Response } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { Role } from '../../../chaincode/src/domain/roles';
import { principalOf } from './authenticate';

export function requireRole(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const p = principalOf(req);
    if (!roles.includes(p.role)) return next(new CatsError('FORBIDDEN_ROLE', `this needs the role ${roles.join(' or ')}`, { role: p.role, required: roles }));
    next();
  };
}
