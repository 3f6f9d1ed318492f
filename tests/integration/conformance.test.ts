// The conformance suite (tests/conformance/cases.ts: spec §7 rules 1–22, positive and negative) as part
// of `npm test`, on the harness network; the reports are written in the `after` hook.
import { CASES, World } from '../conformance/cases';
import { networkUnderTest } from '../conformance/fixtures';
import { buildReport, type CaseResult, writeReports } from '../conformance/report';
import { runCase } from '../conformance/run-case';

describe('conformance: spec §7 rules 1–22 on a real network', function () {
  this.timeout(120_000);
  const startedAt = new Date();
  const results: CaseResult[] = [];
  let world: World;
  let networkName = '';

  before(async () => {
    const network = await networkUnderTest();
    networkName = network.name;
    world = new World(network);
    await world.setUp();
  });

  after(() => {
    if (results.length) writeReports(buildReport(networkName, startedAt, results));
  });

  for (const c of CASES) {
    it(`rule ${c.rule} (${c.kind}): ${c.case}`, async function () {
      const r = await runCase(world, c);
      results.push(r);
      if (r.outcome === 'skip') this.skip();
      if (r.outcome === 'fail') throw new Error(r.observed);
    });
  }
});
