// Reading movements: the public record with its event records, by MRN or LRN, its history from the ledger,
// and the consignment details from the caller's own implicit collection.

import type { Context } from 'fabric-contract-api';
import { type Caller, requireOrgKind } from '../access/caller';
import { CatsError } from '../domain/errors';
import { isValidLrn, isValidTraderId } from '../domain/identifiers';
import { findGuarantee } from '../guarantee/store';
import { ident, parseArgs } from '../ledger/args';
import { isoFromEpochSeconds } from '../domain/time';
import { getJson, getPrivateJson, implicitCollection } from '../ledger/state';
import { requireMovementReader } from './access';
import { loadMovement } from './load';
import type { Movement, MovementDetails } from './model';
import { answersOf, crossingsOf, detailsKey, effectiveStatus, findArrival, incidentsOf, lrnKey, movementKey, requireMovement } from './store';

const guarantorOf = (ctx: Context) => async (grn: string) => (await findGuarantee(ctx, grn))?.guarantorMspId;

async function view(ctx: Context, m: Movement): Promise<Record<string, unknown>> {
  const arrival = await findArrival(ctx, m.mrn);
  return {
    ...m,
    status: effectiveStatus(m, arrival),
    departureStatus: m.status,
    arrival,
    crossings: await crossingsOf(ctx, m.mrn),
    incidents: await incidentsOf(ctx, m.mrn),
    enquiryAnswers: m.enquiry ? await answersOf(ctx, m.mrn) : [],
  };
}

/** {mrn} */
export async function get(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { m } = await loadMovement(ctx, json);
  await requireMovementReader(ctx, caller, m, guarantorOf(ctx));
  return view(ctx, m);
}

/** {lrn, holderId?}: a trader's own LRN, or customs naming the holder. */
export async function getByLrn(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const a = parseArgs(json);
  const lrn = ident(a, 'lrn', isValidLrn, 'LRN');
  const holderId = caller.role === 'trader' ? caller.traderId ?? '' : ident(a, 'holderId', isValidTraderId, 'trader id');
  const index = await getJson<{ mrn: string }>(ctx, lrnKey(ctx, holderId, lrn));
  if (!index) throw new CatsError('UNKNOWN_MOVEMENT', `lrn: no movement with LRN ${lrn} for holder ${holderId}`, { field: 'lrn' });
  const m = await requireMovement(ctx, index.mrn);
  await requireMovementReader(ctx, caller, m, guarantorOf(ctx));
  return view(ctx, m);
}

/** {mrn}: every committed version of the movement record, oldest first. */
export async function history(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { m } = await loadMovement(ctx, json);
  await requireMovementReader(ctx, caller, m, guarantorOf(ctx));
  const out: Record<string, unknown>[] = [];
  for await (const h of ctx.stub.getHistoryForKey(movementKey(ctx, m.mrn))) {
    const v = h.isDelete || !h.value?.length ? undefined : (JSON.parse(new TextDecoder().decode(h.value)) as Movement);
    const last = v?.timeline[v.timeline.length - 1];
    out.push({
      txId: h.txId,
      timestamp: isoFromEpochSeconds(BigInt(String(h.timestamp?.seconds ?? 0))),
      status: v?.status,
      office: last?.office,
      actor: last?.actor,
      isDelete: h.isDelete,
    });
  }
  return out.reverse().sort((x, y) => (String(x.timestamp) < String(y.timestamp) ? -1 : String(x.timestamp) > String(y.timestamp) ? 1 : 0));
}

/** {mrn}: consignment details from the caller's own organisation's implicit collection (customs only). */
export async function getDetails(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { m } = await loadMovement(ctx, json);
  await requireOrgKind(ctx, caller, 'CUSTOMS');
  if (caller.role === 'trader') throw new CatsError('FORBIDDEN_ROLE', 'cats.role: traders read their declaration from their own records', { field: 'cats.role' });
  const details = await getPrivateJson<MovementDetails>(ctx, implicitCollection(caller.mspId), detailsKey(ctx, m.mrn));
  if (!details) throw new CatsError('NOT_FOUND', `mrn: ${caller.mspId} holds no details of ${m.mrn}`, { field: 'mrn' });
  return details;
}
