// One fault case under steady load, and the hostile-input run against a clean run of the same normal
// load: the procedures shared by chaos/main.ts and tests/integration/resilience.test.ts.
import type { NetworkFile } from '../network/src/network-file';
import { type AbuseResult, runAbuse } from './abuse';
import type { Faults } from './faults';
import type { HostileTally } from './hostile';
import { runSender } from './hostile-sender';
import {
  type ExactlyOnce, type IndexCheck, type ReservationCheck, type WebhookReceiver, Http, Ledger, Load, checkExactlyOnce, checkIndexes,
  checkReservations, freshGuarantee, percentile, sleep, type WriteOutcome,
} from './lib';

export interface FaultSpec {
  name: string;
  /** kills something and returns what it killed */
  inject: (f: Faults) => Promise<string>;
  restart: (f: Faults, killed: string) => Promise<void>;
  /** how long the process stays down */
  downMs: number;
}

export interface CaseResult {
  name: string;
  killed: string;
  applicable: boolean;
  reason?: string;
  downMs: number;
  restartMs: number;
  /** from the fault to the first write sent after it that was accepted (and committed) */
  resumeMs: number | null;
  /** the longest time without a successful write answer around the fault */
  longestGapMs: number | null;
  writesSent: number;
  writesAccepted: number;
  writesRefused: Record<string, number>;
  clientRetries: number;
  exactlyOnce?: ExactlyOnce;
  reservations?: ReservationCheck;
  indexes?: IndexCheck[];
  passed: boolean;
  notes: string[];
}

export const GATEWAY_ORGS = ['CustomsAZ', 'CustomsGE', 'CustomsUZ', 'GuarantorPool', 'Auditor'];

export const FAULTS: Record<string, FaultSpec> = {
  'orderer-leader': {
    name: 'kill the Raft leader orderer, restart it',
    downMs: 6000,
    inject: async (f) => {
      const leader = await f.raftLeader();
      if (!leader) throw new Error('no Raft leader found on the orderers’ /metrics');
      const name = `orderer-${leader.org.name}`;
      f.kill(name);
      await f.waitGone(name);
      return name;
    },
    restart: (f, killed) => f.restartOrderer(killed.replace('orderer-', '')),
  },
  peer: {
    name: 'kill one peer (CustomsGE, an endorser of every AZ→GE declaration), restart it',
    downMs: 6000,
    inject: async (f) => (f.kill('peer-CustomsGE'), 'peer-CustomsGE'),
    restart: (f) => f.restartPeer('CustomsGE'),
  },
  chaincode: {
    name: 'kill one chaincode server (CustomsAZ), restart it',
    downMs: 5000,
    inject: async (f) => (f.kill('chaincode-CustomsAZ'), 'chaincode-CustomsAZ'),
    restart: (f) => f.restartChaincode('CustomsAZ'),
  },
  gateway: {
    name: 'kill the gateway taking the load (CustomsAZ) in the middle of requests, restart it',
    downMs: 3000,
    inject: async (f) => (f.kill('gateway-CustomsAZ'), 'gateway-CustomsAZ'),
    restart: (f) => f.restartGateway('CustomsAZ'),
  },
  'event-listener': {
    name: "restart a gateway's event listener (CustomsGE: its index feed, by killing and restarting the gateway process)",
    downMs: 3000,
    inject: async (f) => (f.kill('gateway-CustomsGE'), 'gateway-CustomsGE'),
    restart: (f) => f.restartGateway('CustomsGE'),
  },
};

export const SMARTBFT_CASE: CaseResult = {
  name: 'SmartBFT profile: stop one orderer for the duration',
  killed: '—',
  applicable: false,
  reason: 'not applicable: Fabric 2.5.9 has no BFT orderer (SmartBFT is Fabric v3 only, which the Go module proxy here does not serve); this network orders with Raft (CFT). Not run, not passed.',
  downMs: 0,
  restartMs: 0,
  resumeMs: null,
  longestGapMs: null,
  writesSent: 0,
  writesAccepted: 0,
  writesRefused: {},
  clientRetries: 0,
  passed: false,
  notes: [],
};

export interface CaseOptions {
  intervalMs: number;
  durationMs: number;
  /** when the fault is injected, from the start of the load */
  faultAtMs: number;
  indexTimeoutMs?: number;
  log?: (s: string) => void;
}

