// Issue 6 on a real network: Turkmenistan accedes to a network that is processing movements, without
// stopping it; a failed attempt (too few signatures) leaves the network as it was; the cotton-yarn
// declaration (Tashkent → Farap → Alat → Red Bridge → Batumi) then completes end to end, with
// Turkmenistan's administration recording the crossing at Farap from its own gateway. Runs after every
// other suite (folder later/), since the network has one member more afterwards.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { ApiClient, ApiError } from '../../../client/src/api-client';
import { datedNow } from '../../../client/src/demo/pilot/declare-sample';
import { accede } from '../../../network/src/accession';
import { checkDigit } from '../../../chaincode/src/domain/identifiers';
import { channelHasOrg, fetchConfig } from '../../../network/src/channel-update';
import { agree } from '../../../network/src/governance';
import { ROOT, layout } from '../../../network/src/layout';
import { readOrgs } from '../../../network/src/network';
import { NetworkFile } from '../../../network/src/network-file';
import { runningPid } from '../../../network/src/processes';
import { customsOrg } from '../../../network/src/topology';
import { startTestNetwork, testProfile } from '../harness';

const COTTON = path.join(ROOT, 'gateway', 'ncts', 'samples', 'cats-ie015-uz-tm-az-ge-cotton-yarn.xml');
// A guarantee of its own (the pilot suite issues the sample's GRN for UZ, AZ and GE only), valid in TM too.
const GRN_BODY = '26UZ0000ACCESS01';
const GRN = GRN_BODY + checkDigit(GRN_BODY);
/** The sample, dated today (rule 12 wants the estimated crossings after the release). */
const cotton = () => datedNow(fs.readFileSync(COTTON, 'utf8')).replace('<GRN>25UZ0000000004126</GRN>', `<GRN>${GRN}</GRN>`);

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, 'expected a rejection').to.be.instanceOf(ApiError);
  return e as ApiError;
}

