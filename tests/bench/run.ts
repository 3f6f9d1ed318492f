// One benchmark run: (a) the ceiling (ops:Ping straight through the Fabric gateway), (b) the movement
// life cycle through the REST gateways, both at rising offered load until saturation, then (b) again at
// half the saturation rate, and (c) queries. Everything is bounded in time: a phase stops rising when
// its share of the budget would be exceeded, and every step drains for at most `drainSeconds`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NetworkFile } from '../../network/src/network-file';
import { openLoop } from './load';
import { KindUsage, ProcMonitor, ProcessKind, ledgerBytes, loadavg } from './proc';
import { LatencySummary, Recorder, round, summarize, toObject } from './stats';
import { LIFE_CYCLE, LifeCycle, PingClients } from './workloads';
import { judgeTargets, lifeToCeilingRatio, type Target } from './targets';

export interface PhasePlan {
  /** first offered rate: tx/s for the ceiling, movements/s for the life cycle */
  start: number;
  factor: number;
  maxSteps: number;
  stepSeconds: number;
}

export interface BenchPlan {
  name: 'full' | 'quick' | 'tiny';
  ceiling: PhasePlan;
  lifeCycle: PhasePlan & { halfStep: boolean };
  guarantees: number;
  queries: { seconds: number; concurrency: number };
  drainSeconds: number;
  budgetSeconds: number;
  maxInFlight: number;
}

export const PLANS: Record<BenchPlan['name'], BenchPlan> = {
  full: {
    name: 'full',
    ceiling: { start: 8, factor: 1.4, maxSteps: 10, stepSeconds: 15 },
    lifeCycle: { start: 0.75, factor: 1.4, maxSteps: 10, stepSeconds: 20, halfStep: true },
    guarantees: 96,
    queries: { seconds: 15, concurrency: 8 },
    drainSeconds: 15,
    budgetSeconds: 540,
    maxInFlight: 1500,
  },
  quick: {
    name: 'quick',
    // Steep enough to reach saturation on an idle 2-core machine (75–110 Pings/s, 8–11 movements/s) in the steps
    // the 2 minutes allow; on a faster machine the report says where it stopped short.
    ceiling: { start: 12, factor: 2, maxSteps: 5, stepSeconds: 6 },
    lifeCycle: { start: 1.75, factor: 2.2, maxSteps: 4, stepSeconds: 8, halfStep: true },
    guarantees: 32,
    queries: { seconds: 4, concurrency: 8 },
    drainSeconds: 8,
    budgetSeconds: 105,
    maxInFlight: 800,
  },
  tiny: {
    name: 'tiny',
    ceiling: { start: 5, factor: 2, maxSteps: 1, stepSeconds: 2 },
    lifeCycle: { start: 1, factor: 2, maxSteps: 1, stepSeconds: 3, halfStep: false },
    guarantees: 3,
    queries: { seconds: 1, concurrency: 2 },
    drainSeconds: 15,
    budgetSeconds: 45,
    maxInFlight: 50,
  },
};

export interface StepReport {
  offered: number;
  unit: 'tx' | 'movement';
  offeredTxPerSecond: number;
  seconds: number;
  launched: number;
  shed: number;
  completed: number;
  failed: number;
  abandoned: number;
  inFlightPeak: number;
  achievedTxPerSecond: number;
  achievedMovementsPerSecond: number;
  /** latency of every committed transaction of the step, all types together */
  submitLatencyMs: LatencySummary;
  latencyMs: Record<string, LatencySummary>;
  errors: Record<string, number>;
  retries: Record<string, number>;
  saturated: boolean;
  saturation: string;
  resources: Record<ProcessKind | 'driver', KindUsage>;
  loadavg: { start: string; end: string };
}