export async function runFaultCase(network: NetworkFile, http: Http, faults: Faults, receiver: WebhookReceiver, key: string, spec: FaultSpec, o: CaseOptions): Promise<CaseResult> {
  const log = o.log ?? (() => undefined);
  const grn = await freshGuarantee(network);
  const load = new Load(http, { intervalMs: o.intervalMs, durationMs: o.durationMs, grn, cancelEvery: 3, retryForMs: 120_000, tag: key.slice(0, 2).toUpperCase() });
  const running = load.start();
  await sleep(o.faultAtMs);
  const tFault = Date.now();
  const killed = await spec.inject(faults);
  log(`    ${key}: killed ${killed}`);
  await sleep(spec.downMs);
  const t1 = Date.now();
  await spec.restart(faults, killed);
  const restartMs = Date.now() - t1;
  log(`    ${key}: restarted ${killed} in ${(restartMs / 1000).toFixed(1)} s`);
  await running;
  await load.drain();
  const ledger = new Ledger(network);
  try {
    const events = await ledger.events(0);
    const exactlyOnce = await checkExactlyOnce(ledger, load, events);
    const reservations = await checkReservations(ledger, http, grn, load);
    const subjects = new Set<string>([grn, ...load.outcomes.filter((x) => x.mrn).map((x) => x.mrn!)]);
    const indexes = await checkIndexes(http, events, subjects, receiver, GATEWAY_ORGS, o.indexTimeoutMs ?? 90_000);
    return summarise(spec, killed, load, tFault, restartMs, exactlyOnce, reservations, indexes);
  } finally {
    ledger.close();
  }
}

function summarise(spec: FaultSpec, killed: string, load: Load, tFault: number, restartMs: number, exactlyOnce: ExactlyOnce, reservations: ReservationCheck, indexes: IndexCheck[]): CaseResult {
  const ok = load.outcomes.filter((x) => x.accepted && x.state !== 'FAILED');
  const after = ok.filter((x) => x.sentAt >= tFault && x.answeredAt !== undefined).sort((a, b) => a.answeredAt! - b.answeredAt!);
  const answers = ok.map((x) => x.answeredAt!).filter((t) => t !== undefined).sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < answers.length; i++) if (answers[i] >= tFault - 5000) gap = Math.max(gap, answers[i] - answers[i - 1]);
  const refused: Record<string, number> = {};
  for (const x of load.outcomes.filter((y) => !y.accepted)) refused[x.code ?? `HTTP_${x.status}`] = (refused[x.code ?? `HTTP_${x.status}`] ?? 0) + 1;
  const notes: string[] = [];
  const inDoubt = load.outcomes.filter((x) => x.inDoubtCommitted);
  if (inDoubt.length) notes.push(`${inDoubt.length} request(s) lost their answer with the fault and were retried with the same Idempotency-Key: the retry got ${[...new Set(inDoubt.map((x) => x.code))].join('/')} because the first attempt had committed (checked on the ledger: committed once)`);
  const passed =
    exactlyOnce.lost.length === 0 && exactlyOnce.doubled.length === 0 && reservations.balanced && reservations.lost.length === 0 && reservations.doubled.length === 0 &&
    reservations.statusMismatch.length === 0 && indexes.every((i) => i.converged && i.duplicates === 0 && i.phantoms === 0 && i.webhookMissing === 0) && after.length > 0;
  return {
    name: spec.name,
    killed,
    applicable: true,
    downMs: spec.downMs,
    restartMs,
    resumeMs: after.length ? after[0].answeredAt! - tFault : null,
    longestGapMs: answers.length > 1 ? gap : null,
    writesSent: load.outcomes.length,
    writesAccepted: ok.length,
    writesRefused: refused,
    clientRetries: load.outcomes.reduce((s, x) => s + x.attempts - 1, 0),
    exactlyOnce,
    reservations,
    indexes,
    passed,
    notes,
  };
}

// ---------------------------------------------------------------------------------------------- hostile

export interface LoadFigures {
  seconds: number;
  flows: number;
  writesAccepted: number;
  writesPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  refused: number;
}

export function figuresOf(load: Load, seconds: number): LoadFigures {
  return figuresOfOutcomes(load.outcomes, seconds);
}

function figuresOfOutcomes(outcomes: WriteOutcome[], seconds: number): LoadFigures {
  const ok = outcomes.filter((x) => x.accepted && x.latencyMs !== undefined);
  const lat = ok.map((x) => x.latencyMs!);
  return {
    seconds,
    flows: new Set(outcomes.map((x) => x.lrn)).size,
    writesAccepted: ok.length,
    writesPerSecond: ok.length / seconds,
    p50Ms: percentile(lat, 50),
    p95Ms: percentile(lat, 95),
    refused: outcomes.filter((x) => !x.accepted).length,
  };
}