describe('accession of Turkmenistan to the running network', function () {
  let network: NetworkFile;
  const as = (who: string) => ApiClient.as(network, who);
  const l = () => layout(testProfile().name);

  before(async () => {
    network = await startTestNetwork();
  });

  it('refuses the cotton-yarn declaration before accession, naming TM', async () => {
    const e = await rejection(as('CustomsUZ:trader1').submit('/movements', { xml: cotton() }));
    expect(e.code).to.equal('COUNTRY_NOT_MEMBER');
    expect(e.message).to.contain('TM');
  });

  it('a failed accession (too few signatures) leaves the channel and the processes as they were', async () => {
    const err = await accede({ profile: testProfile(), country: 'TM', signers: 1 }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).to.match(/refused: 1 organisations' admins signed.*requires \d/);
    const orgs = readOrgs(l())!;
    expect(orgs.map((o) => o.name)).to.not.include('CustomsTM');
    expect(runningPid(l().pids, 'peer-CustomsTM')).to.equal(undefined);
    const config = await fetchConfig(l(), orgs[0], orgs[0], testProfile().basePort, fs.mkdtempSync('/tmp/cats-acc-'));
    expect(channelHasOrg(config, customsOrg('TM', 5))).to.equal(false);
  });

  it('accedes TM while a movement is in flight, and the movement and its guarantee stay exact', async () => {
    // A movement released before the accession...
    const hazelnuts = datedNow(fs.readFileSync(path.join(ROOT, 'gateway', 'ncts', 'samples', 'cats-ie015-az-ge-hazelnuts.xml'), 'utf8')).replace(/<LRN>[^<]*<\/LRN>/, '<LRN>ACCESSION-INFLIGHT1</LRN>');
    await as('GuarantorPool:guarantor1')
      .submit('/guarantees', { body: { grn: '25AZ0000000000715', type: '1', holderId: 'AZ1700123451', referenceAmount: { amount: '50000000', currency: 'USD' }, countries: ['AZ', 'GE'], validFrom: '2025-01-01', validTo: '2030-12-31', accessCode: '7K2Q' } })
      .catch((e: ApiError) => {
        if (e.code !== 'ALREADY_EXISTS') throw e;
      });
    const balance = () => as('CustomsAZ:trader1').submit<{ available: string }>('/guarantees/25AZ0000000000715/balance', { body: { accessCode: '7K2Q' }, waitSeconds: undefined }).catch(() => as('CustomsAZ:trader1').post<{ available: string }>('/guarantees/25AZ0000000000715/balance', { accessCode: '7K2Q' }));
    const before = BigInt((await balance()).available);
    const { mrn } = await as('CustomsAZ:trader1').submit<{ mrn: string }>('/movements', { xml: hazelnuts });
    await as('CustomsAZ:officer1').submit(`/movements/${mrn}/release`, { body: { office: 'AZ000600' } });

    const result = await accede({ profile: testProfile(), country: 'TM' });
    network = result.network;
    console.log(`      accession took ${result.seconds.toFixed(1)} s`);
    expect(network.organisations.map((o) => o.name)).to.include('CustomsTM');

    // ...continues after it, through the same gateways that were running all along.
    await as('CustomsGE:officer2').submit(`/movements/${mrn}/cross`, { body: { office: 'GE000200' } });
    await as('CustomsGE:officer1').submit(`/movements/${mrn}/arrival`, { body: { office: 'GE000600', sealsOk: true } });
    await as('CustomsGE:officer1').submit(`/movements/${mrn}/control-results`, { body: { office: 'GE000600', code: 'A1' } });
    await as('CustomsAZ:officer1').submit(`/movements/${mrn}/write-off`, { body: { office: 'AZ000600' } });
    expect(BigInt((await balance()).available)).to.equal(before);
  });

  it('runs the cotton-yarn movement end to end, TM recording the crossing at Farap from its own gateway', async () => {
    // The guarantee covers TM too, which the registry knows only now.
    const guarantor = as('GuarantorPool:guarantor1');
    await guarantor
      .submit('/guarantees', {
        body: { grn: GRN, type: '1', holderId: 'UZ305421987', referenceAmount: { amount: '50000000', currency: 'USD' }, countries: ['UZ', 'TM', 'AZ', 'GE'], validFrom: '2025-01-01', validTo: '2030-12-31', accessCode: 'P9X4' },
      })
      .catch((e: ApiError) => {
        if (e.code !== 'ALREADY_EXISTS') throw e;
      });
    const t0 = Date.now();
    const { mrn } = await as('CustomsUZ:trader1').submit<{ mrn: string }>('/movements', { xml: cotton() });
    await as('CustomsUZ:officer1').submit(`/movements/${mrn}/release`, { body: { office: 'UZ000100' } });
    const tm = as('CustomsTM:officer2');
    expect(tm.org.gateway.url).to.not.equal(as('CustomsUZ:officer1').org.gateway.url);
    await tm.submit(`/movements/${mrn}/cross`, { body: { office: 'TM000200' } });
    await as('CustomsAZ:officer2').submit(`/movements/${mrn}/cross`, { body: { office: 'AZ000200' } });
    await as('CustomsGE:officer2').submit(`/movements/${mrn}/cross`, { body: { office: 'GE000200' } });
    await as('CustomsGE:officer1').submit(`/movements/${mrn}/arrival`, { body: { office: 'GE000700', sealsOk: true } });
    await as('CustomsGE:officer1').submit(`/movements/${mrn}/control-results`, { body: { office: 'GE000700', code: 'A1' } });
    await as('CustomsUZ:officer1').submit(`/movements/${mrn}/write-off`, { body: { office: 'UZ000100' } });
    console.log(`      first TM movement declared → written off in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const view = await as('CustomsTM:officer1').get<{ movement: { status: string; crossings: { office: string; actor: { mspId: string; user: string } }[] } }>(`/movements/${mrn}`);
    expect(view.movement.status).to.equal('WRITTEN_OFF');
    const farap = view.movement.crossings.find((c) => c.office === 'TM000200');
    expect(farap?.actor).to.deep.equal({ mspId: 'CustomsTMMSP', user: 'officer2' });
  });

  it('moves TM from PILOT to LIVE and suspends a member only with a majority, recorded on the ledger', async () => {
    const live = await agree(network, 'tm-live', { kind: 'SET_COUNTRY_MODE', code: 'TM', mode: 'LIVE' });
    expect(live.status).to.equal('APPLIED');
    expect(live.approvals.length).to.be.greaterThan(4 / 2);
    const countries = await as('CustomsAZ:officer1').get<{ code: string; mode: string; status: string }[] | { items: { code: string; mode: string }[] }>('/countries');
    const list = Array.isArray(countries) ? countries : countries.items;
    expect(list.find((c) => c.code === 'TM')?.mode).to.equal('LIVE');

    // One administration alone cannot suspend a member: the proposal stays open.
    const alone = await agree(network, 'suspend-tm', { kind: 'SUSPEND_MEMBER', mspId: 'CustomsTMMSP' }, 1);
    expect(alone.status).to.equal('OPEN');
    const orgStatus = async () => {
      const orgs = await as('CustomsAZ:officer1').get<{ mspId: string; status: string }[] | { items: { mspId: string; status: string }[] }>('/organisations');
      return (Array.isArray(orgs) ? orgs : orgs.items).find((o) => o.mspId === 'CustomsTMMSP')?.status;
    };
    expect(await orgStatus()).to.equal('ACTIVE');
    // With the majority it is applied; TM keeps its history but can no longer act.
    const suspended = await agree(network, 'suspend-tm', { kind: 'SUSPEND_MEMBER', mspId: 'CustomsTMMSP' });
    expect(suspended.status).to.equal('APPLIED');
    expect(await orgStatus()).to.equal('SUSPENDED');
    const { mrn } = await as('CustomsUZ:trader1').submit<{ mrn: string }>('/movements', { xml: cotton().replace(/<LRN>[^<]*<\/LRN>/, '<LRN>COTTON-AFTER-SUSPEND</LRN>') }).catch(async (err: ApiError) => {
      // A suspended member's country may make new movements through it inadmissible: that is a refusal too.
      expect(err.code).to.be.oneOf(['COUNTRY_NOT_MEMBER', 'FORBIDDEN']);
      return { mrn: '' };
    });
    if (mrn) {
      await as('CustomsUZ:officer1').submit(`/movements/${mrn}/release`, { body: { office: 'UZ000100' } });
      const refused = await rejection(as('CustomsTM:officer2').submit(`/movements/${mrn}/cross`, { body: { office: 'TM000200' } }));
      expect(refused.code).to.equal('FORBIDDEN');
      expect(refused.message).to.match(/suspended/);
    }
  });
});
