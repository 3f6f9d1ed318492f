// Issue 5 on a real network: the pilot corridors scenario (three movements through their life cycle, a
// refused declaration, the national test pack), the `cats` command as a user runs it (spawned, with
// its exit codes and one-line errors), the transit accompanying document read back from the PDF, and
// the operations report's files.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { ERROR_CODES } from '../../chaincode/src/domain/errors';
import { ApiClient } from '../../client/src/api-client';
import { datedNow, freshLrn, withLrn } from '../../client/src/demo/pilot/declare-sample';
import { testPackFiles } from '../../client/src/demo/pilot/test-pack';
import { runPilot } from '../../client/src/demo/pilot/scenario';
import type { MovementStory, PilotResult } from '../../client/src/demo/pilot/types';
import { ROOT } from '../../network/src/layout';
import type { NetworkFile } from '../../network/src/network-file';
import { startTestNetwork, testProfile } from './harness';

const SAMPLES = path.join(ROOT, 'gateway', 'ncts', 'samples');
const BIN = path.join(ROOT, 'client', 'bin', 'cats.js');

type Row = Record<string, unknown>;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cats(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args, '--network', testProfile().name], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A failure is one line on stderr, `cats: error: CODE: …`, and never a stack trace. */
function expectOneLineError(r: Run, code: RegExp): void {
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).to.have.length(1);
  expect(lines[0]).to.match(/^cats: error: /).and.match(code);
  expect(r.stderr).to.not.match(/\n\s+at /);
}