export interface HostileResult {
  clean: LoadFigures;
  mixed: LoadFigures;
  /** clean and mixed windows in turn, and their length */
  windows: number;
  windowSeconds: number;
  byKind: Record<string, HostileTally>;
  total: HostileTally;
  hostileSeconds: number;
  hostileDuringMixed: number;
  /** CPU the hostile sender process used (it runs at nice 19) */
  senderCpuSeconds: number;
  /** ledger events in the mixed run that no normal request caused */
  hostileLedgerWrites: number;
  normalLedgerEvents: number;
  heightBefore: number;
  heightAfter: number;
}

export interface HostileOptions {
  requests: number;
  concurrency: number;
  intervalMs: number;
  /** the time of each side: clean and mixed windows add up to twice this */
  durationMs: number;
  /** how many windows, clean and mixed in turn (default 6) */
  windows?: number;
  /** only these hostile kinds (all when absent) */
  kinds?: string[];
  log?: (s: string) => void;
}

/** The targets of the hostile and abuse requests: a declared (not released) movement of trader1, its GRN. */
export async function hostileTargets(network: NetworkFile, http: Http): Promise<{ mrn: string; grn: string }> {
  const grn = await freshGuarantee(network);
  const load = new Load(http, { intervalMs: 10, durationMs: 1, grn, declareOnly: true, tag: 'TG' });
  await load.start();
  await load.drain(60_000);
  const mrn = load.outcomes.find((x) => x.mrn)?.mrn;
  if (!mrn) throw new Error(`could not declare a target movement: ${JSON.stringify(load.outcomes)}`);
  return { mrn, grn };
}

/**
 * The normal load runs once, without a pause, through windows that alternate clean and mixed (clean first);
 * the hostile sender sends only in the mixed windows. Each flow counts for the window its declaration was
 * sent in. Interleaving puts the slow drifts of a long run (ledger growth, other work on the machine) on
 * both sides of the comparison instead of on one.
 */
export async function runHostile(network: NetworkFile, http: Http, o: HostileOptions, targets: { mrn: string; grn: string }): Promise<HostileResult> {
  const log = o.log ?? (() => undefined);
  const windows = Math.max(2, o.windows ?? 6);
  const windowMs = (2 * o.durationMs) / windows;
  const ledger = new Ledger(network);
  try {
    const grn = await freshGuarantee(network);
    const heightBefore = await ledger.height();
    const start = Date.now() + 3000; // the sender process starts meanwhile
    const mixedWindows = Array.from({ length: windows }, (_, i) => i).filter((i) => i % 2 === 1).map((i): [number, number] => [start + i * windowMs, windowMs]);
    log(`    ${windows} windows of ${(windowMs / 1000).toFixed(0)} s, clean and mixed in turn: the normal load throughout, ${o.requests} hostile requests in the mixed ones (concurrency ${o.concurrency}, a separate process at nice 19)`);
    const sender = runSender({ network, targets, requests: o.requests, concurrency: o.concurrency, windows: mixedWindows, kinds: o.kinds });
    await sleep(start - Date.now());
    const load = new Load(http, { intervalMs: o.intervalMs, durationMs: windows * windowMs, grn, cancelEvery: 3, retryForMs: 30_000, tag: 'HX' });
    await load.start();
    await load.drain();
    const sent = await sender;
    const heightAfter = await ledger.height();
    const events = (await ledger.events(heightBefore)).filter((e) => e.block >= heightBefore);
    const normalIds = new Set(load.outcomes.flatMap((x) => x.txIds));
    // a normal write answered 202 and followed until commit keeps its ids too; anything else is foreign
    const foreign = events.filter((e) => !normalIds.has(e.id) && !(e.payload.mrn && load.outcomes.some((x) => x.mrn === e.payload.mrn)) && e.payload.grn !== grn);
    const flowStart = new Map<string, number>();
    for (const x of load.outcomes) if (x.kind === 'declare') flowStart.set(x.lrn, x.sentAt);
    const inMixed = (x: WriteOutcome) => Math.floor(((flowStart.get(x.lrn) ?? x.sentAt) - start) / windowMs) % 2 === 1;
    const seconds = (windows / 2) * (windowMs / 1000);
    return {
      clean: figuresOfOutcomes(load.outcomes.filter((x) => !inMixed(x)), seconds),
      mixed: figuresOfOutcomes(load.outcomes.filter(inMixed), seconds),
      windows,
      windowSeconds: windowMs / 1000,
      byKind: sent.byKind,
      total: sent.total,
      hostileSeconds: sent.seconds,
      hostileDuringMixed: sent.during,
      senderCpuSeconds: sent.cpuSeconds,
      hostileLedgerWrites: foreign.length,
      normalLedgerEvents: events.length - foreign.length,
      heightBefore,
      heightAfter,
    };
  } finally {
    ledger.close();
  }
}

export { runAbuse, type AbuseResult };
