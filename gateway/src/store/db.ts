// The gateway's one LevelDB (under CATS_DATA_DIR): idempotency records, transaction status, the movement
// index with its event checkpoint, webhook subscriptions. One database, so an index update and its
// checkpoint can be written in one atomic batch. Key spaces are separated by a prefix ('ix!', 'tx!', …).
import fs from 'node:fs';
import path from 'node:path';
import { Level } from 'level';

export type Db = Level<string, unknown>;

export async function openDb(dataDir: string): Promise<Db> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Level<string, unknown>(path.join(dataDir, 'gateway.leveldb'), { valueEncoding: 'json' });
  await db.open();
  return db;
}

/** Every value under `prefix`, in key order, between `gte` and `lt` suffixes. */
export async function* scan<V>(db: Db, prefix: string, opts: { gt?: string; gte?: string; lt?: string; limit?: number; reverse?: boolean } = {}): AsyncGenerator<[string, V]> {
  const range: Record<string, unknown> = {
    gte: prefix + (opts.gte ?? ''),
    lt: opts.lt !== undefined ? prefix + opts.lt : prefix + '\uffff',
    limit: opts.limit ?? -1,
    reverse: opts.reverse ?? false,
  };
  if (opts.gt !== undefined) {
    delete range.gte;
    range.gt = prefix + opts.gt;
  }
  for await (const [k, v] of db.iterator(range)) yield [k.slice(prefix.length), v as V];
}