async function pdfText(file: string): Promise<string> {
  const parser = new PDFParse({ data: fs.readFileSync(file) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('pilot corridors on real input (issue 5)', function () {
  this.timeout(180_000);
  let network: NetworkFile;
  let result: PilotResult;
  const printed: string[] = [];
  let parametersBefore: unknown;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-pilot-'));
  const as = (who: string) => ApiClient.as(network, who);
  const story = (key: MovementStory['key']) => result.stories.find((s) => s.key === key)!;

  before(async function () {
    network = await startTestNetwork();
    parametersBefore = await as('CustomsAZ:officer1').get('/parameters');
    result = await runPilot(as, SAMPLES, (l) => printed.push(l));
    if (process.env.CATS_PILOT_PRINT === '1') console.log(printed.join('\n'));
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('the scenario', () => {
    it('takes the three movements through their life cycle to write-off, crediting each guarantee back', () => {
      expect(result.stories.map((s) => s.key)).to.deep.equal(['incident', 'discrepancy', 'enquiry']);
      for (const s of result.stories) {
        expect(s.mrn, s.key).to.match(/^\d{2}(AZ|GE)[A-Z0-9]{12}J\d$/);
        expect(s.status, s.key).to.equal('WRITTEN_OFF');
        expect(s.legalEffect, s.key).to.equal(false); // every pilot country is in PILOT
        expect(BigInt(s.guarantee.afterRelease.reserved) > BigInt(s.guarantee.before.reserved), s.key).to.equal(true);
        expect(s.guarantee.after.reserved, s.key).to.equal(s.guarantee.before.reserved);
      }
    });

    it('records the broken seal at the border office, with the new seal, under the Georgian officer', () => {
      const s = story('incident');
      const incidents = s.movement.incidents as Row[];
      expect(incidents).to.have.length(1);
      expect(incidents[0]).to.include({ office: 'GE000200', code: '2' });
      expect(String(incidents[0]!.text)).to.match(/AZC0418833 found broken/).and.match(/new seal GERB/);
      expect((incidents[0]!.actor as Row | undefined)?.mspId ?? incidents[0]!.mspId).to.equal('CustomsGEMSP');
      expect(s.timeline.map((e) => e.what)).to.include.members(['ACCEPTED', 'RELEASED', 'INCIDENT', 'BORDER CROSSED', 'ARRIVED', 'CONTROL RESULTS', 'WRITTEN_OFF']);
    });

    it('records the discrepancy found at destination and its solution before the write-off', () => {
      const s = story('discrepancy');
      expect(((s.movement.arrival as Row).controlResults as Row).code).to.equal('B1');
      const d = s.movement.discrepancies as Row;
      expect(d.office).to.equal('GE000100');
      expect(String(d.description)).to.match(/280 cartons/);
      expect(d.resolvedAt).to.be.a('string');
      const steps = s.timeline.map((e) => e.what);
      expect(steps.indexOf('DISCREPANCIES')).to.be.lessThan(steps.indexOf('CONTROLLED'));
      expect(steps.indexOf('CONTROLLED')).to.be.lessThan(steps.indexOf('WRITTEN_OFF'));
    });

    it('opens the enquiry only once the ledger time is past the time limit, and leaves the parameters as they were', async () => {
      const m = story('enquiry').movement;
      const enquiry = m.enquiry as Row;
      expect(Date.parse(String(enquiry.openedAt))).to.be.greaterThan(Date.parse(String(m.timeLimit)));
      expect(story('enquiry').timeline.map((e) => e.what)).to.include.members(['RELEASED', 'ENQUIRY', 'ENQUIRY ANSWERED', 'WRITTEN_OFF']);
      expect((m.enquiryAnswers as Row[])[0]).to.include({ proofFound: true });
      expect(await as('CustomsAZ:officer1').get('/parameters')).to.deep.equal(parametersBefore);
    });

    it('refuses the cotton yarn declaration because Turkmenistan has not acceded, naming TM', () => {
      const r = result.refusals[0]!;
      expect(r.status).to.equal(422);
      expect(r.code).to.equal('COUNTRY_NOT_MEMBER');
      expect(r.message).to.match(/\bTM\b/);
      expect(r.details).to.deep.include({ country: 'TM' });
    });

    it('answers every test-pack message with a coded rejection, never a server error', () => {
      expect(result.testPack.map((a) => a.file)).to.deep.equal(testPackFiles(SAMPLES));
      for (const a of result.testPack) {
        expect(a.status, `${a.file}: ${a.code} ${a.message}`).to.be.within(400, 499);
        expect(ERROR_CODES as string[], a.file).to.include(a.code);
      }
      // Messages about MRNs this ledger never issued are refused as such.
      for (const a of result.testPack.filter((x) => !['IE015'].includes(x.messageType))) expect(a.code, a.file).to.equal('UNKNOWN_MOVEMENT');
      // The IE015s name GB/XI offices; the chaincode stops at their first invalid field.
      for (const a of result.testPack.filter((x) => x.messageType === 'IE015')) expect(a.code, 'a declaration for GB/XI offices is answered by membership').to.equal('COUNTRY_NOT_MEMBER');
    });

    it('prints a timeline per movement and the test pack table', () => {
      const text = printed.join('\n');
      for (const s of result.stories) expect(text).to.contain(`MRN ${s.mrn}`);
      expect(text).to.contain('INCIDENT').and.contain('DISCREPANCIES').and.contain('ENQUIRY').and.contain('REFUSED 422 COUNTRY_NOT_MEMBER');
      expect(text).to.match(/test pack.*coded rejections, 0 server errors/);
    });

    it('runs again on the same ledger with new LRNs', async () => {
      const again = await runPilot(as, SAMPLES, () => undefined);
      expect(again.stories.map((s) => s.status)).to.deep.equal(['WRITTEN_OFF', 'WRITTEN_OFF', 'WRITTEN_OFF']);
      for (const [i, s] of again.stories.entries()) {
        expect(s.mrn).to.not.equal(result.stories[i]!.mrn);
        expect(s.lrn).to.not.equal(result.stories[i]!.lrn);
      }
    });
  });

  describe('the cats command', () => {
    let mrn: string;

    it('takes a declaration from lodging to write-off, each step exit 0', () => {
      const xml = fs.readFileSync(path.join(SAMPLES, 'cats-ie015-az-ge-hazelnuts.xml'), 'utf8');
      const file = path.join(tmp, 'hazelnuts.xml');
      fs.writeFileSync(file, withLrn(datedNow(xml), freshLrn('GAE2025031000017', 'CL')));
      const declared = cats('declare', file, '--as', 'CustomsAZ:trader1', '--json');
      expect(declared.status, declared.stderr).to.equal(0);
      mrn = String(((JSON.parse(declared.stdout) as Row).result as Row).mrn);
      expect(mrn).to.match(/^\d{2}AZ/);
      for (const step of [
        ['release', '--office', 'AZ000600', '--as', 'CustomsAZ:officer1'],
        ['cross', '--office', 'GE000200', '--as', 'CustomsGE:officer2'],
        ['arrive', '--office', 'GE000600', '--seals', 'intact', '--as', 'CustomsGE:officer1'],
        ['control-results', '--office', 'GE000600', '--code', 'A1', '--as', 'CustomsGE:officer1'],
        ['write-off', '--office', 'AZ000600', '--as', 'CustomsAZ:officer1'],
      ]) {
        const r = cats(step[0]!, mrn, ...step.slice(1));
        expect(r.status, `${step[0]}: ${r.stderr}`).to.equal(0);
        expect(r.stdout).to.contain(mrn);
      }
      const shown = cats('movement', mrn, '--as', 'CustomsAZ:officer1');
      expect(shown.status).to.equal(0);
      expect(shown.stdout).to.contain('WRITTEN_OFF');
    });

    it('exits 1 with one line when the network rejects an action', () => {
      const r = cats('write-off', mrn, '--office', 'AZ000600', '--as', 'CustomsAZ:officer1');
      expect(r.status).to.equal(1);
      expectOneLineError(r, /INVALID_STATE_TRANSITION/);
    });

    it('exits 1 with one line for an MRN this ledger never issued', () => {
      const r = cats('movement', '23GB000246NEXJ5OJ2', '--as', 'CustomsAZ:officer1');
      expect(r.status).to.equal(1);
      expectOneLineError(r, /UNKNOWN_MOVEMENT/);
    });

    it('exits 2 with one line for a file that is neither XML nor JSON, and for a wrong identity', () => {
      const bad = path.join(tmp, 'notes.txt');
      fs.writeFileSync(bad, 'hazelnuts, 22 t, Ganja to Poti\n');
      const r = cats('declare', bad, '--as', 'CustomsAZ:trader1');
      expect(r.status).to.equal(2);
      expectOneLineError(r, /UNSUPPORTED_FILE/);
      const who = cats('movement', mrn, '--as', 'CustomsAZ:nobody');
      expect(who.status).to.equal(2);
      expectOneLineError(who, /UNKNOWN_IDENTITY/);
    });

    it('writes the TAD whose text carries the MRN, offices, seals, guarantee and goods', async () => {
      const incident = story('incident');
      const out = path.join(tmp, 'tad.pdf');
      const t0 = Date.now();
      const r = cats('tad', incident.mrn, '--out', out, '--as', 'CustomsAZ:officer1');
      const ms = Date.now() - t0;
      expect(r.status, r.stderr).to.equal(0);
      const text = await pdfText(out);
      expect(text).to.contain(incident.mrn);
      for (const s of ['TRANSIT ACCOMPANYING DOCUMENT', 'TRANSIT LIST OF ITEMS', 'AZ000600', 'GE000200', 'GE000600', 'AZC0418832', 'AZC0418833', '25AZ0000000000715', 'Hazelnuts, shelled, in jute bags', 'AZ1700123451', 'NO LEGAL EFFECT (PILOT)']) {
        expect(text, s).to.contain(s);
      }
      expect(text).to.match(/GERB[A-Z0-9]+ affixed/); // the incident recorded at the border, with the new seal
      expect(ms, 'TAD generation').to.be.lessThan(15_000);
    });

    it('writes the TAD for the holder too (its own gateway reads the details for it)', async () => {
      const wine = story('discrepancy');
      const out = path.join(tmp, 'tad-holder.pdf');
      const r = cats('tad', wine.mrn, '--out', out, '--as', 'CustomsGE:trader1');
      expect(r.status, r.stderr).to.equal(0);
      const text = await pdfText(out);
      expect(text).to.contain(wine.mrn).and.contain('GE-0093411').and.contain('Red wine, Saperavi');
    });

    it('writes the operations report with SVG charts and the period’s incidents, discrepancies and overdue movements', () => {
      const day = new Date().toISOString().slice(0, 10);
      const dir = path.join(tmp, 'report');
      const r = cats('report', '--from', day, '--to', day, '--out', dir, '--as', 'CustomsAZ:supervisor1');
      expect(r.status, r.stderr).to.equal(0);
      const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
      const md = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
      expect(html).to.contain('<svg').and.contain(story('incident').mrn).and.contain(story('discrepancy').mrn);
      expect(html).to.not.match(/<(script|link|img)\b|src=|href=/); // self-contained
      expect(md).to.contain('## Incidents').and.contain('## Overdue movements').and.contain('<svg');
      for (const title of ['Movements per corridor', 'Release to arrival', 'Release to border crossing', 'Guarantee utilisation']) expect(html).to.contain(title);
    });

    it('refuses a report period given backwards (exit 2, one line)', () => {
      const r = cats('report', '--from', '2025-03-31', '--to', '2025-03-01', '--as', 'CustomsAZ:supervisor1');
      expect(r.status).to.equal(2);
      expectOneLineError(r, /--from is after --to/);
    });
  });
});
