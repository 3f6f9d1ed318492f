// Shared parts of the fault and hostile-input drivers (chaos/main.ts) and of their small versions in
// tests/integration/resilience.test.ts: an HTTP caller with cached tokens, a bounded open-loop load of
// declarations and transitions with Idempotency-Key headers and client retries, a webhook receiver, the
// ledger's own record of events (a chaincode-event stream from block 0), and the checks made after each
// case: exactly once per idempotency key, reservations, index convergence, webhook deliveries.
// Everything talks to 127.0.0.1 only; every loop is bounded in count and time.
import { Client } from '@grpc/grpc-js';
import { common } from '@hyperledger/fabric-protos';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueToken } from '../gateway/src/auth/tokens';
import { contractOf, findUser, openGateway, peerConnection } from '../network/src/fabric-client';
import type { NetworkFile, NetworkOrg } from '../network/src/network-file';
import { ApiClient } from '../client/src/api-client';
import { declaration, issueGuarantee, newGrn } from '../tests/conformance/fixtures';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function orgOf(network: NetworkFile, name: string): NetworkOrg {
  const o = network.organisations.find((x) => x.name === name);
  if (!o) throw new Error(`no organisation ${name}`);
  return o;
}

// ---------------------------------------------------------------------------------------------- HTTP

export interface Answer {
  status: number;
  body: string;
  json: Record<string, unknown> | undefined;
  ms: number;
  /** the request never got an answer (connection refused or reset) */
  neterr?: string;
}

export class Http {
  private readonly tokens = new Map<string, Promise<string>>();
  constructor(readonly network: NetworkFile) {}

  token(who: string): Promise<string> {
    let t = this.tokens.get(who);
    if (!t) {
      const [org, user] = who.split(':');
      t = issueToken(this.network, org, user);
      this.tokens.set(who, t);
    }
    return t;
  }

  /** The request's headers: the caller's token (or the given bearer) and JSON unless a media type is given. */
  async headersFor(who: string | null, opts: { body?: string | Buffer; headers?: Record<string, string>; bearer?: string }): Promise<Record<string, string>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.bearer !== undefined) headers.authorization = `Bearer ${opts.bearer}`;
    else if (who) headers.authorization = `Bearer ${await this.token(who)}`;
    if (opts.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    return headers;
  }

  async call(org: string, who: string | null, method: string, path: string, opts: { body?: string | Buffer; headers?: Record<string, string>; timeoutMs?: number; bearer?: string } = {}): Promise<Answer> {
    const headers = await this.headersFor(who, opts);
    const t0 = performance.now();
    try {
      const res = await fetch(orgOf(this.network, org).gateway.url + path, { method, headers, body: opts.body, signal: AbortSignal.timeout(opts.timeoutMs ?? 90_000) });
      const body = await res.text();
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      return { status: res.status, body, json, ms: performance.now() - t0 };
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      return { status: 0, body: '', json: undefined, ms: performance.now() - t0, neterr: cause ?? (e as Error).name };
    }
  }
}

// ---------------------------------------------------------------------------------------------- set-up

export const HOLDER_WHO = 'CustomsAZ:trader1';
export const OFFICER_WHO = 'CustomsAZ:officer1';
export const DEPARTURE_OFFICE = 'AZ000600';

/** A fresh guarantee large enough for the run (the guarantor's gateway, waited for). */
export async function freshGuarantee(network: NetworkFile): Promise<string> {
  const grn = newGrn();
  await issueGuarantee(ApiClient.as(network, 'GuarantorPool:guarantor1'), grn, { amount: '100000000000' });
  return grn;
}

// ---------------------------------------------------------------------------------------------- load

export interface WriteOutcome {
  kind: 'declare' | 'release' | 'cancel';
  key: string;
  lrn: string;
  mrn?: string;
  sentAt: number;
  answeredAt?: number;
  /** the status the client finally got (after its retries with the same key) */
  status: number;
  code?: string;
  /** 2xx or 202 */
  accepted: boolean;
  attempts: number;
  /** a retry after an unanswered attempt got 409: the first attempt had reached the ledger */
  inDoubtCommitted?: boolean;
  txIds: string[];
  latencyMs?: number;
  state?: string;
  /** the error code of a write the gateway accepted and later settled as FAILED */
  failedCode?: string;
}

