// `npm run bench` (full run, ≤ 10 minutes) and `npm run bench -- --quick` (≤ 2 minutes), against the
// default network unless `--profile <name>` names another; a network that is not running is started
// with the same `up()` as `npm start`. `--network-file <file>` benchmarks a network described by its
// network.json without starting anything. Writes reports/bench.json, bench.md, bench-throughput.svg
// (or under `--out <dir>`).
import fs from 'node:fs';
import path from 'node:path';
import { GATEWAY_MAIN } from '../../network/src/gateways';
import { ROOT, layout } from '../../network/src/layout';
import { up } from '../../network/src/network';
import { readNetworkFile, type NetworkFile } from '../../network/src/network-file';
import { listPidNames, runningPid } from '../../network/src/processes';
import { PROFILES } from '../../network/src/topology';
import { writeReports } from './report';
import { PLANS, runBench, type BenchPlan } from './run';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function networkFor(profileName: string): Promise<NetworkFile> {
  const profile = PROFILES[profileName];
  if (!profile) throw new Error(`unknown profile ${profileName} (known: ${Object.keys(PROFILES).join(', ')})`);
  const l = layout(profile.name);
  const names = listPidNames(l.pids);
  const running = fs.existsSync(l.networkFile) && names.length > 0 && names.every((n) => runningPid(l.pids, n));
  if (running) return readNetworkFile(l.networkFile);
  if (!fs.existsSync(GATEWAY_MAIN)) throw new Error(`${path.relative(ROOT, GATEWAY_MAIN)} is missing: run \`npm run build\` (or \`npm start\`) first`);
  console.log(`the ${profile.name} network is not (fully) running: starting it (as npm start does)…`);
  return up({ profile });
}

async function main(argv: string[]): Promise<void> {
  const planName: BenchPlan['name'] = argv.includes('--quick') ? 'quick' : argv.includes('--tiny') ? 'tiny' : 'full';
  const file = arg(argv, '--network-file');
  const network = file ? readNetworkFile(path.resolve(file)) : await networkFor(arg(argv, '--profile') ?? 'default');
  const out = path.resolve(arg(argv, '--out') ?? path.join(ROOT, 'reports'));
  const report = await runBench({ network, plan: PLANS[planName], log: (l) => console.log(l) });
  const files = writeReports(report, out);
  console.log(`\nreports: ${Object.values(files).map((f) => path.relative(process.cwd(), f)).join(', ')}`);
  for (const t of report.targets) console.log(`  ${t.verdict.padEnd(12)} ${t.name}: ${t.measured} (target ${t.target})${t.note ? `; ${t.note}` : ''}`);
  // gRPC channels and keep-alive fetch sockets may linger: the run is over.
  process.exit(0);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
