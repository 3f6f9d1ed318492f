// GET /movements/{mrn}: the ledger's record (as the caller may see it), one merged chronological
// timeline of every step recorded for it (movement-timeline.ts), and the messages exchanged (from the
// index's events for that MRN).
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidMrn } from '../../../chaincode/src/domain/identifiers';
import type { AppDeps } from '../app-deps';
import type { Principal } from '../auth/principal';
import { evaluate } from '../fabric/evaluate';
import { messagesOfEvent } from './event-messages';
import { mergedTimeline } from './movement-timeline';

export function checkMrn(mrn: string): void {
  if (!isValidMrn(mrn)) throw new CatsError('INVALID_IDENTIFIER', `'${mrn}' is not a valid MRN`, { field: 'mrn' });
}

export async function readMovement(deps: AppDeps, p: Principal, mrn: string): Promise<Record<string, unknown>> {
  checkMrn(mrn);
  const movement = (await evaluate(deps.fabric, p.userId, 'movement:Get', { mrn })) as Record<string, unknown>;
  const events = await deps.index.eventsOf(mrn);
  const messages = events.flatMap((e) =>
    messagesOfEvent(e.name).map((ie) => ({ message: ie, event: e.name, transactionId: e.transactionId, blockNumber: e.blockNumber, at: e.payload.timestamp })),
  );
  return { movement, timeline: mergedTimeline(movement), messages, links: { self: `/api/v1/movements/${mrn}`, audit: `/api/v1/audit/movements/${mrn}` } };
}
