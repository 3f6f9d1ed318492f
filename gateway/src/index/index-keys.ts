// Key layout of the off-chain index (all under 'ix!' in the gateway's LevelDB). Each list filter has its
// own key family ordered by update time, so a filtered page is one range scan:
//   ix!m!<mrn>                                   → IndexedMovement
//   ix!f!<field>!<value>!<updatedAt>!<mrn>       → '' (field: status, office, holder, country, and
//                                                   officeStatus '<office>|<status>': an officer's worklist)
//   ix!u!<updatedAt>!<mrn>                       → '' (every movement)
//   ix!e!<block:20>!<ordinal:6>                  → FeedEvent (the pull feed, in ledger order)
//   ix!r!<subject>!<block:20>!<ordinal:6>        → '' (events of one MRN or GRN: the messages exchanged)
//   ix!g!<grn>                                   → IndexedGuarantee
//   ix!cp                                        → Checkpoint (written in the same batch as the rest)
//   ix!v                                         → INDEX_VERSION: a gateway finding another version rebuilds
//                                                   the index from the ledger (block 0)
import { CatsError } from '../../../chaincode/src/domain/errors';

export const FILTER_FIELDS = ['status', 'office', 'holder', 'country'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
/** Key families: the single filters, and office with status together (an officer's worklist asks both). */
export type KeyFamily = FilterField | 'officeStatus';
export const officeStatusValue = (office: string, status: string) => `${office}|${status}`;

/** Raised when the key layout changes: older indexes are rebuilt from the ledger. */
export const INDEX_VERSION = 2;
export const VERSION_KEY = 'ix!v';

const SEP = '!';

export const movementKey = (mrn: string) => `ix!m!${mrn}`;
export const guaranteeKey = (grn: string) => `ix!g!${grn}`;
export const CHECKPOINT_KEY = 'ix!cp';
export const filterPrefix = (field: KeyFamily, value: string) => `ix!f!${field}${SEP}${value}${SEP}`;
export const filterKey = (field: KeyFamily, value: string, updatedAt: string, mrn: string) => `${filterPrefix(field, value)}${updatedAt}${SEP}${mrn}`;
export const ALL_PREFIX = 'ix!u!';
export const allKey = (updatedAt: string, mrn: string) => `${ALL_PREFIX}${updatedAt}${SEP}${mrn}`;
export const EVENT_PREFIX = 'ix!e!';
export const subjectPrefix = (subject: string) => `ix!r!${subject}${SEP}`;

export function position(blockNumber: bigint | string, ordinal: number): string {
  return `${String(blockNumber).padStart(20, '0')}${SEP}${String(ordinal).padStart(6, '0')}`;
}
export const eventKey = (pos: string) => EVENT_PREFIX + pos;
export const subjectKey = (subject: string, pos: string) => subjectPrefix(subject) + pos;

/** Feed cursor '<block>.<ordinal>' (what clients see) ↔ position in keys. */
export function cursorOfPosition(pos: string): string {
  const [b, o] = pos.split(SEP);
  return `${BigInt(b)}.${Number(o)}`;
}

export function positionOfCursor(cursor: string, field = 'after'): string {
  const m = /^(\d{1,20})\.(\d{1,6})$/.exec(cursor);
  if (!m) throw new CatsError('VALIDATION_FAILED', `${field}: a cursor '<block>.<n>' from an earlier page is expected`, { field, value: cursor });
  return position(m[1], Number(m[2]));
}

/** List cursors are opaque to clients: the suffix of the last key returned, base64url. */
export function encodeListCursor(suffix: string): string {
  return Buffer.from(suffix, 'utf8').toString('base64url');
}

export function decodeListCursor(cursor: string): string {
  const s = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z!\w+$/.test(s)) throw new CatsError('VALIDATION_FAILED', 'cursor: not a cursor from an earlier page', { field: 'cursor' });
  return s;
}