export interface LoadOptions {
  /** one flow (declare, then release or cancel) is started every intervalMs, whatever the answers */
  intervalMs: number;
  durationMs: number;
  grn: string;
  gatewayOrg?: string;
  /** how long a client retries one request (same Idempotency-Key) while the gateway is unreachable */
  retryForMs?: number;
  /** every cancelEvery-th movement is cancelled by the holder instead of released */
  cancelEvery?: number;
  tag?: string;
  /** declarations only, no transition (targets for the hostile and abuse cases) */
  declareOnly?: boolean;
}

const RETRY_STATUS = new Set([0, 502, 503, 504]);

/** A bounded open-loop load: a new flow every interval, each a declaration then a transition. */
export class Load {
  readonly outcomes: WriteOutcome[] = [];
  private readonly flows: Promise<void>[] = [];
  private n = 0;
  readonly run = crypto.randomBytes(3).toString('hex').toUpperCase();
  constructor(
    readonly http: Http,
    readonly opts: LoadOptions,
  ) {}

  async start(): Promise<void> {
    const end = Date.now() + this.opts.durationMs;
    while (Date.now() < end) {
      this.flows.push(this.flow(this.n++));
      await sleep(this.opts.intervalMs);
    }
  }

  async drain(maxMs = 180_000): Promise<void> {
    // The bound must not outlive the drain: a pending 3-minute timer would hold the test process open.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(this.flows), new Promise<void>((r) => (timer = setTimeout(r, maxMs)))]);
    clearTimeout(timer);
  }

  private async write(kind: WriteOutcome['kind'], lrn: string, who: string, path: string, body: string, mrn?: string): Promise<WriteOutcome> {
    const key = `chaos-${this.run}-${kind}-${lrn}`;
    const o: WriteOutcome = { kind, key, lrn, mrn, sentAt: Date.now(), status: 0, accepted: false, attempts: 0, txIds: [] };
    const org = this.opts.gatewayOrg ?? 'CustomsAZ';
    const until = Date.now() + (this.opts.retryForMs ?? 90_000);
    let unanswered = false;
    for (;;) {
      o.attempts++;
      const a = await this.http.call(org, who, 'POST', path, { body, headers: { 'idempotency-key': key, prefer: 'wait=20' } });
      if (a.status === 0 || a.status >= 500) unanswered = unanswered || a.status === 0 || a.status === 503;
      if (RETRY_STATUS.has(a.status) && Date.now() < until) {
        await sleep(400);
        continue;
      }
      o.status = a.status;
      o.answeredAt = Date.now();
      o.latencyMs = o.answeredAt - o.sentAt;
      o.code = typeof a.json?.code === 'string' ? a.json.code : undefined;
      o.accepted = a.status >= 200 && a.status < 300;
      o.state = typeof a.json?.state === 'string' ? a.json.state : undefined;
      if (o.accepted && a.json) {
        const ids = a.json.transactionIds;
        if (Array.isArray(ids)) o.txIds = ids.map(String);
        const result = a.json.result as { mrn?: string } | null | undefined;
        if (kind === 'declare' && result?.mrn) o.mrn = result.mrn;
        if (o.state === 'PENDING' && typeof a.json.id === 'string') await this.follow(o, org, who, a.json.id);
        // Accepted, then settled as failed by the gateway from the same transaction id (lost by ordering,
        // nothing written): the client was told, so it is a refusal, not a lost write.
        if (o.state === 'FAILED') {
          o.accepted = false;
          o.code = o.failedCode ?? 'FAILED';
          if (kind === 'declare') o.mrn = undefined; // the MRN of an endorsement that never committed
        }
      }
      if (!o.accepted && unanswered && (o.code === 'DUPLICATE_LRN' || o.code === 'INVALID_STATE_TRANSITION' || o.code === 'MESSAGE_OUT_OF_SEQUENCE')) o.inDoubtCommitted = true;
      break;
    }
    this.outcomes.push(o);
    return o;
  }