export interface BenchReport {
  schema: 'cats-bench/1';
  plan: BenchPlan;
  network: { name: string; stateDir: string; organisations: number; peers: number; orderers: number; batch: { timeout: string; maxMessageCount: number } | null };
  machine: { nproc: number; cpuModel: string; memTotalGiB: number; node: string };
  startedAt: string;
  finishedAt: string;
  seconds: number;
  loadavg: { start: string; end: string };
  /** saturated: a step saturated, so saturationTxPerSecond is the phase's ceiling and not a lower bound */
  ceiling: { steps: StepReport[]; saturated: boolean; saturationTxPerSecond: number; ledgerBytesPerTxAllPeers: number };
  lifeCycle: {
    txPerMovement: number;
    steps: StepReport[];
    saturated: boolean;
    halfSaturation: StepReport | null;
    saturationTxPerSecond: number;
    saturationMovementsPerSecond: number;
    p99AtHalfSaturationMs: number;
    movements: number;
    ledger: { peerBytesBefore: number; peerBytesAfter: number; bytesPerMovementAllPeers: number; bytesPerMovementPerPeer: number; ordererBytesPerMovement: number };
    cpuSecondsPerMovement: Record<ProcessKind | 'total', number>;
    cpuSecondsPerMovementPerProcess: Record<ProcessKind, number>;
    resources: Record<ProcessKind | 'driver', KindUsage>;
  };
  queries: { seconds: number; concurrency: number; perSecond: Record<string, number>; latencyMs: Record<string, LatencySummary>; errors: Record<string, number> };
  ratioLifeCycleToCeiling: number;
  targets: Target[];
}

export interface RunOptions {
  network: NetworkFile;
  plan: BenchPlan;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function machine(): BenchReport['machine'] {
  let cpuModel = 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    /* not Linux */
  }
  return { nproc: os.availableParallelism(), cpuModel, memTotalGiB: round(os.totalmem() / 2 ** 30, 1), node: process.versions.node };
}

function batchOf(stateDir: string): BenchReport['network']['batch'] {
  try {
    const text = fs.readFileSync(path.join(stateDir, 'config', 'configtx.yaml'), 'utf8');
    const timeout = /"?BatchTimeout"?\s*:\s*"?([^",\n]+)"?/.exec(text)?.[1];
    const count = /"?MaxMessageCount"?\s*:\s*(\d+)/.exec(text)?.[1];
    return timeout && count ? { timeout, maxMessageCount: Number(count) } : null;
  } catch {
    return null;
  }
}

const sumPeers = (b: { peers: Record<string, number> }) => Object.values(b.peers).reduce((a, x) => a + x, 0);

interface StepSpec {
  unit: 'tx' | 'movement';
  offered: number;
  txPerUnit: number;
  seconds: number;
  warmupFraction: number;
}

