// `npm run conformance`: every rule of spec §7 as a positive and a negative case against a real network,
// written to reports/conformance.json and reports/conformance.md. It starts the harness network (profile
// `test`, or CATS_TEST_PROFILE) and removes it afterwards, or uses a running network named by
// CATS_NETWORK_FILE without touching its processes. Exit code 1 when a case failed.
import { stopTestNetwork } from '../integration/harness';
import { CASES, World } from './cases';
import { networkUnderTest } from './fixtures';
import { buildReport, writeReports } from './report';
import { runCase } from './run-case';

async function main(): Promise<number> {
  const startedAt = new Date();
  const own = !process.env.CATS_NETWORK_FILE;
  try {
    const network = await networkUnderTest();
    const w = new World(network);
    await w.setUp();
    const results = [];
    for (const c of CASES) {
      const r = await runCase(w, c);
      console.log(`${r.outcome.padEnd(4)}  rule ${String(r.rule).padStart(2)} ${r.kind.padEnd(8)} ${r.case}${r.outcome === 'pass' ? '' : ' — ' + r.observed}`);
      results.push(r);
    }
    const report = buildReport(network.name, startedAt, results);
    const files = writeReports(report);
    const t = report.totals;
    console.log(`\n${t.passed}/${t.cases} passed, ${t.failed} failed, ${t.skipped} skipped in ${report.seconds} s → ${files.md}`);
    return t.failed > 0 ? 1 : 0;
  } finally {
    if (own) await stopTestNetwork();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
