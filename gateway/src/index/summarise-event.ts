// Folds one chaincode event into the index's movement summary. Event payloads are compact and differ by
// event; each field is taken when present, and what a payload lacks is kept from the previous summary.
import { isValidGrn, isValidMrn, isValidOfficeCode, officeCountry } from '../../../chaincode/src/domain/identifiers';
import type { IndexedMovement } from './indexed-types';
import { keyInstant } from './instant';

type Payload = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? [str((x as Payload).referenceNumber) ?? str((x as Payload).grn) ?? ''] : [])).filter(Boolean);
}

export function mrnOf(p: Payload): string | undefined {
  const m = str(p.mrn);
  return m && isValidMrn(m) ? m : undefined;
}

export function grnOf(p: Payload): string | undefined {
  const g = str(p.grn);
  return g && isValidGrn(g) ? g : undefined;
}

function officesIn(p: Payload): string[] {
  const all = [str(p.office), str(p.officeOfDeparture), str(p.officeOfDestination), ...strings(p.officesOfTransit), ...strings(p.officesOfExit)];
  return all.filter((o): o is string => !!o && isValidOfficeCode(o));
}

function grnsIn(p: Payload): string[] {
  const direct = strings(p.grns);
  const uses = Array.isArray(p.guarantees) ? strings(p.guarantees) : [];
  return [...direct, ...uses, ...(grnOf(p) ? [grnOf(p) as string] : [])].filter((g) => isValidGrn(g));
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

export function summarise(prev: IndexedMovement | undefined, mrn: string, eventName: string, txId: string, p: Payload): IndexedMovement {
  const at = keyInstant(str(p.timestamp));
  const offices = union(prev?.offices ?? [], officesIn(p));
  const countries = union(union(prev?.countries ?? [], strings(p.countries)), offices.map(officeCountry));
  return {
    mrn,
    lrn: str(p.lrn) ?? prev?.lrn,
    status: str(p.status) ?? prev?.status ?? 'UNKNOWN',
    holder: str(p.holderId) ?? str(p.holder) ?? prev?.holder,
    offices,
    countries,
    grns: union(prev?.grns ?? [], grnsIn(p)),
    createdAt: prev?.createdAt ?? at,
    // events arrive in ledger order; never move updatedAt backwards if a payload's clock is odd
    updatedAt: prev && prev.updatedAt > at ? prev.updatedAt : at,
    lastEvent: eventName,
    lastTxId: txId,
  };
}
