// One chronological timeline of a movement, merged from the records the ledger keeps apart (each under
// the key of the administration that wrote it): the departure record's steps, border crossings,
// incidents, the arrival record (arrival, unloading permission and remarks, control results) and enquiry
// answers. Discrepancies, enquiry, recovery and write-off are steps of the departure record. Every entry
// says when, what (a status reached, or an event that changes none), at which office, who acted
// (organisation and user) and in which transaction.

export interface TimelineEntry {
  at: string;
  status?: string;
  event?: string;
  office?: string;
  actor: { mspId?: string; user?: string };
  txId?: string;
}

type Row = Record<string, unknown>;

/**
 * Ledger time has one-second resolution, so steps of one second are put in life-cycle order. Index of
 * the entry's status or event in this list (unknown names go last, in the order they came).
 */
const LIFE_CYCLE = [
  'PRELODGED', 'ACCEPTED', 'GUARANTEE_INVALID', 'UNDER_CONTROL', 'NOT_RELEASED', 'CANCELLED', 'RELEASED',
  'BORDER_CROSSED', 'INCIDENT', 'ARRIVED', 'UNLOADING_PERMITTED', 'UNLOADING_REMARKS', 'CONTROL_RESULTS',
  'DISCREPANCIES', 'CONTROLLED', 'ENQUIRY', 'ENQUIRY_ANSWERED', 'RECOVERY', 'RECOVERED', 'WRITTEN_OFF',
];

const rank = (e: TimelineEntry): number => {
  const i = LIFE_CYCLE.indexOf(e.event ?? e.status ?? '');
  return i < 0 ? LIFE_CYCLE.length : i;
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Records written before actors carried the user have only an MSP id. */
function actorOf(r: Row): TimelineEntry['actor'] {
  const a = r.actor as Row | undefined;
  return a ? { mspId: str(a.mspId), user: str(a.user) } : { mspId: str(r.mspId) };
}

function entry(r: Row | undefined, what: { status?: string; event?: string }, office: unknown, at: unknown = r?.at): TimelineEntry[] {
  if (!r || typeof at !== 'string') return [];
  return [{ at, ...what, office: str(office), actor: actorOf(r), txId: str(r.txId) }];
}

const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

/** `movement` is what the chaincode's movement:Get returns. */
export function mergedTimeline(movement: Row): TimelineEntry[] {
  const arrival = movement.arrival as Row | undefined;
  const arrivalOffice = arrival?.office;
  const all: TimelineEntry[] = [
    ...rows(movement.timeline).flatMap((t) => entry(t, { status: str(t.status) }, t.office)),
    ...rows(movement.crossings).flatMap((c) => entry(c, { event: 'BORDER_CROSSED' }, c.office)),
    ...rows(movement.incidents).flatMap((i) => entry(i, { event: 'INCIDENT' }, i.office)),
    ...entry(arrival, { status: 'ARRIVED', event: 'ARRIVED' }, arrivalOffice, arrival?.arrivedAt),
    ...entry(arrival?.unloadingPermission as Row | undefined, { status: 'UNLOADING', event: 'UNLOADING_PERMITTED' }, arrivalOffice),
    ...entry(arrival?.unloadingRemarks as Row | undefined, { event: 'UNLOADING_REMARKS' }, arrivalOffice),
    ...entry(arrival?.controlResults as Row | undefined, { status: 'CONTROLLED', event: 'CONTROL_RESULTS' }, arrivalOffice),
    ...rows(movement.enquiryAnswers).flatMap((x) => entry(x, { event: 'ENQUIRY_ANSWERED' }, x.office)),
  ];
  // Array.prototype.sort is stable: same second and same rank keep the order the ledger gave.
  return all.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : rank(x) - rank(y)));
}
