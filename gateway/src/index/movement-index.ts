// The off-chain index: movement summaries with one key family per list filter, the event feed, and the
// checkpoint of the event stream. apply() writes an event's index changes AND the new checkpoint in one
// LevelDB batch: after a crash the stream resumes right after the last applied transaction, so nothing
// is missed and nothing is applied twice.
import type { AbstractBatchOperation } from 'abstract-level';
import type { Db } from '../store/db';
import { scan } from '../store/db';
import {
  ALL_PREFIX, CHECKPOINT_KEY, EVENT_PREFIX, type FilterField, allKey, cursorOfPosition, decodeListCursor, encodeListCursor, eventKey,
  filterKey, filterPrefix, guaranteeKey, INDEX_VERSION, movementKey, officeStatusValue, position, subjectKey, subjectPrefix, VERSION_KEY,
} from './index-keys';
import type { FeedEvent, IndexedGuarantee, IndexedMovement, StoredCheckpoint } from './indexed-types';
import { keyInstant } from './instant';
import { grnOf, mrnOf, summarise } from './summarise-event';
import { canSeeMovement, type Viewer } from './visibility';

export type BatchOp = AbstractBatchOperation<Db, string, unknown>;

export interface RawEvent {
  blockNumber: bigint;
  transactionId: string;
  eventName: string;
  payload: Record<string, unknown>;
}

export interface MovementQuery {
  status?: string;
  office?: string;
  holder?: string;
  country?: string;
  /** normalised UTC instants (index/instant.ts) */
  updatedSince?: string;
  updatedUntil?: string;
  limit: number;
  cursor?: string;
}

/** Extra writes that must land in the same batch as an event (webhook deliveries). */
export type EventHook = (event: FeedEvent, movement: IndexedMovement | undefined) => Promise<BatchOp[]>;

const MAX_SCAN = 5000;

export class MovementIndex {
  private checkpointCache: StoredCheckpoint | undefined;
  private readonly guarantors = new Map<string, string>();
  private readonly hooks: EventHook[] = [];
  private readonly listeners: ((e: FeedEvent) => void)[] = [];

  constructor(readonly db: Db) {}

  async open(): Promise<void> {
    if ((await this.db.get(VERSION_KEY)) !== INDEX_VERSION) {
      // Built with another key layout (or never): start again from the ledger's first block.
      await this.db.clear({ gte: 'ix!', lt: 'ix"' });
      await this.db.put(VERSION_KEY, INDEX_VERSION);
    }
    this.checkpointCache = (await this.db.get(CHECKPOINT_KEY)) as StoredCheckpoint | undefined;
    for await (const [, g] of scan<IndexedGuarantee>(this.db, 'ix!g!')) if (g.guarantorMspId) this.guarantors.set(g.grn, g.guarantorMspId);
  }

  checkpoint(): StoredCheckpoint | undefined {
    return this.checkpointCache;
  }

  guarantorOf(grn: string): string | undefined {
    return this.guarantors.get(grn);
  }

  addHook(h: EventHook): void {
    this.hooks.push(h);
  }

  onApplied(l: (e: FeedEvent) => void): void {
    this.listeners.push(l);
  }

  async getMovement(mrn: string): Promise<IndexedMovement | undefined> {
    return (await this.db.get(movementKey(mrn))) as IndexedMovement | undefined;
  }

  /** Applies one event and advances the checkpoint, atomically. Returns the feed entry. */
  async apply(e: RawEvent): Promise<FeedEvent> {
    const prev = this.checkpointCache;
    const ordinal = prev && BigInt(prev.blockNumber) === e.blockNumber ? prev.ordinal + 1 : 0;
    const pos = position(e.blockNumber, ordinal);
    const mrn = mrnOf(e.payload);
    const grn = grnOf(e.payload);
    const feed: FeedEvent = {
      id: e.transactionId,
      cursor: cursorOfPosition(pos),
      name: e.eventName,
      blockNumber: e.blockNumber.toString(),
      transactionId: e.transactionId,
      ...(mrn ? { mrn } : {}),
      ...(grn ? { grn } : {}),
      payload: e.payload,
    };
    const ops: BatchOp[] = [{ type: 'put', key: eventKey(pos), value: feed }];
    let movement: IndexedMovement | undefined;
    if (mrn) {
      const old = await this.getMovement(mrn);
      movement = summarise(old, mrn, e.eventName, e.transactionId, e.payload);
      if (old) ops.push(...this.secondaryKeys(old).map((key): BatchOp => ({ type: 'del', key })));
      ops.push({ type: 'put', key: movementKey(mrn), value: movement });
      ops.push(...this.secondaryKeys(movement).map((key): BatchOp => ({ type: 'put', key, value: '' })));
      ops.push({ type: 'put', key: subjectKey(mrn, pos), value: '' });
    }
    if (grn) {
      ops.push({ type: 'put', key: subjectKey(grn, pos), value: '' });
      const old = (await this.db.get(guaranteeKey(grn))) as IndexedGuarantee | undefined;
      const p = e.payload;
      const g: IndexedGuarantee = {
        grn,
        status: typeof p.status === 'string' ? p.status : old?.status,
        holder: typeof p.holderId === 'string' ? p.holderId : old?.holder,
        guarantorMspId: typeof p.guarantorMspId === 'string' ? p.guarantorMspId : old?.guarantorMspId,
        updatedAt: keyInstant(typeof p.timestamp === 'string' ? p.timestamp : undefined),
      };
      ops.push({ type: 'put', key: guaranteeKey(grn), value: g });
      if (g.guarantorMspId) this.guarantors.set(grn, g.guarantorMspId);
    }
    for (const hook of this.hooks) ops.push(...(await hook(feed, movement)));
    const checkpoint: StoredCheckpoint = { blockNumber: e.blockNumber.toString(), transactionId: e.transactionId, ordinal };
    ops.push({ type: 'put', key: CHECKPOINT_KEY, value: checkpoint });
    await this.db.batch(ops);
    this.checkpointCache = checkpoint;
    for (const l of this.listeners) l(feed);
    return feed;
  }

