// The benchmark's outputs: reports/bench.json (the report as is), reports/bench.md (tables) and
// reports/bench-throughput.svg (throughput and p99 latency against offered load, ceiling and life cycle);
// and the well-formedness check the integration test applies to them.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchReport, StepReport } from './run';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Series {
  label: string;
  colour: string;
  points: { x: number; y: number }[];
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

function panel(x0: number, y0: number, w: number, h: number, title: string, xLabel: string, yLabel: string, series: Series[], diagonal: boolean): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const xMax = niceMax(Math.max(1, ...xs));
  const yMax = niceMax(Math.max(1, ...ys, ...(diagonal ? xs : [])));
  const X = (x: number) => x0 + (x / xMax) * w;
  const Y = (y: number) => y0 + h - (y / yMax) * h;
  const out: string[] = [];
  out.push(`<text x="${x0 + w / 2}" y="${y0 - 12}" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`);
  for (let i = 0; i <= 5; i++) {
    const gy = Y((yMax * i) / 5);
    const gx = X((xMax * i) / 5);
    out.push(`<line x1="${x0}" y1="${gy}" x2="${x0 + w}" y2="${gy}" stroke="#ddd"/>`);
    out.push(`<text x="${x0 - 6}" y="${gy + 4}" text-anchor="end" font-size="11">${+((yMax * i) / 5).toFixed(1)}</text>`);
    out.push(`<text x="${gx}" y="${y0 + h + 16}" text-anchor="middle" font-size="11">${+((xMax * i) / 5).toFixed(1)}</text>`);
  }
  out.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${x0 + w / 2}" y="${y0 + h + 34}" text-anchor="middle" font-size="12">${esc(xLabel)}</text>`);
  out.push(`<text x="${x0 - 44}" y="${y0 + h / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${x0 - 44} ${y0 + h / 2})">${esc(yLabel)}</text>`);
  if (diagonal) out.push(`<line x1="${X(0)}" y1="${Y(0)}" x2="${X(Math.min(xMax, yMax))}" y2="${Y(Math.min(xMax, yMax))}" stroke="#999" stroke-dasharray="4 4"/>`);
  series.forEach((s, i) => {
    if (s.points.length) {
      out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${s.points.map((p) => `${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ')}"/>`);
      for (const p of s.points) out.push(`<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="3.5" fill="${s.colour}"/>`);
    }
    out.push(`<rect x="${x0 + 10}" y="${y0 + 10 + i * 18}" width="12" height="12" fill="${s.colour}"/>`);
    out.push(`<text x="${x0 + 28}" y="${y0 + 20 + i * 18}" font-size="12">${esc(s.label)}</text>`);
  });
  return out.join('\n');
}

export function renderSvg(r: BenchReport): string {
  const pts = (steps: StepReport[], y: (s: StepReport) => number) => steps.map((s) => ({ x: s.offeredTxPerSecond, y: y(s) }));
  const ceiling = r.ceiling.steps;
  const life = [...r.lifeCycle.steps, ...(r.lifeCycle.halfSaturation ? [r.lifeCycle.halfSaturation] : [])].sort((a, b) => a.offeredTxPerSecond - b.offeredTxPerSecond);
  const W = 980;
  const H = 430;
  const body = [
    panel(80, 50, 360, 300, 'Throughput against offered load', 'offered load (tx/s)', 'committed tx/s', [
      { label: 'ceiling: ops:Ping (Fabric gateway)', colour: '#1f77b4', points: pts(ceiling, (s) => s.achievedTxPerSecond) },
      { label: `life cycle (REST, ${r.lifeCycle.txPerMovement} tx/movement)`, colour: '#d62728', points: pts(life, (s) => s.achievedTxPerSecond) },
    ], true),
    panel(580, 50, 360, 300, 'p99 submit latency against offered load', 'offered load (tx/s)', 'p99 latency (s)', [
      { label: 'ceiling: ops:Ping', colour: '#1f77b4', points: pts(ceiling, (s) => s.submitLatencyMs.p99 / 1000) },
      { label: 'life cycle (per transaction)', colour: '#d62728', points: pts(life, (s) => s.submitLatencyMs.p99 / 1000) },
    ], false),
  ].join('\n');
  const foot = `${r.network.name} network, ${r.machine.nproc} cores, ${r.plan.name} run ${r.startedAt}; load ${r.loadavg.start.split(' ').slice(0, 3).join(' ')} → ${r.loadavg.end.split(' ').slice(0, 3).join(' ')}`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">\n` +
    `<rect width="${W}" height="${H}" fill="white"/>\n${body}\n<text x="${W / 2}" y="${H - 10}" text-anchor="middle" font-size="11" fill="#555">${esc(foot)}</text>\n</svg>\n`
  );
}

const lat = (l: { p50: number; p95: number; p99: number; count: number }) => `${l.count} | ${l.p50} | ${l.p95} | ${l.p99}`;
const kv = (o: Record<string, number>) => (Object.keys(o).length ? Object.entries(o).map(([k, v]) => `${k}: ${v}`).join('; ') : '—');

