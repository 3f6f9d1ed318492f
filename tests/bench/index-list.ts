// The movement list's target (issue 4): p99 under 50 ms with 100 000 movements indexed. Fills a fresh
// gateway index (LevelDB, the production code path: MovementIndex.apply per event) with synthetic
// declarations spread over the CAREC offices, holders and statuses, then times list pages as officers,
// traders and auditors ask for them. Writes reports/index-list.md.
//   node -r @swc-node/register tests/bench/index-list.ts [movements=100000] [queries=2000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildMrn, mrnProcedureLetter } from '../../chaincode/src/domain/identifiers';
import type { Principal } from '../../gateway/src/auth/principal';
import { MovementIndex } from '../../gateway/src/index/movement-index';
import type { Viewer } from '../../gateway/src/index/visibility';
import { openDb } from '../../gateway/src/store/db';
import { ROOT } from '../../network/src/layout';
import { referenceOffices } from '../../network/src/users';

const N = Number(process.argv[2] ?? 100_000);
const Q = Number(process.argv[3] ?? 2000);
const STATUSES = ['ACCEPTED', 'RELEASED', 'ARRIVED', 'WRITTEN_OFF'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-index-bench-'));
  const db = await openDb(dir);
  const index = new MovementIndex(db);
  await index.open();
  const offices = referenceOffices().filter((o) => ['AZ', 'GE', 'UZ'].includes(o.countryCode));
  const deps = offices.filter((o) => o.roles.includes('DEP'));
  const dess = offices.filter((o) => o.roles.includes('DES'));
  const tras = offices.filter((o) => o.roles.includes('TRA'));
  const holders = Array.from({ length: 500 }, (_, i) => `AZ${String(1700000000 + i)}`);
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const dep = deps[i % deps.length];
    const des = dess[(i * 7) % dess.length];
    const tra = tras[(i * 3) % tras.length];
    const mrn = buildMrn('26', dep.countryCode, i.toString(36).toUpperCase().padStart(12, '0'), mrnProcedureLetter('0'));
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString().slice(0, 19) + 'Z';
    await index.apply({
      blockNumber: BigInt(i + 1),
      transactionId: `tx${i}`,
      eventName: 'MovementDeclared',
      payload: { mrn, lrn: `LRN${i}`, holderId: holders[i % holders.length], status: STATUSES[i % STATUSES.length], officeOfDeparture: dep.referenceNumber, officeOfDestination: des.referenceNumber, officesOfTransit: [tra.referenceNumber], timestamp: at },
    });
    if (i % 10_000 === 9_999) process.stdout.write(`  indexed ${i + 1} movements (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
  }
  const fillSeconds = (performance.now() - t0) / 1000;
  const viewer = (role: Principal['role'], extra: Partial<Principal> = {}, country: string | null = 'AZ'): Viewer => ({
    principal: { org: 'CustomsAZ', userId: 'bench', role, offices: [], traderId: null, ...extra } as Principal,
    orgKind: role === 'auditor' ? 'AUDITOR' : 'CUSTOMS',
    orgCountry: role === 'auditor' ? null : country,
    mspId: role === 'auditor' ? 'AuditorMSP' : 'CustomsAZMSP',
    ownGuarantee: () => false,
  });
  const kinds = [
    { name: 'officer: office + status', run: (i: number) => index.query({ office: deps[i % deps.length].referenceNumber, status: 'RELEASED', limit: 50 }, viewer('officer')) },
    { name: 'officer: office, updatedSince', run: (i: number) => index.query({ office: tras[i % tras.length].referenceNumber, updatedSince: '2026-01-20T00:00:00Z', limit: 50 }, viewer('officer')) },
    { name: 'trader: own movements', run: (i: number) => index.query({ holder: holders[i % holders.length], limit: 50 }, viewer('trader', { traderId: holders[i % holders.length] })) },
    { name: 'auditor: country, page 1', run: (i: number) => index.query({ country: ['AZ', 'GE', 'UZ'][i % 3], limit: 50 }, viewer('auditor')) },
  ];
  const rows: string[] = [];
  for (const kind of kinds) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < Q / kinds.length; i++) {
      const t = performance.now();
      const page = await kind.run(i);
      times.push(performance.now() - t);
      items += page.items.length;
    }
    times.sort((a, b) => a - b);
    rows.push(`| ${kind.name} | ${times.length} | ${(items / times.length).toFixed(1)} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} | ${percentile(times, 99).toFixed(2)} |`);
  }
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const report = [
    '# Movement list from the off-chain index',
    '',
    `${N.toLocaleString('en')} movements indexed through MovementIndex.apply (one atomic LevelDB batch per event, as the gateway's feed does) in ${fillSeconds.toFixed(0)} s; list pages of up to 50, times in milliseconds (in-process, without HTTP).`,
    `Machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
    '',
    '| query | pages | rows per page | p50 | p95 | p99 |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'reports', 'index-list.md'), report);
  process.stdout.write(report);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
