// GET /movements from the off-chain index: filters checked here (identifiers, statuses, instants with an
// explicit UTC offset), visibility applied per caller, paging by opaque cursor.
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidCountryCode, isValidOfficeCode, isValidTraderId } from '../../../chaincode/src/domain/identifiers';
import { MOVEMENT_STATUSES } from '../../../chaincode/src/domain/roles';
import type { AppDeps } from '../app-deps';
import type { Principal } from '../auth/principal';
import { parseFilterInstant } from '../index/instant';
import type { MovementQuery } from '../index/movement-index';
import { viewerOf } from '../index/viewer';

type Query = Record<string, unknown>;

function one(q: Query, name: string): string | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new CatsError('VALIDATION_FAILED', `${name}: give it once`, { field: name });
  return v;
}

function checked(q: Query, name: string, valid: (s: string) => boolean, what: string): string | undefined {
  const v = one(q, name);
  if (v !== undefined && !valid(v)) throw new CatsError('INVALID_IDENTIFIER', `${name}: '${v}' is not a valid ${what}`, { field: name });
  return v;
}

export function parseMovementQuery(q: Query): MovementQuery {
  const status = checked(q, 'status', (s) => (MOVEMENT_STATUSES as readonly string[]).includes(s), `status (${MOVEMENT_STATUSES.join(', ')})`);
  const limitText = one(q, 'limit');
  const limit = limitText === undefined ? 50 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CatsError('VALIDATION_FAILED', 'limit: an integer from 1 to 200', { field: 'limit' });
  const since = one(q, 'updatedSince');
  const until = one(q, 'updatedUntil');
  const query: MovementQuery = {
    status,
    office: checked(q, 'office', isValidOfficeCode, 'office code'),
    holder: checked(q, 'holder', isValidTraderId, 'trader id'),
    country: checked(q, 'country', isValidCountryCode, 'country code'),
    updatedSince: since === undefined ? undefined : parseFilterInstant(since, 'updatedSince'),
    updatedUntil: until === undefined ? undefined : parseFilterInstant(until, 'updatedUntil'),
    limit,
    cursor: one(q, 'cursor'),
  };
  if (query.updatedSince && query.updatedUntil && query.updatedSince > query.updatedUntil) {
    throw new CatsError('VALIDATION_FAILED', 'updatedSince is after updatedUntil', { field: 'updatedSince' });
  }
  return query;
}

export async function listMovements(deps: AppDeps, p: Principal, q: Query) {
  const query = parseMovementQuery(q);
  if (p.role === 'trader') {
    if (query.holder && query.holder !== p.traderId) throw new CatsError('FORBIDDEN', 'a holder sees its own movements only', { field: 'holder' });
    query.holder = p.traderId ?? '\u0000none';
  }
  const page = await deps.index.query(query, viewerOf(p, deps.config.org, deps.index));
  const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'cursor' && typeof v === 'string') as [string, string][]);
  if (page.nextCursor) params.set('cursor', page.nextCursor);
  return {
    items: page.items,
    nextCursor: page.nextCursor,
    indexedThroughBlock: deps.index.checkpoint()?.blockNumber ?? null,
    links: page.nextCursor ? { next: `/api/v1/movements?${params}` } : {},
  };
}
