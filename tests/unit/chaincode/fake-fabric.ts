// A small in-memory stand-in for a peer: committed world state, private data, key-level policies, history
// and events. Each invoke runs against the committed state and buffers its writes; they are committed only
// if the transaction succeeds, as Fabric discards the read-write set of a failed endorsement. As on a real
// peer, a transaction does not read its own writes.

import type { Context, Contract } from 'fabric-contract-api';
import { CatsError, decodeError } from '../../../chaincode/src/domain/errors';

export interface Identity {
  mspId: string;
  user: string;
  attrs: Record<string, string>;
}

interface HistoryEntry {
  txId: string;
  value: Uint8Array;
  isDelete: boolean;
  seconds: number;
}

export interface Outcome {
  ok: boolean;
  result?: any;
  error?: CatsError;
  rawError?: string;
  event?: { name: string; payload: any };
  txId: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export class FakeLedger {
  state = new Map<string, Uint8Array>();
  priv = new Map<string, Map<string, Uint8Array>>();
  policies = new Map<string, Uint8Array>();
  history = new Map<string, HistoryEntry[]>();
  events: { name: string; payload: any; txId: string }[] = [];
  /** what the last transaction asked the peer for: `key <key>` and `range <prefix>`, in order */
  lastReads: string[] = [];
  /** epoch seconds of the next transaction */
  now: number;
  private seq = 0;

  constructor(startIso = '2025-03-10T09:00:00Z') {
    this.now = Date.parse(startIso) / 1000;
  }

  advance(seconds: number): void {
    this.now += seconds;
  }

  async invoke(contract: Contract, fn: string, who: Identity, json?: string, transient: Record<string, string> = {}): Promise<Outcome> {
    const txId = `tx${String(++this.seq).padStart(6, '0')}`;
    const stub = new FakeStub(this, txId, this.now, transient);
    const ctx = { stub, clientIdentity: fakeIdentity(who) } as unknown as Context;
    this.lastReads = stub.reads;
    const method = (contract as unknown as Record<string, (ctx: Context, json?: string) => Promise<string>>)[fn];
    if (typeof method !== 'function') throw new Error(`no transaction ${fn}`);
    try {
      const out = await method.call(contract, ctx, json ?? '');
      stub.commit();
      return { ok: true, result: JSON.parse(out), event: stub.event, txId };
    } catch (e) {
      const message = (e as Error).message;
      return { ok: false, error: decodeError(message), rawError: message, txId };
    }
  }

  /** Committed state as plain JSON, for "nothing changed" assertions. */
  snapshot(): string {
    const all: Record<string, string> = {};
    for (const [k, v] of [...this.state.entries()].sort()) all[k] = dec.decode(v);
    for (const [c, m] of [...this.priv.entries()].sort()) for (const [k, v] of [...m.entries()].sort()) all[`${c}|${k}`] = dec.decode(v);
    return JSON.stringify(all);
  }

  json(key: string): any {
    const v = this.state.get(key);
    return v ? JSON.parse(dec.decode(v)) : undefined;
  }
}

function fakeIdentity(who: Identity) {
  return {
    getMSPID: () => who.mspId,
    getID: () => `x509::/C=AZ/CN=${who.user}::/C=AZ/CN=ca`,
    getAttributeValue: (name: string) => (name in who.attrs ? who.attrs[name] : null),
    assertAttributeValue: (name: string, value: string) => who.attrs[name] === value,
  };
}

export function compositeKey(type: string, parts: string[]): string {
  return '\u0000' + type + '\u0000' + parts.map((p) => p + '\u0000').join('');
}

async function* iterate<T>(items: T[]): AsyncGenerator<T> {
  for (const i of items) yield i;
}

class FakeStub {
  private writes = new Map<string, Uint8Array | null>();
  private privWrites = new Map<string, Map<string, Uint8Array>>();
  private policyWrites = new Map<string, Uint8Array>();
  event?: { name: string; payload: any };
  readonly reads: string[] = [];

  constructor(private ledger: FakeLedger, private txId: string, private seconds: number, private transient: Record<string, string>) {}

  getTxID() { return this.txId; }
  getTxTimestamp() { return { seconds: { toString: () => String(this.seconds) }, nanos: 0 }; }
  getTransient() { return new Map(Object.entries(this.transient).map(([k, v]) => [k, enc.encode(v)])); }
  createCompositeKey(type: string, parts: string[]) { return compositeKey(type, parts); }

  async getState(key: string) {
    this.reads.push(`key ${key}`);
    return this.ledger.state.get(key) ?? new Uint8Array(0);
  }
  async putState(key: string, value: Uint8Array) { this.writes.set(key, value); }
  async deleteState(key: string) { this.writes.set(key, null); }
  async setStateValidationParameter(key: string, ep: Uint8Array) { this.policyWrites.set(key, ep); }
  async getStateValidationParameter(key: string) { return this.ledger.policies.get(key) ?? new Uint8Array(0); }

  getStateByPartialCompositeKey(type: string, parts: string[]) {
    const prefix = compositeKey(type, parts);
    this.reads.push(`range ${prefix}`);
    const items = [...this.ledger.state.entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => ({ namespace: 'cats', key, value }));
    return iterate(items);
  }

  getHistoryForKey(key: string) {
    const entries = [...(this.ledger.history.get(key) ?? [])].reverse(); // newest first, as Fabric 2.x
    return iterate(entries.map((h) => ({ txId: h.txId, value: h.value, isDelete: h.isDelete, timestamp: { seconds: h.seconds, nanos: 0 } })));
  }

  async getPrivateData(collection: string, key: string) { return this.ledger.priv.get(collection)?.get(key) ?? new Uint8Array(0); }
  async putPrivateData(collection: string, key: string, value: Uint8Array) {
    if (!this.privWrites.has(collection)) this.privWrites.set(collection, new Map());
    this.privWrites.get(collection)!.set(key, value);
  }

  setEvent(name: string, payload: Uint8Array) { this.event = { name, payload: JSON.parse(dec.decode(payload)) }; }

  commit(): void {
    for (const [k, v] of this.writes) {
      if (v === null) this.ledger.state.delete(k);
      else this.ledger.state.set(k, v);
      const h = this.ledger.history.get(k) ?? [];
      h.push({ txId: this.txId, value: v ?? new Uint8Array(0), isDelete: v === null, seconds: this.seconds });
      this.ledger.history.set(k, h);
    }
    for (const [c, m] of this.privWrites) {
      if (!this.ledger.priv.has(c)) this.ledger.priv.set(c, new Map());
      for (const [k, v] of m) this.ledger.priv.get(c)!.set(k, v);
    }
    for (const [k, p] of this.policyWrites) this.ledger.policies.set(k, p);
    if (this.event) this.ledger.events.push({ ...this.event, txId: this.txId });
  }
}