function stepsTable(steps: StepReport[]): string[] {
  const rows = ['| offered | offered tx/s | achieved tx/s | movements/s | p50 ms | p95 ms | p99 ms | launched | failed | shed | CPU cores (orderer/peer/chaincode/gateway/driver) | load | saturation |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const s of steps) {
    const c = s.resources;
    rows.push(
      `| ${s.offered} ${s.unit}/s | ${s.offeredTxPerSecond} | ${s.achievedTxPerSecond} | ${s.unit === 'movement' ? s.achievedMovementsPerSecond : '—'} | ${s.submitLatencyMs.p50} | ${s.submitLatencyMs.p95} | ${s.submitLatencyMs.p99} | ${s.launched} | ${s.failed} | ${s.shed} | ${c.orderer.cores}/${c.peer.cores}/${c.chaincode.cores}/${c.gateway.cores}/${c.driver.cores} | ${s.loadavg.start.split(' ')[0]}→${s.loadavg.end.split(' ')[0]} | ${s.saturation || '—'} |`,
    );
  }
  return rows;
}

export function renderMarkdown(r: BenchReport): string {
  const L = r.lifeCycle;
  const md: string[] = [];
  md.push(`# CATS/ICE benchmark (${r.plan.name})`, '');
  md.push(`Network \`${r.network.name}\`: ${r.network.organisations} organisations (${r.network.peers} peers), ${r.network.orderers} Raft orderers, batch ${r.network.batch ? `${r.network.batch.timeout} / ${r.network.batch.maxMessageCount} tx` : 'unknown'}.`);
  md.push(`Machine: ${r.machine.nproc} cores (${r.machine.cpuModel}), ${r.machine.memTotalGiB} GiB, Node ${r.machine.node}. Run ${r.startedAt} → ${r.finishedAt} (${r.seconds} s).`);
  md.push(`Load average at start \`${r.loadavg.start}\`, at end \`${r.loadavg.end}\` (other work on the machine makes absolute figures noisy).`, '');
  md.push('## Targets', '', '| target | wanted | measured | verdict |', '|---|---|---|---|');
  for (const t of r.targets) md.push(`| ${t.name} | ${t.target} | ${t.measured} | ${t.verdict}${t.note ? ` (${t.note})` : ''} |`);
  md.push('', '## Summary', '');
  const bound = (saturated: boolean) => (saturated ? '' : ' (no step saturated: a lower bound, not the ceiling)');
  md.push(`- ceiling (ops:Ping, Fabric gateway direct): **${r.ceiling.saturationTxPerSecond} tx/s**${bound(r.ceiling.saturated)}`);
  md.push(`- life cycle (REST, ${L.txPerMovement} tx per movement): **${L.saturationTxPerSecond} tx/s = ${L.saturationMovementsPerSecond} movements/s**${bound(L.saturated)}`);
  md.push(`- ratio life cycle / ceiling: **${r.ratioLifeCycleToCeiling}**`);
  md.push(`- p99 submit latency at half the life-cycle saturation rate: **${L.halfSaturation ? `${L.p99AtHalfSaturationMs} ms` : 'not measured'}**`);
  md.push(`- ledger bytes per movement: ${L.ledger.bytesPerMovementAllPeers} across all ${r.network.peers} peers (${L.ledger.bytesPerMovementPerPeer} per peer), ${L.ledger.ordererBytesPerMovement} across the orderers; per no-op tx ${r.ceiling.ledgerBytesPerTxAllPeers} across all peers`);
  md.push(`- CPU-seconds per movement (whole network): ${L.cpuSecondsPerMovement.total} — orderer ${L.cpuSecondsPerMovement.orderer}, peer ${L.cpuSecondsPerMovement.peer}, chaincode ${L.cpuSecondsPerMovement.chaincode}, gateway ${L.cpuSecondsPerMovement.gateway}`);
  md.push(`- per process: orderer ${L.cpuSecondsPerMovementPerProcess.orderer}, peer ${L.cpuSecondsPerMovementPerProcess.peer}, chaincode ${L.cpuSecondsPerMovementPerProcess.chaincode}, gateway ${L.cpuSecondsPerMovementPerProcess.gateway} CPU-s per movement`, '');
  md.push('![throughput and p99 latency against offered load](bench-throughput.svg)', '');
  md.push('## (a) Ceiling: ops:Ping', '', ...stepsTable(r.ceiling.steps), '');
  md.push('## (b) Movement life cycle', '', ...stepsTable([...L.steps, ...(L.halfSaturation ? [L.halfSaturation] : [])]), '');
  md.push('### Latency per transaction type (ms, all steps of the phase)', '', '| phase / step | type | count | p50 | p95 | p99 |', '|---|---|---|---|---|---|');
  for (const [label, steps] of [['ceiling', r.ceiling.steps], ['life cycle', [...L.steps, ...(L.halfSaturation ? [L.halfSaturation] : [])]]] as const) {
    for (const s of steps) for (const [type, l] of Object.entries(s.latencyMs)) md.push(`| ${label} @ ${s.offered} ${s.unit}/s | ${type} | ${lat(l)} |`);
  }
  md.push('', '### Retries and errors by cause', '', '| phase / step | retries | errors |', '|---|---|---|');
  for (const s of r.ceiling.steps) md.push(`| ceiling @ ${s.offered} tx/s | ${kv(s.retries)} | ${kv(s.errors)} |`);
  for (const s of [...L.steps, ...(L.halfSaturation ? [L.halfSaturation] : [])]) md.push(`| life cycle @ ${s.offered} mov/s | ${kv(s.retries)} | ${kv(s.errors)} |`);
  md.push('', '### CPU and memory per process kind over the life-cycle phase', '', '| kind | processes | CPU-s | cores busy | RSS max MiB (sum) | RSS end MiB (sum) |', '|---|---|---|---|---|---|');
  for (const [k, u] of Object.entries(L.resources)) md.push(`| ${k} | ${u.processes} | ${u.cpuSeconds} | ${u.cores} | ${u.rssMaxMiB} | ${u.rssEndMiB} |`);
  md.push('', '## (c) Queries', '', `Closed loop, ${r.queries.concurrency} at a time for ${r.queries.seconds} s.`, '', '| query | per second | count | p50 ms | p95 ms | p99 ms |', '|---|---|---|---|---|---|');
  for (const [k, l] of Object.entries(r.queries.latencyMs)) md.push(`| ${k} | ${r.queries.perSecond[k]} | ${l.count} | ${l.p50} | ${l.p95} | ${l.p99} |`);
  md.push('', `Errors: ${kv(r.queries.errors)}`, '');
  return md.join('\n');
}