async function runStep(
  spec: StepSpec,
  plan: BenchPlan,
  pidDir: string,
  task: (rec: Recorder, dueAt: number, onMovement: (at: number) => void) => Promise<void>,
): Promise<StepReport> {
  const rec = new Recorder();
  const movementsAt: number[] = [];
  const mon = new ProcMonitor(pidDir);
  const la0 = loadavg();
  mon.start();
  let failed = 0;
  const outcome = await openLoop(
    { ratePerSecond: spec.offered, durationMs: spec.seconds * 1000, maxCount: Math.ceil(spec.offered * spec.seconds), maxInFlight: plan.maxInFlight, drainMs: plan.drainSeconds * 1000 },
    (_i, dueAt) => task(rec, dueAt, (at) => movementsAt.push(at)).catch((e: unknown) => {
      failed++;
      throw e;
    }),
  );
  mon.stop();
  const from = outcome.startedAt + spec.seconds * 1000 * spec.warmupFraction;
  const to = outcome.arrivalsEndedAt;
  const windowS = Math.max(0.001, (to - from) / 1000);
  const achievedTx = rec.completedBetween(from, to) / windowS;
  const achievedMov = movementsAt.filter((t) => t >= from && t < to).length / windowS;
  const all = summarize(rec.all());
  const offeredTx = spec.offered * spec.txPerUnit;
  const launched = Math.max(1, outcome.launched);
  const reasons: string[] = [];
  if (achievedTx < 0.85 * offeredTx) reasons.push(`achieved ${round(achievedTx)} tx/s < 85 % of offered ${round(offeredTx)}`);
  if (failed > 2 && failed / launched > 0.05) reasons.push(`${failed} of ${outcome.launched} failed`);
  if (outcome.shed > 0) reasons.push(`${outcome.shed} arrivals shed (in flight ≥ ${plan.maxInFlight})`);
  if (outcome.abandoned > 0) reasons.push(`${outcome.abandoned} still running after the drain`);
  if (all.p99 > 10_000) reasons.push(`p99 ${round(all.p99 / 1000)} s > 10 s`);
  return {
    offered: round(spec.offered, 2),
    unit: spec.unit,
    offeredTxPerSecond: round(offeredTx, 1),
    seconds: spec.seconds,
    launched: outcome.launched,
    shed: outcome.shed,
    completed: outcome.finished - failed,
    failed,
    abandoned: outcome.abandoned,
    inFlightPeak: outcome.inFlightPeak,
    achievedTxPerSecond: round(achievedTx, 1),
    achievedMovementsPerSecond: round(achievedMov, 2),
    submitLatencyMs: all,
    latencyMs: rec.summaries(),
    errors: toObject(rec.errors),
    retries: toObject(rec.retries),
    saturated: reasons.length > 0,
    saturation: reasons.join('; '),
    resources: mon.usage(),
    loadavg: { start: la0, end: loadavg() },
  };
}

function stepLine(label: string, s: StepReport): string {
  const cpu = (['orderer', 'peer', 'chaincode', 'gateway'] as const).map((k) => `${k} ${s.resources[k].cores}`).join(', ');
  return (
    `  ${label} offered ${s.offered} ${s.unit}/s (${s.offeredTxPerSecond} tx/s): achieved ${s.achievedTxPerSecond} tx/s` +
    (s.unit === 'movement' ? ` = ${s.achievedMovementsPerSecond} mov/s` : '') +
    `, p50 ${s.submitLatencyMs.p50} ms p99 ${s.submitLatencyMs.p99} ms, failed ${s.failed}, shed ${s.shed}; cores: ${cpu}; load ${s.loadavg.end.split(' ')[0]}` +
    (s.saturated ? `  [saturated: ${s.saturation}]` : '')
  );
}

/** Rising offered load until saturation, the step count or the phase's deadline. */
async function rising(
  label: string,
  p: PhasePlan,
  plan: BenchPlan,
  unit: 'tx' | 'movement',
  txPerUnit: number,
  warmup: number,
  deadline: number,
  pidDir: string,
  log: (l: string) => void,
  task: (rec: Recorder, dueAt: number, onMovement: (at: number) => void) => Promise<void>,
): Promise<StepReport[]> {
  const steps: StepReport[] = [];
  let rate = p.start;
  for (let i = 0; i < p.maxSteps; i++) {
    const cost = (p.stepSeconds + plan.drainSeconds / 2) * 1000;
    if (i > 0 && Date.now() + cost > deadline) {
      log(`  ${label}: stopping the rise, the phase's time budget is spent`);
      break;
    }
    const s = await runStep({ unit, offered: rate, txPerUnit, seconds: p.stepSeconds, warmupFraction: warmup }, plan, pidDir, task);
    steps.push(s);
    log(stepLine(`${label} ${i + 1}/${p.maxSteps}`, s));
    if (s.saturated) break;
    rate = rate * p.factor;
    await sleep(500);
  }
  return steps;
}

