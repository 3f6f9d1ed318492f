// Reading and writing JSON records under composite keys. Every write is canonical JSON so that all
// endorsing peers produce the same bytes.
//
// Reads are remembered for the rest of the transaction. Fabric answers every read of a transaction from
// the state before it (never from its own writes), so a second read of a key or range gives the same bytes
// as the first; each read is a round trip to the peer, and every range read is run again by every peer
// when it validates the block (a declaration read 17 times, 5 of them repeats: issue 7). Values are
// parsed at each read, so a caller that changes what it got does not change what the next one gets.

import type { Context } from 'fabric-contract-api';
import { canonicalBytes } from '../domain/canonical-json';

const decoder = new TextDecoder();

export function key(ctx: Context, type: string, parts: string[]): string {
  return ctx.stub.createCompositeKey(type, parts);
}

/** What this transaction has read so far, by key (`k`) or by range (`r`): one map per stub, i.e. per transaction. */
const readsOf = new WeakMap<object, Map<string, Promise<Uint8Array | Uint8Array[]>>>();

function readOnce<T extends Uint8Array | Uint8Array[]>(ctx: Context, id: string, read: () => Promise<T>): Promise<T> {
  let reads = readsOf.get(ctx.stub);
  if (!reads) readsOf.set(ctx.stub, (reads = new Map()));
  let got = reads.get(id);
  if (!got) reads.set(id, (got = read()));
  return got as Promise<T>;
}

const stateOf = (ctx: Context, k: string): Promise<Uint8Array> => readOnce(ctx, `k${k}`, () => ctx.stub.getState(k));

export async function getJson<T>(ctx: Context, k: string): Promise<T | undefined> {
  const bytes = await stateOf(ctx, k);
  return bytes && bytes.length > 0 ? (JSON.parse(decoder.decode(bytes)) as T) : undefined;
}

export async function putJson(ctx: Context, k: string, value: unknown): Promise<void> {
  await ctx.stub.putState(k, canonicalBytes(value));
}

export async function exists(ctx: Context, k: string): Promise<boolean> {
  const bytes = await stateOf(ctx, k);
  return !!bytes && bytes.length > 0;
}

/** All records under a partial composite key, in key order. */
export async function listJson<T>(ctx: Context, type: string, parts: string[]): Promise<T[]> {
  const values = await readOnce(ctx, `r${JSON.stringify([type, parts])}`, async () => {
    const found: Uint8Array[] = [];
    for await (const kv of ctx.stub.getStateByPartialCompositeKey(type, parts)) if (kv.value && kv.value.length > 0) found.push(kv.value);
    return found;
  });
  return values.map((v) => JSON.parse(decoder.decode(v)) as T);
}

export async function getPrivateJson<T>(ctx: Context, collection: string, k: string): Promise<T | undefined> {
  const bytes = await ctx.stub.getPrivateData(collection, k);
  return bytes && bytes.length > 0 ? (JSON.parse(decoder.decode(bytes)) as T) : undefined;
}

export async function putPrivateJson(ctx: Context, collection: string, k: string, value: unknown): Promise<void> {
  await ctx.stub.putPrivateData(collection, k, canonicalBytes(value));
}

export function transientString(ctx: Context, name: string): string | undefined {
  const v = ctx.stub.getTransient().get(name);
  return v === undefined ? undefined : decoder.decode(v);
}

/** The implicit per-organisation collection: needs no collection configuration. */
export function implicitCollection(mspId: string): string {
  return `_implicit_org_${mspId}`;
}
