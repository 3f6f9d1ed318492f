// /api/v1/audit: full histories for auditors (and supervisors / admins), and the block verification.
import { Router } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidGrn } from '../../../chaincode/src/domain/identifiers';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../auth/authenticate';
import { requireRole } from '../auth/require-role';
import { verifyBlocks } from '../audit/verify-blocks';
import { evaluate } from '../fabric/evaluate';
import { checkMrn } from '../usecases/movement-read';

const MAX_BLOCKS = 200;

function blockNumber(v: unknown, field: string): bigint | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d{1,19}$/.test(v)) throw new CatsError('VALIDATION_FAILED', `${field}: a block number`, { field });
  return BigInt(v);
}

export function auditRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/audit', requireRole('auditor', 'supervisor', 'admin'));
  r.get('/audit/movements/:mrn', async (req, res) => {
    checkMrn(req.params.mrn);
    const p = principalOf(req);
    const [history, events] = await Promise.all([evaluate(deps.fabric, p.userId, 'movement:History', { mrn: req.params.mrn }), deps.index.eventsOf(req.params.mrn)]);
    res.json({ mrn: req.params.mrn, history, events });
  });
  r.get('/audit/guarantees/:grn', async (req, res) => {
    if (!isValidGrn(req.params.grn)) throw new CatsError('INVALID_IDENTIFIER', `'${req.params.grn}' is not a valid GRN`, { field: 'grn' });
    const p = principalOf(req);
    const [guarantee, events] = await Promise.all([evaluate(deps.fabric, p.userId, 'guarantee:Get', { grn: req.params.grn }), deps.index.eventsOf(req.params.grn)]);
    res.json({ grn: req.params.grn, guarantee, events });
  });
  r.get('/audit/blocks', async (req, res) => {
    const height = await deps.feed.refreshHeight();
    if (height === undefined) throw new CatsError('NETWORK_UNAVAILABLE', 'the ledger height is unknown: the peer cannot be reached');
    const top = height - 1n;
    const to = blockNumber(req.query.to, 'to') ?? top;
    const from = blockNumber(req.query.from, 'from') ?? (to >= BigInt(MAX_BLOCKS - 1) ? to - BigInt(MAX_BLOCKS - 1) : 0n);
    if (from > to) throw new CatsError('VALIDATION_FAILED', 'from is after to', { field: 'from' });
    if (to > top) throw new CatsError('NOT_FOUND', `block ${to} does not exist yet (height ${height})`, { field: 'to', height: height.toString() });
    if (to - from >= BigInt(MAX_BLOCKS)) throw new CatsError('VALIDATION_FAILED', `at most ${MAX_BLOCKS} blocks per request`, { field: 'to' });
    res.json(await verifyBlocks(deps.fabric, principalOf(req).userId, from, to));
  });
  return r;
}
