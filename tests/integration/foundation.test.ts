// Issue 10's path on a real network: one real CAREC declaration through its life cycle, each step by
// the organisation whose office acts, through that organisation's own gateway.
import { expect } from 'chai';
import path from 'node:path';
import { ApiClient, ApiError } from '../../client/src/api-client';
import { issueToken } from '../../gateway/src/auth/tokens';
import { runHazelnuts, HAZELNUTS } from '../../client/src/demo/hazelnuts';
import { ROOT } from '../../network/src/layout';
import { NetworkFile } from '../../network/src/network-file';
import { startTestNetwork } from './harness';

const SAMPLES = path.join(ROOT, 'gateway', 'ncts', 'samples');

describe('foundation: one CAREC movement end to end', function () {
  let network: NetworkFile;
  const as = (who: string) => ApiClient.as(network, who);

  before(async () => {
    network = await startTestNetwork();
  });

  it('runs the hazelnuts declaration from IE015 to write-off and credits the guarantee back exactly', async () => {
    const lines: string[] = [];
    const r = await runHazelnuts(as, SAMPLES, (l) => lines.push(l));
    expect(r.mrn).to.match(/^\d{2}AZ[A-Z0-9]{12}J[0-9]$/);
    expect(r.movement.status).to.equal('WRITTEN_OFF');
    // 38 500.00 USD reserved while the goods travel, and all of it back after write-off.
    expect(BigInt(r.afterRelease.reserved) - BigInt(r.before.reserved)).to.equal(3850000n);
    expect(r.after.available).to.equal(r.before.available);
    expect(r.after.reserved).to.equal(r.before.reserved);
    const statuses = (r.movement.timeline ?? []).map((e) => e.status);
    for (const s of ['ACCEPTED', 'RELEASED', 'ARRIVED', 'WRITTEN_OFF']) expect(statuses).to.include(s);
  });

  it('serves the transit accompanying document of the movement as a PDF', async () => {
    const r = await runHazelnuts(as, SAMPLES, () => undefined);
    const officer = as('CustomsAZ:officer1');
    const token = await issueToken(network, 'CustomsAZ', 'officer1');
    const res = await fetch(`${officer.org.gateway.url}/api/v1/movements/${r.mrn}/tad`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString('latin1')).to.equal('%PDF-');
  });

  it('records each step under the acting organisation and user', async () => {
    const r = await runHazelnuts(as, SAMPLES, () => undefined);
    const actors = (r.movement.timeline ?? []).map((e) => `${e.actor?.user}@${e.actor?.mspId}`);
    expect(actors).to.include('officer1@CustomsAZMSP');
    expect(actors).to.include('officer2@CustomsGEMSP');
    expect(actors).to.include('officer1@CustomsGEMSP');
  });

  it('refuses an XSD-invalid IE015 naming the element and line, and writes nothing', async () => {
    const trader = as('CustomsAZ:trader1');
    const fs = await import('node:fs');
    const valid = fs.readFileSync(path.join(SAMPLES, HAZELNUTS.file), 'utf8');
    const invalid = valid.replace('<declarationType>T1</declarationType>', '<declarationType>T1</declarationType><bogus>1</bogus>').replace(/<LRN>[^<]*<\/LRN>/, '<LRN>XSDINVALID0001</LRN>');
    const err = await trader.request('POST', '/movements', { xml: invalid, waitSeconds: 30 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).to.equal(400);
    expect(e.code).to.equal('XML_SCHEMA_INVALID');
    expect(JSON.stringify(e.details) + e.message).to.match(/bogus/);
    expect(JSON.stringify(e.details) + e.message).to.match(/line/i);
    const list = await as('CustomsAZ:officer1').get<{ items: { lrn: string }[] }>('/movements?holder=AZ1700123451&limit=200');
    expect(list.items.map((m) => m.lrn)).to.not.include('XSDINVALID0001');
  });

  it('refuses malformed XML with its line, and writes nothing', async () => {
    const err = await as('CustomsAZ:trader1').request('POST', '/movements', { xml: '<ncts:CC015C xmlns:ncts="http://ncts.dgtaxud.ec"><LRN>X</LRN>', waitSeconds: 30 }).then(
      () => undefined,
      (e: unknown) => e as ApiError,
    );
    expect(err?.code).to.equal('XML_NOT_WELL_FORMED');
    expect(JSON.stringify(err?.details) + err?.message).to.match(/line/i);
  });
});
