// /api/v1/transactions/{id}: the status resource of a write (202 Accepted points here). A client may
// long-poll with Prefer: wait=N. Only the submitter, or a supervisor / admin / auditor of the same
// organisation, may read it.
import { Router } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../auth/authenticate';
import { preferredWaitSeconds } from '../http/prefer-wait';
import { recordView } from '../http/write';

export function transactionRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/transactions/:id', async (req, res) => {
    const id = req.params.id;
    if (!/^[0-9a-f]{64}$/.test(id)) throw new CatsError('VALIDATION_FAILED', 'id: a transaction id (64 hex characters)', { field: 'id' });
    const wait = preferredWaitSeconds(req, deps.config.maxWaitSeconds);
    const record = await deps.submitter.status(id, wait * 1000);
    const p = principalOf(req);
    const mine = record && (record.submittedBy === `${p.org}:${p.userId}` || ['supervisor', 'admin', 'auditor'].includes(p.role));
    if (!record || !mine) throw new CatsError('NOT_FOUND', `no transaction ${id} submitted through this gateway`, { id });
    res.json(recordView(record));
  });
  return r;
}