  private secondaryKeys(m: IndexedMovement): string[] {
    const keys = [allKey(m.updatedAt, m.mrn), filterKey('status', m.status, m.updatedAt, m.mrn)];
    if (m.holder) keys.push(filterKey('holder', m.holder, m.updatedAt, m.mrn));
    for (const o of m.offices) {
      keys.push(filterKey('office', o, m.updatedAt, m.mrn));
      keys.push(filterKey('officeStatus', officeStatusValue(o, m.status), m.updatedAt, m.mrn));
    }
    for (const c of m.countries) keys.push(filterKey('country', c, m.updatedAt, m.mrn));
    return keys;
  }

  /** One page of movements, oldest update first, through the most selective key family. */
  async query(q: MovementQuery, viewer: Viewer): Promise<{ items: IndexedMovement[]; nextCursor: string | null }> {
    const chosen = (['holder', 'office', 'status', 'country'] as FilterField[]).find((f) => q[f]);
    const prefix =
      q.office && q.status && !q.holder
        ? filterPrefix('officeStatus', officeStatusValue(q.office, q.status))
        : chosen
          ? filterPrefix(chosen, q[chosen] as string)
          : ALL_PREFIX;
    const after = q.cursor ? decodeListCursor(q.cursor) : undefined;
    const range = {
      ...(after ? { gt: after } : q.updatedSince ? { gte: q.updatedSince } : {}),
      ...(q.updatedUntil ? { lt: q.updatedUntil + '\uffff' } : {}),
    };
    const items: IndexedMovement[] = [];
    let last: string | undefined;
    let scanned = 0;
    for await (const [suffix] of scan(this.db, prefix, range)) {
      if (items.length === q.limit || scanned >= MAX_SCAN) return { items, nextCursor: encodeListCursor(last ?? suffix) };
      scanned++;
      last = suffix;
      const mrn = suffix.slice(suffix.lastIndexOf('!') + 1);
      const m = await this.getMovement(mrn);
      if (!m || !this.matches(m, q) || !canSeeMovement(viewer, m)) continue;
      items.push(m);
    }
    return { items, nextCursor: null };
  }

  private matches(m: IndexedMovement, q: MovementQuery): boolean {
    if (q.status && m.status !== q.status) return false;
    if (q.holder && m.holder !== q.holder) return false;
    if (q.office && !m.offices.includes(q.office)) return false;
    if (q.country && !m.countries.includes(q.country)) return false;
    if (q.updatedSince && m.updatedAt < q.updatedSince) return false;
    if (q.updatedUntil && m.updatedAt > q.updatedUntil) return false;
    return true;
  }

  /** The pull feed: events after `afterPosition`, in ledger order. */
  async events(afterPosition: string | undefined, limit: number, visible: (e: FeedEvent) => Promise<boolean>): Promise<{ items: FeedEvent[]; nextCursor: string | null }> {
    const items: FeedEvent[] = [];
    let lastPos: string | undefined = afterPosition;
    let scanned = 0;
    for await (const [pos, e] of scan<FeedEvent>(this.db, EVENT_PREFIX, afterPosition ? { gt: afterPosition } : {})) {
      if (items.length === limit || scanned >= MAX_SCAN) break;
      scanned++;
      lastPos = pos;
      if (await visible(e)) items.push(e);
    }
    return { items, nextCursor: lastPos ? cursorOfPosition(lastPos) : null };
  }

  /** Every event about one MRN or GRN, in ledger order (the messages exchanged). */
  async eventsOf(subject: string): Promise<FeedEvent[]> {
    const out: FeedEvent[] = [];
    for await (const [pos] of scan(this.db, subjectPrefix(subject))) {
      const e = (await this.db.get(eventKey(pos))) as FeedEvent | undefined;
      if (e) out.push(e);
    }
    return out;
  }
}
