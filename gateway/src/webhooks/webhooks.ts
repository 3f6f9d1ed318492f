// Push delivery of feed events to subscribers. A delivery is queued in the SAME LevelDB batch that applies
// the event to the index, so an event is never lost between the two; the deliverer posts queued items,
// deletes them on a 2xx, and otherwise retries with exponential backoff. Each event is delivered at least
// once, carrying its id (the transaction id) so the receiver can drop duplicates.
import crypto from 'node:crypto';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { NetworkOrg } from '../../../network/src/network-file';
import type { Principal } from '../auth/principal';
import type { FeedEvent, IndexedMovement } from '../index/indexed-types';
import type { BatchOp, MovementIndex } from '../index/movement-index';
import { canSeeEvent, viewerOf } from '../index/viewer';
import { log } from '../observability/log';
import type { GatewayMetrics } from '../observability/metrics';
import { scan, type Db } from '../store/db';
import { backoffMs } from '../transactions/backoff';
import { signDelivery } from './signature';

export interface Subscription {
  id: string;
  url: string;
  secret: string;
  /** event names; empty = all */
  events: string[];
  owner: Principal;
  createdAt: string;
}

interface Queued {
  subscriptionId: string;
  event: FeedEvent;
  attempts: number;
  nextAttemptAt: number;
}

const SUB = 'wh!s!';
/** The queue, keyed by when a delivery is due: a pass reads only what is due, however long the queue. */
const QUEUE = 'wh!t!';
/** The queue's earlier layout (by subscription, not due time), moved to QUEUE at open. */
const OLD_QUEUE = 'wh!q!';
const DEAD = 'wh!d!';

/** `<due ms, 15 digits>!<subscription>!<cursor>`: key order is due order, then event order. */
const queueKey = (q: Queued): string => `${String(q.nextAttemptAt).padStart(15, '0')}!${q.subscriptionId}!${q.event.cursor.padStart(30, '0')}`;
const MAX_ATTEMPTS = 12;

export class Webhooks {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private subs = new Map<string, Subscription>();

  constructor(
    private readonly db: Db,
    private readonly org: NetworkOrg,
    private readonly index: MovementIndex,
    private readonly metrics: GatewayMetrics,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async open(): Promise<void> {
    for await (const [, s] of scan<Subscription>(this.db, SUB)) this.subs.set(s.id, s);
    const moved: BatchOp[] = [];
    for await (const [k, q] of scan<Queued>(this.db, OLD_QUEUE)) moved.push({ type: 'del', key: OLD_QUEUE + k }, { type: 'put', key: QUEUE + queueKey(q), value: q });
    if (moved.length) await this.db.batch(moved);
    this.index.addHook((e, m) => this.enqueue(e, m));
    this.timer = setInterval(() => void this.deliverDue(), 250);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async subscribe(owner: Principal, body: Record<string, unknown>): Promise<Subscription> {
    const url = body.url;
    if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url)) throw new CatsError('VALIDATION_FAILED', 'url: an http(s) URL is required', { field: 'url' });
    const events = body.events === undefined ? [] : body.events;
    if (!Array.isArray(events) || !events.every((e) => typeof e === 'string')) throw new CatsError('VALIDATION_FAILED', 'events: a list of event names', { field: 'events' });
    const secret = body.secret === undefined ? crypto.randomBytes(32).toString('base64url') : body.secret;
    if (typeof secret !== 'string' || secret.length < 16) throw new CatsError('VALIDATION_FAILED', 'secret: at least 16 characters', { field: 'secret' });
    const sub: Subscription = { id: crypto.randomUUID(), url, secret, events, owner, createdAt: new Date().toISOString() };
    await this.db.put(SUB + sub.id, sub);
    this.subs.set(sub.id, sub);
    return sub;
  }

  list(owner: Principal): Omit<Subscription, 'secret'>[] {
    return [...this.subs.values()].filter((s) => s.owner.userId === owner.userId).map(({ secret: _s, ...rest }) => rest);
  }

  async unsubscribe(owner: Principal, id: string): Promise<void> {
    const s = this.subs.get(id);
    if (!s || s.owner.userId !== owner.userId) throw new CatsError('NOT_FOUND', `no webhook ${id}`, { id });
    this.subs.delete(id);
    await this.db.del(SUB + id);
  }

  private async enqueue(e: FeedEvent, m: IndexedMovement | undefined): Promise<BatchOp[]> {
    const ops: BatchOp[] = [];
    for (const s of this.subs.values()) {
      if (s.events.length && !s.events.includes(e.name)) continue;
      // `m` is the movement after this event: its first event is not in the index until this batch is written
      if (!(await canSeeEvent(viewerOf(s.owner, this.org, this.index), e, this.index, m))) continue;
      const q: Queued = { subscriptionId: s.id, event: e, attempts: 0, nextAttemptAt: 0 };
      ops.push({ type: 'put', key: QUEUE + queueKey(q), value: q });
    }
    return ops;
  }

  /** One pass over the queue: every due delivery is attempted (in parallel per pass, bounded). */
  async deliverDue(now = Date.now()): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const due: [string, Queued][] = [];
      for await (const entry of scan<Queued>(this.db, QUEUE, { lt: `${String(now + 1).padStart(15, '0')}`, limit: 32 })) due.push(entry);
      await Promise.all(due.map(([k, q]) => this.attempt(k, q)));
    } finally {
      this.busy = false;
    }
  }

  private async attempt(key: string, q: Queued): Promise<void> {
    const sub = this.subs.get(q.subscriptionId);
    if (!sub) return void (await this.db.del(QUEUE + key));
    const body = JSON.stringify(q.event);
    const t = Math.floor(Date.now() / 1000);
    let ok = false;
    try {
      const res = await this.fetchImpl(sub.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-cats-event-id': q.event.id,
          'x-cats-event': q.event.name,
          'x-cats-delivery-attempt': String(q.attempts + 1),
          'x-cats-signature': signDelivery(sub.secret, t, body),
        },
        body,
        signal: AbortSignal.timeout(5000),
      });
      ok = res.ok;
      await res.body?.cancel();
    } catch {
      ok = false;
    }
    this.metrics.webhookDeliveries.inc({ outcome: ok ? 'delivered' : 'failed' });
    if (ok) return void (await this.db.del(QUEUE + key));
    const attempts = q.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      log.warn('webhook delivery abandoned', { subscription: sub.id, event: q.event.id });
      await this.db.batch([{ type: 'del', key: QUEUE + key }, { type: 'put', key: DEAD + key, value: { ...q, attempts } }]);
      return;
    }
    const next: Queued = { ...q, attempts, nextAttemptAt: Date.now() + backoffMs(attempts, 500, 3600_000) };
    await this.db.batch([{ type: 'del', key: QUEUE + key }, { type: 'put', key: QUEUE + queueKey(next), value: next }]);
  }
}