export function writeReports(r: BenchReport, dir: string): { json: string; md: string; svg: string } {
  fs.mkdirSync(dir, { recursive: true });
  const files = { json: path.join(dir, 'bench.json'), md: path.join(dir, 'bench.md'), svg: path.join(dir, 'bench-throughput.svg') };
  fs.writeFileSync(files.json, JSON.stringify(r, null, 2) + '\n');
  fs.writeFileSync(files.md, renderMarkdown(r));
  fs.writeFileSync(files.svg, renderSvg(r));
  return files;
}

// ---------------------------------------------------------------- well-formedness

/** Problems with a report: missing fields, numbers that are not finite. Empty when well formed. */
export function reportProblems(r: unknown): string[] {
  const problems: string[] = [];
  const need = (obj: unknown, p: string) => {
    let v: unknown = obj;
    for (const k of p.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (v === undefined || v === null) problems.push(`missing ${p}`);
    return v;
  };
  for (const p of [
    'schema', 'plan.name', 'network.name', 'machine.nproc', 'machine.cpuModel', 'startedAt', 'finishedAt', 'seconds', 'loadavg.start', 'loadavg.end',
    'ceiling.steps', 'ceiling.saturated', 'ceiling.saturationTxPerSecond', 'ceiling.ledgerBytesPerTxAllPeers',
    'lifeCycle.steps', 'lifeCycle.saturated', 'lifeCycle.saturationTxPerSecond', 'lifeCycle.saturationMovementsPerSecond', 'lifeCycle.movements',
    'lifeCycle.ledger.bytesPerMovementAllPeers', 'lifeCycle.ledger.bytesPerMovementPerPeer', 'lifeCycle.cpuSecondsPerMovement.total',
    'lifeCycle.resources.orderer', 'lifeCycle.resources.peer', 'lifeCycle.resources.chaincode', 'lifeCycle.resources.gateway',
    'queries.perSecond', 'queries.latencyMs', 'ratioLifeCycleToCeiling', 'targets',
  ]) need(r, p);
  const walk = (v: unknown, at: string) => {
    if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`${at} is not finite (${v})`);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  walk(r, '');
  const targets = (r as { targets?: unknown }).targets;
  if (Array.isArray(targets)) {
    targets.forEach((t: { verdict?: unknown }, i) => {
      if (!['met', 'not met', 'undetermined'].includes(t?.verdict as string)) problems.push(`targets[${i}].verdict is ${String(t?.verdict)}`);
    });
  }
  const rep = r as BenchReport;
  for (const [name, steps] of [['ceiling', rep.ceiling?.steps], ['lifeCycle', rep.lifeCycle?.steps]] as const) {
    if (!Array.isArray(steps) || steps.length === 0) {
      problems.push(`${name}.steps is empty`);
      continue;
    }
    steps.forEach((s, i) => {
      for (const f of ['offered', 'offeredTxPerSecond', 'achievedTxPerSecond', 'submitLatencyMs', 'latencyMs', 'errors', 'retries', 'resources', 'loadavg']) need(s, f);
      for (const q of ['p50', 'p95', 'p99']) if (typeof s.submitLatencyMs?.[q as 'p50'] !== 'number') problems.push(`${name}.steps[${i}].submitLatencyMs.${q} missing`);
    });
  }
  return problems;
}
