// The steps every movement transition shares: check the current status, record the new one on the
// timeline, save, and emit the one event of the transaction.

import type { Context } from 'fabric-contract-api';
import type { Caller } from '../access/caller';
import { CatsError } from '../domain/errors';
import type { MovementStatus } from '../domain/roles';
import { TERMINAL_STATUSES } from '../domain/roles';
import { emit } from '../ledger/events';
import { putJson } from '../ledger/state';
import { stepOf } from '../ledger/step';
import type { Movement } from './model';
import { movementKey } from './store';

export function requireStatus(m: Movement, current: MovementStatus, allowed: readonly MovementStatus[], action: string): void {
  if (!allowed.includes(current)) {
    throw new CatsError('INVALID_STATE_TRANSITION', `mrn: movement ${m.mrn} is ${current}; ${action} needs ${allowed.join(' or ')}`, {
      field: 'mrn',
      mrn: m.mrn,
      status: current,
    });
  }
}

export function isTerminal(s: MovementStatus): boolean {
  return TERMINAL_STATUSES.includes(s);
}

export function advance(ctx: Context, caller: Caller, m: Movement, status: MovementStatus, office?: string): Movement {
  m.status = status;
  m.timeline = [...m.timeline, { status, ...stepOf(ctx, caller), office }];
  return m;
}

export async function saveMovement(ctx: Context, m: Movement): Promise<void> {
  await putJson(ctx, movementKey(ctx, m.mrn), m);
}

/** The event payload: enough for an off-chain index and for guarantors to follow their guarantees. */
export function announce(ctx: Context, caller: Caller, event: string, m: Movement, status: MovementStatus, office?: string, extra: Record<string, unknown> = {}): void {
  emit(ctx, event, caller, {
    mrn: m.mrn,
    lrn: m.lrn,
    holderId: m.holderId,
    status,
    office,
    officeOfDeparture: m.officeOfDeparture,
    grns: m.guarantees.map((g) => g.grn),
    ...extra,
  });
}