  private async follow(o: WriteOutcome, org: string, who: string, id: string): Promise<void> {
    for (let i = 0; i < 20 && o.state === 'PENDING'; i++) {
      const a = await this.http.call(org, who, 'GET', `/api/v1/transactions/${id}`, { headers: { prefer: 'wait=10' } });
      if (a.status === 200 && a.json) {
        o.state = String(a.json.state);
        const error = a.json.error as { code?: unknown } | undefined;
        if (typeof error?.code === 'string') o.failedCode = error.code;
        const ids = a.json.transactionIds;
        if (Array.isArray(ids)) o.txIds = ids.map(String);
        const result = a.json.result as { mrn?: string } | null | undefined;
        if (o.kind === 'declare' && result?.mrn) o.mrn = result.mrn;
      } else await sleep(500);
    }
  }

  private async flow(i: number): Promise<void> {
    const decl = declaration(this.opts.grn, {}, '100000');
    decl.lrn = `${this.opts.tag ?? 'CH'}${this.run}${String(i).padStart(5, '0')}`.slice(0, 22);
    const d = await this.write('declare', decl.lrn, HOLDER_WHO, '/api/v1/movements', JSON.stringify(decl));
    let mrn = d.mrn;
    if (!mrn && d.inDoubtCommitted) mrn = await this.mrnOfLrn(decl.lrn);
    if (!mrn || this.opts.declareOnly) return;
    const cancel = this.opts.cancelEvery && i % this.opts.cancelEvery === this.opts.cancelEvery - 1;
    if (cancel) await this.write('cancel', decl.lrn, HOLDER_WHO, `/api/v1/movements/${mrn}/cancel`, JSON.stringify({ reason: 'chaos: holder cancels' }), mrn);
    else await this.write('release', decl.lrn, OFFICER_WHO, `/api/v1/movements/${mrn}/release`, JSON.stringify({ office: DEPARTURE_OFFICE }), mrn);
  }

  async mrnOfLrn(lrn: string): Promise<string | undefined> {
    const a = await this.http.call(this.opts.gatewayOrg ?? 'CustomsAZ', HOLDER_WHO, 'GET', `/api/v1/movements/by-lrn/${encodeURIComponent(lrn)}`);
    const m = (a.json?.movement as { mrn?: string } | undefined)?.mrn ?? (a.json?.mrn as string | undefined);
    return a.status === 200 ? m : undefined;
  }

  lrns(): string[] {
    return [...new Set(this.outcomes.filter((o) => o.kind === 'declare').map((o) => o.lrn))];
  }
}

// ---------------------------------------------------------------------------------------------- webhooks

