// Idempotency-Key for writes. The first request with a key runs; its answer is stored (in LevelDB, per
// user) and returned again for every later request with the same key and the same body. The same key
// with another body is refused (IDEMPOTENCY_KEY_REUSED): the client has a bug, and guessing would be worse.
// A concurrent duplicate waits for the first to finish. 5xx answers are not stored, so the client may retry.
import crypto from 'node:crypto';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { Db } from '../store/db';

export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

interface IdempotencyRecord {
  fingerprint: string;
  createdAt: number;
  response?: StoredResponse;
  /** set as soon as the write's transaction is with the orderer, before its answer is known */
  transactionId?: string;
}

/** Called by a write once its transaction is submitted: the key remembers the transaction id. */
export type OnSubmitted = (transactionId: string) => Promise<void>;

/**
 * The answer for a transaction submitted by an earlier run of the same key that never finished (its
 * gateway stopped), or undefined when that transaction is unknown (it never reached the orderer).
 */
export type Resume = (transactionId: string) => Promise<StoredResponse | undefined>;

export type Begin = { kind: 'new' } | { kind: 'replay'; response: StoredResponse };

const PREFIX = 'idem!';
const KEY = /^[\x21-\x7E]{1,255}$/;

export function fingerprintOf(method: string, path: string, contentType: string, body: Uint8Array): string {
  return crypto.createHash('sha256').update(`${method} ${path}\n${contentType}\n`).update(body).digest('hex');
}

export function checkIdempotencyKey(key: string): void {
  if (!KEY.test(key)) throw new CatsError('VALIDATION_FAILED', 'Idempotency-Key: 1 to 255 printable ASCII characters', { field: 'Idempotency-Key' });
}

export class IdempotencyStore {
  /** one queue per key: a duplicate waits for the first run, then finds its stored answer */
  private readonly locks = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 24 * 3600 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private dbKey(scope: string, key: string): string {
    return `${PREFIX}${scope}\u0000${key}`;
  }

  /**
   * Runs `work` once per (scope, key, fingerprint). Returns what `work` answered, or the stored answer of
   * an earlier run; throws IDEMPOTENCY_KEY_REUSED when the key was used for another body.
   */
  async run(scope: string, key: string, fingerprint: string, work: (onSubmitted: OnSubmitted) => Promise<StoredResponse>, resume?: Resume): Promise<{ response: StoredResponse; replayed: boolean }> {
    checkIdempotencyKey(key);
    const k = this.dbKey(scope, key);
    const previous = this.locks.get(k) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.locks.set(k, tail);
    await previous;
    try {
      const stored = (await this.db.get(k)) as IdempotencyRecord | undefined;
      const live = stored && this.now() - stored.createdAt < this.ttlMs ? stored : undefined;
      if (live) {
        if (live.fingerprint !== fingerprint) {
          throw new CatsError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used with another request body', { idempotencyKey: key });
        }
        if (live.response) return { response: live.response, replayed: true };
        // A run of this key started and never finished: its process stopped (in this process the lock
        // above would have waited for it). If it had submitted its transaction, answer from that
        // transaction (committed, failed, or still pending) instead of submitting the write a second time.
        if (live.transactionId && resume) {
          const resumed = await resume(live.transactionId);
          if (resumed) {
            if (resumed.status < 500 && resumed.status !== 202) await this.db.put(k, { ...live, response: resumed } satisfies IdempotencyRecord);
            return { response: resumed, replayed: true };
          }
        }
      }
      const createdAt = this.now();
      await this.db.put(k, { fingerprint, createdAt } satisfies IdempotencyRecord);
      const onSubmitted: OnSubmitted = (transactionId) => this.db.put(k, { fingerprint, createdAt, transactionId } satisfies IdempotencyRecord);
      let response: StoredResponse;
      try {
        response = await work(onSubmitted);
      } catch (e) {
        await this.db.del(k);
        throw e;
      }
      if (response.status >= 500) await this.db.del(k);
      else await this.db.put(k, { fingerprint, createdAt: this.now(), response } satisfies IdempotencyRecord);
      return { response, replayed: false };
    } finally {
      release();
      if (this.locks.get(k) === tail) this.locks.delete(k);
    }
  }
}