export async function runBench(opts: RunOptions): Promise<BenchReport> {
  const { network, plan } = opts;
  const log = opts.log ?? (() => undefined);
  const t0 = Date.now();
  const startedAt = new Date().toISOString();
  const la0 = loadavg();
  const pidDir = path.join(network.stateDir, 'pids');
  const ledgers = path.join(network.stateDir, 'ledgers');
  const budgetEnd = t0 + plan.budgetSeconds * 1000;
  log(`benchmark (${plan.name}) on network ${network.name}: ${network.organisations.length} organisations; budget ${plan.budgetSeconds} s; load ${la0}`);

  const life = new LifeCycle(network);
  log(`issuing ${plan.guarantees} guarantees (untimed)…`);
  await life.issueGuarantees(plan.guarantees);

  // (a) the ceiling
  log('(a) ceiling: ops:Ping through @hyperledger/fabric-gateway, rising offered load');
  const ping = new PingClients(network);
  const ceilingBytes0 = sumPeers(ledgerBytes(ledgers));
  let ceilingSteps: StepReport[];
  try {
    ceilingSteps = await rising('ceiling', plan.ceiling, plan, 'tx', 1, 0.2, t0 + plan.budgetSeconds * 1000 * 0.38, pidDir, log, (rec, dueAt) => ping.ping(rec, dueAt));
  } finally {
    ping.close();
  }
  await sleep(1000);
  const pings = ceilingSteps.reduce((a, s) => a + s.completed, 0);
  const ceilingBytesPerTx = pings ? (sumPeers(ledgerBytes(ledgers)) - ceilingBytes0) / pings : 0;
  const ceilingSat = Math.max(0, ...ceilingSteps.map((s) => s.achievedTxPerSecond));

  // (b) the life cycle
  log(`(b) life cycle: ${LIFE_CYCLE.join(' → ')} through the REST gateways, rising offered load`);
  const before = ledgerBytes(ledgers);
  const lifeMon = new ProcMonitor(pidDir);
  lifeMon.start();
  const txPerMovement = LIFE_CYCLE.length;
  const reserveForQueries = (plan.queries.seconds + 5) * 1000;
  const lifeDeadline = budgetEnd - reserveForQueries - (plan.lifeCycle.halfStep ? (plan.lifeCycle.stepSeconds + plan.drainSeconds) * 1000 : 0);
  const lifeSteps = await rising('life cycle', plan.lifeCycle, plan, 'movement', txPerMovement, 0.35, lifeDeadline, pidDir, log, (rec, dueAt, onMov) => life.movement(rec, dueAt, onMov));
  // Past saturation, transactions of movements that will finish late (declarations piling up) still
  // complete in the step's window: only the movements that went all the way count as throughput.
  const lifeSatTx = Math.max(0, ...lifeSteps.map((s) => Math.min(s.achievedTxPerSecond, round(s.achievedMovementsPerSecond * txPerMovement, 1))));
  let half: StepReport | null = null;
  if (plan.lifeCycle.halfStep && lifeSatTx > 0 && Date.now() + (plan.lifeCycle.stepSeconds + plan.drainSeconds) * 1000 < budgetEnd - reserveForQueries) {
    await sleep(1000);
    const rate = lifeSatTx / 2 / txPerMovement;
    half = await runStep({ unit: 'movement', offered: rate, txPerUnit: txPerMovement, seconds: plan.lifeCycle.stepSeconds, warmupFraction: 0.35 }, plan, pidDir, (rec, dueAt, onMov) => life.movement(rec, dueAt, onMov));
    log(stepLine('life cycle at half saturation', half));
  }
  lifeMon.stop();
  await sleep(1000);
  const after = ledgerBytes(ledgers);
  const allLife = [...lifeSteps, ...(half ? [half] : [])];
  const movements = allLife.reduce((a, s) => a + s.completed, 0);
  const peers = Object.keys(after.peers).length || 1;
  const lifeRes = lifeMon.usage();
  const perMov = (x: number) => (movements ? round(x / movements, 4) : 0);
  const kinds = ['orderer', 'peer', 'chaincode', 'gateway'] as const;
  const cpuPerMovement = Object.fromEntries([...kinds.map((k) => [k, perMov(lifeRes[k].cpuSeconds)]), ['total', perMov(kinds.reduce((a, k) => a + lifeRes[k].cpuSeconds, 0))]]) as Record<ProcessKind | 'total', number>;
  const cpuPerProcess = Object.fromEntries(kinds.map((k) => [k, lifeRes[k].processes ? round(cpuPerMovement[k] / lifeRes[k].processes, 4) : 0])) as Record<ProcessKind, number>;
  const peerDelta = sumPeers(after) - sumPeers(before);

  // (c) queries: closed loop at a fixed concurrency
  log(`(c) queries: balance enquiries and movement lists, ${plan.queries.concurrency} at a time for ${plan.queries.seconds} s`);
  const qrec = new Recorder();
  const qEnd = performance.now() + plan.queries.seconds * 1000;
  let turn = 0;
  await Promise.all(
    Array.from({ length: plan.queries.concurrency }, async () => {
      while (performance.now() < qEnd) await (turn++ % 2 === 0 ? life.balance(qrec) : life.list(qrec));
    }),
  );
  const qLat = qrec.summaries();
  const perSecond = Object.fromEntries(Object.entries(qLat).map(([k, v]) => [k, round(v.count / plan.queries.seconds, 1)]));
  log(`  ${Object.entries(qLat).map(([k, v]) => `${k}: ${perSecond[k]}/s p50 ${v.p50} ms p99 ${v.p99} ms`).join('; ')}`);

  const lifeSatMov = lifeSatTx / txPerMovement;
  const ratio = lifeToCeilingRatio(lifeSatTx, ceilingSat);
  const p99Half = half ? half.submitLatencyMs.p99 : 0;
  const ceilingSaturated = ceilingSteps.some((s) => s.saturated);
  const lifeSaturated = lifeSteps.some((s) => s.saturated);
  const targets = judgeTargets({
    ceilingTxPerSecond: ceilingSat,
    ceilingSaturated,
    lifeTxPerSecond: lifeSatTx,
    lifeSaturated,
    txPerMovement,
    half: half ? { offeredMovementsPerSecond: half.offered, p99Ms: p99Half } : null,
  });
  const report: BenchReport = {
    schema: 'cats-bench/1',
    plan,
    network: {
      name: network.name,
      stateDir: network.stateDir,
      organisations: network.organisations.length,
      peers,
      orderers: network.orderers.length,
      batch: batchOf(network.stateDir),
    },
    machine: machine(),
    startedAt,
    finishedAt: new Date().toISOString(),
    seconds: round((Date.now() - t0) / 1000, 1),
    loadavg: { start: la0, end: loadavg() },
    ceiling: { steps: ceilingSteps, saturated: ceilingSaturated, saturationTxPerSecond: ceilingSat, ledgerBytesPerTxAllPeers: Math.round(ceilingBytesPerTx) },
    lifeCycle: {
      txPerMovement,
      steps: lifeSteps,
      saturated: lifeSaturated,
      halfSaturation: half,
      saturationTxPerSecond: lifeSatTx,
      saturationMovementsPerSecond: round(lifeSatMov, 2),
      p99AtHalfSaturationMs: p99Half,
      movements,
      ledger: {
        peerBytesBefore: sumPeers(before),
        peerBytesAfter: sumPeers(after),
        bytesPerMovementAllPeers: movements ? Math.round(peerDelta / movements) : 0,
        bytesPerMovementPerPeer: movements ? Math.round(peerDelta / movements / peers) : 0,
        ordererBytesPerMovement: movements ? Math.round((after.orderers - before.orderers) / movements) : 0,
      },
      cpuSecondsPerMovement: cpuPerMovement,
      cpuSecondsPerMovementPerProcess: cpuPerProcess,
      resources: lifeRes,
    },
    queries: { seconds: plan.queries.seconds, concurrency: plan.queries.concurrency, perSecond, latencyMs: qLat, errors: toObject(qrec.errors) },
    ratioLifeCycleToCeiling: ratio,
    targets,
  };
  log(`done in ${report.seconds} s: ceiling ${ceilingSat} tx/s, life cycle ${lifeSatTx} tx/s (${report.lifeCycle.saturationMovementsPerSecond} mov/s), ratio ${ratio}`);
  return report;
}
