// Reading and writing JSON records under composite keys. Every write is canonical JSON so that all
// endorsing peers produce the same bytes.

import type { Context } from 'fabric-contract-api';
import { canonicalBytes } from '../domain/canonical-json';

const decoder = new TextDecoder();

export function key(ctx: Context, type: string, parts: string[]): string {
  return ctx.stub.createCompositeKey(type, parts);
}

export async function getJson<T>(ctx: Context, k: string): Promise<T | undefined> {
  const bytes = await ctx.stub.getState(k);
  return bytes && bytes.length > 0 ? (JSON.parse(decoder.decode(bytes)) as T) : undefined;
}

export async function putJson(ctx: Context, k: string, value: unknown): Promise<void> {
  await ctx.stub.putState(k, canonicalBytes(value));
}

export async function exists(ctx: Context, k: string): Promise<boolean> {
  const bytes = await ctx.stub.getState(k);
  return !!bytes && bytes.length > 0;
}

/** All records under a partial composite key, in key order. */
export async function listJson<T>(ctx: Context, type: string, parts: string[]): Promise<T[]> {
  const out: T[] = [];
  for await (const kv of ctx.stub.getStateByPartialCompositeKey(type, parts)) {
    if (kv.value && kv.value.length > 0) out.push(JSON.parse(decoder.decode(kv.value)) as T);
  }
  return out;
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
