// A movement's timeline read back from the ledger (GET /movements/{mrn}): the status changes of the
// movement record and the records other administrations keep under their own keys (crossings,
// incidents, the arrival and control results, enquiry answers). Ordered by block, then by the step of
// the life cycle, because the ledger's timestamps have one-second resolution.
import type { ApiClient } from '../../api-client';
import { money } from '../../cli/format';
import type { TimelineEvent } from './types';

type Row = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

function byOf(r: Row | undefined): string {
  const actor = (r?.actor ?? {}) as Row;
  const msp = str(actor.mspId) ?? str(r?.mspId) ?? '';
  const user = str(actor.user);
  const org = msp.replace(/MSP$/, '');
  return user ? `${user}@${org}` : org;
}

/** Life-cycle rank, to order events committed in the same block or second. */
const RANK: Record<string, number> = {
  PRELODGED: 0, ACCEPTED: 1, GUARANTEE_INVALID: 2, UNDER_CONTROL: 3, RELEASED: 4, NOT_RELEASED: 4, CANCELLED: 4,
  INCIDENT: 5, 'BORDER CROSSED': 6, ARRIVED: 7, 'CONTROL RESULTS': 8, DISCREPANCIES: 9, CONTROLLED: 10, ENQUIRY: 11,
  'ENQUIRY ANSWERED': 12, RECOVERY: 13, RECOVERED: 14, WRITTEN_OFF: 15,
};

/** The movement view (body.movement of GET /movements/{mrn}) → events; `blocks` maps txId → block number. */
export function timelineOf(movement: Row, blocks: Map<string, number> = new Map()): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const push = (e: Omit<TimelineEvent, 'blockNumber'>) => out.push({ ...e, blockNumber: e.txId ? blocks.get(e.txId) : undefined });
  for (const t of rows(movement.timeline)) {
    const status = str(t.status) ?? '?';
    push({ at: str(t.at) ?? '', what: status, office: str(t.office), by: byOf(t), detail: statusDetail(status, movement), txId: str(t.txId) });
  }
  for (const c of rows(movement.crossings)) {
    push({ at: str(c.at) ?? '', what: 'BORDER CROSSED', office: str(c.office), by: byOf(c), detail: c.declared === false ? 'office not declared in the itinerary' : undefined, txId: str(c.txId) });
  }
  for (const i of rows(movement.incidents)) {
    push({ at: str(i.at) ?? '', what: 'INCIDENT', office: str(i.office), by: byOf(i), detail: `code ${String(i.code)}${str(i.text) ? `: ${String(i.text)}` : ''}`, txId: str(i.txId) });
  }
  const arrival = movement.arrival as Row | undefined;
  if (arrival) {
    const seals = arrival.sealsOk === true ? 'seals intact' : arrival.sealsOk === false ? 'seals NOT intact' : undefined;
    push({ at: str(arrival.arrivedAt) ?? '', what: 'ARRIVED', office: str(arrival.office), by: byOf(arrival), detail: seals, txId: str(arrival.txId) });
    const cr = arrival.controlResults as Row | undefined;
    if (cr) {
      push({ at: str(cr.at) ?? '', what: 'CONTROL RESULTS', office: str(arrival.office), by: byOf(cr) || byOf(arrival), detail: `${String(cr.code)}${str(cr.remarks) ? `: ${String(cr.remarks)}` : ''}`, txId: str(cr.txId) });
    }
  }
  for (const a of rows(movement.enquiryAnswers)) {
    push({ at: str(a.at) ?? '', what: 'ENQUIRY ANSWERED', office: str(a.office), by: byOf(a), detail: `${a.proofFound ? 'alternative proof found' : 'no proof'}${str(a.text) ? `: ${String(a.text)}` : ''}`, txId: str(a.txId) });
  }
  return out.sort((x, y) => {
    // not indexed yet (the index follows the chain's events) means among the latest
    const bx = x.blockNumber ?? Number.MAX_SAFE_INTEGER;
    const by = y.blockNumber ?? Number.MAX_SAFE_INTEGER;
    if (bx !== by) return bx - by;
    if (x.at !== y.at) return x.at < y.at ? -1 : 1;
    return (RANK[x.what] ?? 50) - (RANK[y.what] ?? 50);
  });
}

function statusDetail(status: string, m: Row): string | undefined {
  switch (status) {
    case 'ACCEPTED': {
      const g = rows(m.guarantees).map((u) => `${money(u.amount, u.currency)} on ${String(u.grn)}`);
      return g.length ? `MRN allocated; ${g.join(', ')} reserved` : 'MRN allocated';
    }
    case 'RELEASED':
      return str(m.timeLimit) ? `time limit ${String(m.timeLimit)}` : undefined;
    case 'DISCREPANCIES':
      return str((m.discrepancies as Row | undefined)?.description);
    case 'CONTROLLED':
      return str((m.discrepancies as Row | undefined)?.resolution) ? `discrepancies solved: ${String((m.discrepancies as Row).resolution)}` : undefined;
    case 'ENQUIRY':
      return 'no arrival by the time limit';
    default:
      return undefined;
  }
}

/** txId → block number, from the messages list of GET /movements/{mrn}. */
export function blocksOf(body: Row): Map<string, number> {
  const map = new Map<string, number>();
  for (const m of rows(body.messages)) {
    const tx = str(m.transactionId);
    const block = Number(m.blockNumber);
    if (tx && Number.isFinite(block)) map.set(tx, block);
  }
  return map;
}

/** The ledger's record of a movement and its timeline, read by `reader` (a customs user sees it all). */
export async function readTimeline(reader: ApiClient, mrn: string): Promise<{ movement: Row; timeline: TimelineEvent[] }> {
  const body = await reader.get<Row>(`/movements/${mrn}`);
  const movement = (body.movement ?? {}) as Row;
  return { movement, timeline: timelineOf(movement, blocksOf(body)) };
}