export class WebhookReceiver {
  /** per gateway organisation: event id → deliveries */
  readonly seen = new Map<string, Map<string, number>>();
  private server?: http.Server;
  /** org → [who subscribed, subscription id]: removed at stop, so no gateway keeps retrying a receiver that is gone */
  private subscriptions: [string, string, string][] = [];
  private http?: Http;
  port = 0;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const org = (req.url ?? '/').split('/')[2] ?? '?';
      const id = String(req.headers['x-cats-event-id'] ?? '');
      req.resume();
      req.on('end', () => {
        const m = this.seen.get(org) ?? new Map<string, number>();
        m.set(id, (m.get(id) ?? 0) + 1);
        this.seen.set(org, m);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async subscribe(http: Http, viewers: Record<string, string>): Promise<void> {
    for (const [org, who] of Object.entries(viewers)) {
      const a = await http.call(org, who, 'POST', '/api/v1/webhooks', { body: JSON.stringify({ url: `http://127.0.0.1:${this.port}/hook/${org}` }) });
      if (a.status !== 201) throw new Error(`webhook subscription at ${org}: ${a.status} ${a.body.slice(0, 200)}`);
      this.subscriptions.push([org, who, String(a.json?.id)]);
    }
    this.http = http;
  }

  async stop(): Promise<void> {
    for (const [org, who, id] of this.subscriptions.splice(0)) await this.http?.call(org, who, 'DELETE', `/api/v1/webhooks/${id}`);
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/** Who looks at each gateway's feed: a user who sees the run's movements and guarantee there. */
export const VIEWERS: Record<string, string> = {
  CustomsAZ: 'CustomsAZ:officer1',
  CustomsGE: 'CustomsGE:officer1',
  CustomsUZ: 'CustomsUZ:officer1',
  GuarantorPool: 'GuarantorPool:guarantor1',
  Auditor: 'Auditor:auditor1',
};

// ---------------------------------------------------------------------------------------------- ledger

export interface LedgerEvent {
  id: string;
  name: string;
  block: number;
  payload: Record<string, unknown>;
}

const decoder = new TextDecoder();

/** The ledger's own record: height, and every chaincode event from block 0, read from a peer. */
export class Ledger {
  private readonly client: Client;
  private readonly gateway: ReturnType<typeof openGateway>;
  constructor(
    readonly network: NetworkFile,
    orgName = 'CustomsAZ',
    user = 'officer1',
  ) {
    const org = orgOf(network, orgName);
    this.client = peerConnection(org);
    this.gateway = openGateway(this.client, findUser(network, orgName, user));
  }

  async height(): Promise<number> {
    const qscc = this.gateway.getNetwork(this.network.channel).getContract('qscc');
    const bytes = await qscc.evaluateTransaction('GetChainInfo', this.network.channel);
    return Number(common.BlockchainInfo.deserializeBinary(bytes).getHeight());
  }

  async evaluate(contract: string, tx: string, arg: unknown): Promise<unknown> {
    const out = await contractOf(this.gateway, this.network, contract).evaluateTransaction(tx, JSON.stringify(arg));
    return JSON.parse(decoder.decode(out)) as unknown;
  }

  /** Every chaincode event in blocks [from, height): the stream is read until it reaches the height. */
  async events(fromBlock = 0): Promise<LedgerEvent[]> {
    const height = await this.height();
    const out: LedgerEvent[] = [];
    const stream = await this.gateway.getNetwork(this.network.channel).getChaincodeEvents(this.network.chaincode, { startBlock: BigInt(fromBlock) });
    const it = stream[Symbol.asyncIterator]();
    let last = -1;
    try {
      for (;;) {
        const pending = it.next();
        pending.catch(() => undefined);
        const next = await Promise.race([pending, sleep(last >= height - 1 ? 800 : 6000).then(() => 'idle' as const)]);
        if (next === 'idle' || next.done) break;
        const ev = next.value;
        let payload: Record<string, unknown> = {};
        try {
          payload = JSON.parse(decoder.decode(ev.payload)) as Record<string, unknown>;
        } catch {
          /* not JSON */
        }
        out.push({ id: ev.transactionId, name: ev.eventName, block: Number(ev.blockNumber), payload });
        last = Number(ev.blockNumber);
      }
    } finally {
      stream.close();
    }
    return out;
  }

  close(): void {
    this.gateway.close();
    this.client.close();
  }
}

// ---------------------------------------------------------------------------------------------- checks

export interface ExactlyOnce {
  declarationsAccepted: number;
  declarationsCommitted: number;
  declarationsInDoubtCommitted: number;
  declarationsRefused: number;
  transitionsAccepted: number;
  /** unanswered at the fault, retried with the same key, refused as already done: must be on the ledger once */
  transitionsInDoubtCommitted: number;
  transitionsCommitted: number;
  /** accepted requests whose effect is not on the ledger */
  lost: string[];
  /** idempotency keys whose effect is on the ledger more than once */
  doubled: string[];
}

/** Every accepted request committed exactly once, by its idempotency key (LRN for declarations, MRN+action for transitions). */
export async function checkExactlyOnce(ledger: Ledger, load: Load, events: LedgerEvent[]): Promise<ExactlyOnce> {
  const r: ExactlyOnce = { declarationsAccepted: 0, declarationsCommitted: 0, declarationsInDoubtCommitted: 0, declarationsRefused: 0, transitionsAccepted: 0, transitionsInDoubtCommitted: 0, transitionsCommitted: 0, lost: [], doubled: [] };
  const byMrn = new Map<string, LedgerEvent[]>();
  for (const e of events) {
    const mrn = typeof e.payload.mrn === 'string' ? e.payload.mrn : undefined;
    if (mrn) byMrn.set(mrn, [...(byMrn.get(mrn) ?? []), e]);
  }
  for (const o of load.outcomes) {
    const evs = o.mrn ? (byMrn.get(o.mrn) ?? []) : [];
    if (o.kind === 'declare') {
      if (o.accepted) r.declarationsAccepted++;
      else if (o.inDoubtCommitted) r.declarationsInDoubtCommitted++;
      else r.declarationsRefused++;
      if (!o.accepted && !o.inDoubtCommitted) continue;
      let mrn = o.mrn;
      if (!mrn) {
        const got = (await ledger.evaluate('movement', 'GetByLrn', { lrn: o.lrn, holderId: 'AZ1700123451' }).catch(() => undefined)) as { movement?: { mrn?: string }; mrn?: string } | undefined;
        mrn = got?.movement?.mrn ?? got?.mrn;
        o.mrn = mrn;
      }
      const declared = (mrn ? (byMrn.get(mrn) ?? []) : []).filter((e) => e.name === 'MovementDeclared');
      if (declared.length === 0) r.lost.push(o.key);
      else if (declared.length > 1) r.doubled.push(o.key);
      else r.declarationsCommitted++;
    } else {
      if (!o.accepted && !o.inDoubtCommitted) continue;
      if (o.accepted) r.transitionsAccepted++;
      else r.transitionsInDoubtCommitted++;
      const name = o.kind === 'release' ? /^Movement(Released)$|^GuaranteeNotValid$/ : /^MovementCancelled$/;
      const n = evs.filter((e) => name.test(e.name)).length;
      if (n === 0) r.lost.push(o.key);
      else if (n > 1) r.doubled.push(o.key);
      else r.transitionsCommitted++;
    }
  }
  return r;
}

export interface ReservationCheck {
  referenceAmount: string;
  available: string;
  activeSum: string;
  /** available = reference − Σ active */
  balanced: boolean;
  movementsCommitted: number;
  reservationsOfRun: number;
  /** committed movements without a reservation */
  lost: string[];
  /** movements with more than one reservation on the guarantee */
  doubled: string[];
  /** reservation status disagreeing with the movement (cancelled → RELEASED, otherwise ACTIVE) */
  statusMismatch: string[];
}

export async function checkReservations(ledger: Ledger, http: Http, grn: string, load: Load): Promise<ReservationCheck> {
  const a = await http.call('GuarantorPool', 'GuarantorPool:guarantor1', 'POST', `/api/v1/guarantees/${grn}/balance`, { body: '{}' });
  if (a.status !== 200 || !a.json) throw new Error(`balance of ${grn}: ${a.status} ${a.body.slice(0, 200)}`);
  const b = a.json as unknown as { referenceAmount: string; reserved: string; available: string; reservations: { mrn: string; amount: string; status: string }[] };
  const active = b.reservations.filter((x) => x.status === 'ACTIVE').reduce((s, x) => s + BigInt(x.amount), 0n);
  const committed = new Set(load.outcomes.filter((o) => o.kind === 'declare' && o.mrn).map((o) => o.mrn!));
  const cancelled = new Set(load.outcomes.filter((o) => o.kind === 'cancel' && o.accepted && o.mrn).map((o) => o.mrn!));
  const count = new Map<string, { n: number; status: string }>();
  for (const x of b.reservations) count.set(x.mrn, { n: (count.get(x.mrn)?.n ?? 0) + 1, status: x.status });
  const lost = [...committed].filter((m) => !count.has(m));
  const doubled = [...count.entries()].filter(([, v]) => v.n > 1).map(([m]) => m);
  const statusMismatch: string[] = [];
  for (const m of committed) {
    const c = count.get(m);
    if (!c) continue;
    const want = cancelled.has(m) ? 'RELEASED' : 'ACTIVE';
    if (c.status !== want) statusMismatch.push(`${m}:${c.status}≠${want}`);
  }
  void ledger;
  return {
    referenceAmount: b.referenceAmount,
    available: b.available,
    activeSum: active.toString(),
    balanced: BigInt(b.referenceAmount) - active === BigInt(b.available),
    movementsCommitted: committed.size,
    reservationsOfRun: b.reservations.length,
    lost,
    doubled,
    statusMismatch,
  };
}

export interface IndexCheck {
  org: string;
  converged: boolean;
  convergeMs: number;
  feedEvents: number;
  duplicates: number;
  /** run events on the ledger the feed lacks */
  gaps: number;
  /** feed events that are not on the ledger */
  phantoms: number;
  webhookMissing: number;
  webhookDuplicates: number;
}

export async function feedOf(http: Http, org: string, who: string): Promise<{ ids: string[]; ok: boolean }> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 2000; page++) {
    const a = await http.call(org, who, 'GET', `/api/v1/events?limit=500${after ? `&after=${after}` : ''}`);
    if (a.status !== 200 || !a.json) return { ids, ok: false };
    const items = a.json.items as { id: string }[];
    ids.push(...items.map((i) => i.id));
    after = a.json.nextCursor as string | null;
    if (!after || items.length === 0) break;
  }
  return { ids, ok: true };
}

/** Which of the run's ledger events a gateway's viewer should find in its feed. */
export function expectedAt(org: string, e: LedgerEvent): boolean {
  if (org === 'CustomsUZ' || org === 'GuarantorPool') return !e.payload.mrn; // AZ→GE movements: neither sees them for sure
  return true;
}

/**
 * Polls each gateway until its feed holds every run event the ledger has (or the time is up), then counts
 * duplicates, gaps, phantoms and the webhook deliveries of the run's events.
 */
export async function checkIndexes(http: Http, ledgerEvents: LedgerEvent[], runSubjects: Set<string>, receiver: WebhookReceiver | undefined, orgs: string[], timeoutMs = 60_000): Promise<IndexCheck[]> {
  const ledgerIds = new Set(ledgerEvents.map((e) => e.id));
  const ofRun = ledgerEvents.filter((e) => runSubjects.has(String(e.payload.mrn ?? '')) || runSubjects.has(String(e.payload.grn ?? '')));
  const out: IndexCheck[] = [];
  for (const org of orgs) {
    const t0 = Date.now();
    const expected = ofRun.filter((e) => expectedAt(org, e)).map((e) => e.id);
    let ids: string[] = [];
    let gaps = expected.length;
    let webhookMissing = expected.length;
    while (Date.now() - t0 < timeoutMs) {
      const f = await feedOf(http, org, VIEWERS[org]);
      ids = f.ids;
      const have = new Set(ids);
      gaps = expected.filter((id) => !have.has(id)).length;
      const hooks = receiver?.seen.get(org) ?? new Map<string, number>();
      webhookMissing = receiver ? expected.filter((id) => !hooks.has(id)).length : 0;
      if (f.ok && gaps === 0 && webhookMissing === 0) break;
      await sleep(1000);
    }
    const hooks = receiver?.seen.get(org) ?? new Map<string, number>();
    out.push({
      org,
      converged: gaps === 0,
      convergeMs: Date.now() - t0,
      feedEvents: ids.length,
      duplicates: ids.length - new Set(ids).size,
      gaps,
      phantoms: ids.filter((id) => !ledgerIds.has(id)).length,
      webhookMissing,
      // at-least-once delivery: a redelivery after a crash is allowed; counted for the report
      webhookDuplicates: [...hooks.values()].filter((n) => n > 1).length,
    });
  }
  return out;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
