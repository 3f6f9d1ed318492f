// Issue 7: the benchmark is not a timed test. This only runs it on a tiny load against the harness
// network and checks that the report is well formed: every field present, every number finite, the
// markdown written, and the SVG chart an SVG document that parses.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { NetworkFile } from '../../network/src/network-file';
import { reportProblems, writeReports } from '../bench/report';
import { PLANS, runBench } from '../bench/run';
import { networkUnderTest } from '../conformance/fixtures';

describe('benchmark: a tiny run writes a well-formed report (issue 7)', function () {
  this.timeout(60_000);
  let network: NetworkFile;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-bench-'));

  before(async () => {
    network = await networkUnderTest();
  });

  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('measures the ceiling, the life cycle and the queries, and writes bench.json, bench.md and the SVG chart', async () => {
    const report = await runBench({ network, plan: PLANS.tiny });
    const files = writeReports(report, out);

    const json = JSON.parse(fs.readFileSync(files.json, 'utf8')) as unknown;
    expect(reportProblems(json)).to.deep.equal([]);
    expect(report.ceiling.steps[0]!.latencyMs).to.have.property('ops:Ping');
    expect(report.lifeCycle.movements).to.be.greaterThan(0);
    expect(Object.keys(report.lifeCycle.steps[0]!.latencyMs)).to.include.members(['declare', 'release', 'cross', 'arrival', 'control-results', 'write-off']);
    expect(Object.keys(report.queries.latencyMs)).to.have.members(['balance enquiry', 'movement list']);
    expect(report.lifeCycle.resources.peer.processes).to.equal(network.organisations.length);

    const md = fs.readFileSync(files.md, 'utf8');
    for (const heading of ['## Targets', '## (a) Ceiling', '## (b) Movement life cycle', '## (c) Queries']) expect(md).to.include(heading);

    const svg = fs.readFileSync(files.svg, 'utf8');
    expect(XMLValidator.validate(svg)).to.equal(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg?: { polyline?: unknown } };
    expect(doc.svg, 'an <svg> root').to.be.an('object');
    expect(doc.svg?.polyline, 'plotted series').to.not.equal(undefined);
  });
});
