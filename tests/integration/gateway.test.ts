// Component tests of the REST gateway: the real app, started in-process (own port, own data folder),
// against a real network — the test network of the harness, or an already running one named by
// CATS_IT_NETWORK_FILE (for a quick run during development). Never touches the network's processes.
import { expect } from 'chai';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { checkDigit } from '../../chaincode/src/domain/identifiers';
import { issueToken } from '../../gateway/src/auth/tokens';
import { loadConfig } from '../../gateway/src/config';
import { startGateway, type RunningGateway } from '../../gateway/src/gateway';
import { samplesDir } from '../../gateway/src/ncts/paths';
import { verifyDelivery } from '../../gateway/src/webhooks/signature';
import { contractOf, findUser, openGateway, peerConnection } from '../../network/src/fabric-client';
import { readNetworkFile, type NetworkFile } from '../../network/src/network-file';
import { startTestNetwork } from './harness';

process.env.CATS_LOG_LEVEL ??= 'warn';

const unique = crypto.randomBytes(4).toString('hex').toUpperCase();
const GRN = (() => {
  const body = '26AZ' + ('IT' + unique + '0000').slice(0, 12);
  return body + checkDigit(body);
})();
const ACCESS = '7K2Q';

async function networkUnderTest(): Promise<{ network: NetworkFile; file: string }> {
  const file = process.env.CATS_IT_NETWORK_FILE;
  if (file) return { network: readNetworkFile(file), file };
  const network = await startTestNetwork();
  return { network, file: path.join(network.stateDir, 'network.json') };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('gateway component tests (real app, real network)', function () {
  this.timeout(180000);
  let network: NetworkFile;
  let file: string;
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-gw-it-'));
  const gateways: Record<string, RunningGateway> = {};
  const tokens: Record<string, string> = {};
  let mrn = '';

  const start = async (org: string) => {
    const config = loadConfig({ CATS_NETWORK_FILE: file, CATS_ORG: org, CATS_DATA_DIR: path.join(dataRoot, org), CATS_GATEWAY_PORT: '0' });
    gateways[org] = await startGateway(config);
    return gateways[org];
  };
  const token = async (who: string) => (tokens[who] ??= await issueToken(network, who.split(':')[0], who.split(':')[1]));
  const call = async (org: string, who: string, method: string, p: string, body?: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(gateways[org].url + p, { method, body, headers: { authorization: `Bearer ${await token(who)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } });
  const declarationXml = (lrn: string) =>
    fs.readFileSync(path.join(samplesDir(), 'cats-ie015-az-ge-hazelnuts.xml'), 'utf8')
      .replace(/<LRN>[^<]*<\/LRN>/, `<LRN>${lrn}</LRN>`)
      .replace(/<GRN>[^<]*<\/GRN>/, `<GRN>${GRN}</GRN>`)
      .replace(/<accessCode>[^<]*<\/accessCode>/, `<accessCode>${ACCESS}</accessCode>`)
      .replace(/(<arrivalDateAndTimeEstimated>)\d{4}/g, `$1${new Date().getUTCFullYear() + 1}`);

  before(async () => {
    ({ network, file } = await networkUnderTest());
    await start('CustomsAZ');
    await start('GuarantorPool');
    await until('gateways ready', async () => ((await fetch(gateways.CustomsAZ.url + '/health')).status === 200 ? true : undefined), 60000);
  });
  after(async () => {
    for (const g of Object.values(gateways)) await g.close();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  });

  it('/health is ready: peer reachable through an evaluate, index lag known', async () => {
    const res = await fetch(gateways.CustomsAZ.url + '/health');
    const body = (await res.json()) as { peer: { reachable: boolean }; index: { lagBlocks: number } };
    expect(res.status).to.equal(200);
    expect(body.peer.reachable).to.equal(true);
    expect(body.index.lagBlocks).to.be.at.most(50);
  });

  it('becomes ready after 60 blocks that carry no event of ours (the index counts itself caught up once its stream is quiet)', async () => {
    const org = network.organisations.find((o) => o.name === 'CustomsUZ')!;
    const client = peerConnection(org);
    const gateway = openGateway(client, findUser(network, 'CustomsUZ', 'officer1'));
    try {
      const ops = contractOf(gateway, network, 'ops');
      for (let i = 0; i < 60; i++) await ops.submitTransaction('Ping'); // one block each, no chaincode event
    } finally {
      gateway.close();
      client.close();
    }
    const uz = await start('CustomsUZ'); // a new gateway: its index ends at the last event, 60+ blocks back
    const body = await until('the new gateway ready', async () => {
      const res = await fetch(uz.url + '/health');
      return res.status === 200 ? ((await res.json()) as { index: { lagBlocks: number } }) : undefined;
    }, 30000);
    expect(body.index.lagBlocks).to.be.at.most(50);
  });

  it("refuses a token of another organisation's gateway", async () => {
    const res = await call('CustomsAZ', 'GuarantorPool:guarantor1', 'GET', '/api/v1/countries');
    expect(res.status).to.equal(401);
    expect(((await res.json()) as { code: string }).code).to.equal('UNAUTHENTICATED');
  });

  it('the guarantor issues a guarantee (access code only in the transient map); the holder checks its balance', async () => {
    const res = await call('GuarantorPool', 'GuarantorPool:guarantor1', 'POST', '/api/v1/guarantees', JSON.stringify({
      grn: GRN, type: '1', holderId: 'AZ1700123451', referenceAmount: { amount: '10000000', currency: 'USD' }, countries: ['AZ', 'GE'],
      validFrom: '2025-01-01', validTo: `${new Date().getUTCFullYear() + 2}-12-31`, accessCode: ACCESS,
    }), { prefer: 'wait=20' });
    expect(res.status, await res.clone().text()).to.equal(201);
    const ok = await call('CustomsAZ', 'CustomsAZ:trader1', 'POST', `/api/v1/guarantees/${GRN}/balance`, JSON.stringify({ accessCode: ACCESS }));
    expect(ok.status).to.equal(200);
    expect(((await ok.json()) as { available: string }).available).to.equal('10000000');
    const wrong = await call('CustomsAZ', 'CustomsAZ:trader1', 'POST', `/api/v1/guarantees/${GRN}/balance`, JSON.stringify({ accessCode: 'ZZ99' }));
    expect(wrong.status).to.equal(403);
    expect(((await wrong.json()) as { code: string }).code).to.equal('ACCESS_CODE_MISMATCH');
  });

  it('an IE015 that fails the XSD is refused with element and line, and nothing reaches the ledger', async () => {
    const before = await gateways.CustomsAZ.deps.feed.refreshHeight();
    const bad = declarationXml('LRN-FAR-TOO-LONG-FOR-THE-XSD-LIMIT');
    const res = await call('CustomsAZ', 'CustomsAZ:trader1', 'POST', '/api/v1/movements', bad, { 'content-type': 'application/xml' });
    const body = (await res.json()) as { code: string; details: { errors: { line: number; element?: string }[] } };
    expect(res.status).to.equal(400);
    expect(body.code).to.equal('XML_SCHEMA_INVALID');
    expect(body.details.errors[0].line).to.be.greaterThan(0);
    expect(body.details.errors.map((e) => e.element)).to.include('LRN');
    expect(await gateways.CustomsAZ.deps.feed.refreshHeight()).to.equal(before);
  });

  it('lodges an IE015 as the holder and answers IE028 in XML; a duplicate LRN is 409', async () => {
    const xml = declarationXml(`IT${unique}01`);
    const res = await call('CustomsAZ', 'CustomsAZ:trader1', 'POST', '/api/v1/movements', xml, { 'content-type': 'application/xml', accept: 'application/xml', prefer: 'wait=20' });
    const text = await res.text();
    expect(res.status, text).to.equal(201);
    expect(text).to.contain('<ncts:CC028C');
    mrn = /<MRN>([^<]+)<\/MRN>/.exec(text)![1];
    expect(res.headers.get('location')).to.equal(`/api/v1/movements/${mrn}`);
    const dup = await call('CustomsAZ', 'CustomsAZ:trader1', 'POST', '/api/v1/movements', xml, { 'content-type': 'application/xml', prefer: 'wait=20' });
    expect(dup.status).to.equal(409);
    expect(((await dup.json()) as { code: string }).code).to.equal('DUPLICATE_LRN');
  });

  it('releases with 202 Accepted and a status resource that reaches COMMITTED, under the officer’s own identity', async () => {
    const res = await call('CustomsAZ', 'CustomsAZ:officer1', 'POST', `/api/v1/movements/${mrn}/release`, JSON.stringify({ office: 'AZ000600' }));
    expect(res.status).to.equal(202);
    const loc = res.headers.get('location')!;
    const done = await until('commit', async () => {
      const s = (await (await call('CustomsAZ', 'CustomsAZ:officer1', 'GET', loc, undefined, { prefer: 'wait=5' })).json()) as { state: string };
      return s.state === 'PENDING' ? undefined : s;
    });
    expect(done.state).to.equal('COMMITTED');
    const events = await until('release event indexed', async () => {
      const page = (await (await call('CustomsAZ', 'CustomsAZ:officer1', 'GET', '/api/v1/events?limit=500')).json()) as { items: { name: string; mrn?: string; payload: { actor: { user: string; mspId: string } } }[] };
      const e = page.items.find((x) => x.mrn === mrn && x.name === 'MovementReleased');
      return e;
    });
    expect(events.payload.actor.mspId).to.equal('CustomsAZMSP');
    expect(events.payload.actor.user).to.match(/^officer1/);
  });

  it('Idempotency-Key against the ledger: one transaction, the same answer twice, 422 for another body', async () => {
    const body = JSON.stringify({ reason: 'integration test' });
    const headers = { 'idempotency-key': `it-${unique}`, prefer: 'wait=20' };
    const a = await call('GuarantorPool', 'GuarantorPool:guarantor1', 'POST', `/api/v1/guarantees/${GRN}/suspend`, body, headers);
    const b = await call('GuarantorPool', 'GuarantorPool:guarantor1', 'POST', `/api/v1/guarantees/${GRN}/suspend`, body, headers);
    expect(a.status).to.equal(200);
    expect(b.status).to.equal(200);
    expect(b.headers.get('idempotent-replayed')).to.equal('true');
    expect(await b.text()).to.equal(await a.text());
    const c = await call('GuarantorPool', 'GuarantorPool:guarantor1', 'POST', `/api/v1/guarantees/${GRN}/suspend`, JSON.stringify({ reason: 'other' }), headers);
    expect(c.status).to.equal(422);
    const back = await call('GuarantorPool', 'GuarantorPool:guarantor1', 'POST', `/api/v1/guarantees/${GRN}/reinstate`, '{}', { prefer: 'wait=20' });
    expect(back.status, await back.clone().text()).to.equal(200);
  });

  it('lists movements from the index with filters and explicit-offset dates', async () => {
    const page = await until('indexed', async () => {
      const r = (await (await call('CustomsAZ', 'CustomsAZ:trader1', 'GET', `/api/v1/movements?status=RELEASED&updatedSince=2020-01-01T00:00:00%2B04:00`)).json()) as { items: { mrn: string }[] };
      return r.items.some((m) => m.mrn === mrn) ? r : undefined;
    });
    expect(page.items.every((m) => typeof m.mrn === 'string')).to.equal(true);
    const bad = await call('CustomsAZ', 'CustomsAZ:trader1', 'GET', '/api/v1/movements?updatedSince=2025-01-01T00:00:00');
    expect(bad.status).to.equal(400);
    const read = (await (await call('CustomsAZ', 'CustomsAZ:trader1', 'GET', `/api/v1/movements/${mrn}`)).json()) as { timeline: { status: string }[]; messages: { message: string }[] };
    expect(read.timeline.map((t) => t.status)).to.include.members(['ACCEPTED', 'RELEASED']);
    expect(read.messages.map((m) => m.message)).to.include.members(['IE015', 'IE028', 'IE029']);
  });

  it('delivers events to a webhook with an HMAC signature, and resumes the index from its checkpoint after a restart', async () => {
    const received: { id: string; ok: boolean }[] = [];
    let secret = '';
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ id: String(req.headers['x-cats-event-id']), ok: verifyDelivery(secret, String(req.headers['x-cats-signature']), body) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const sub = await call('GuarantorPool', 'GuarantorPool:guarantor1', 'POST', '/api/v1/webhooks', JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, events: ['GuaranteeSuspended'] }));
      expect(sub.status).to.equal(201);
      secret = ((await sub.json()) as { secret: string }).secret;
      // the AZ gateway is down while the guarantee changes; on restart it catches up from its checkpoint
      await gateways.CustomsAZ.close();
      const s = await call('GuarantorPool', 'GuarantorPool:guarantor1', 'POST', `/api/v1/guarantees/${GRN}/suspend`, JSON.stringify({ reason: 'webhook' }), { prefer: 'wait=20' });
      expect(s.status).to.equal(200);
      const txId = ((await s.json()) as { transactionId: string }).transactionId;
      const delivered = await until('webhook delivery', async () => received.find((r) => r.id === txId));
      expect(delivered.ok).to.equal(true);
      await start('CustomsAZ');
      const seen = await until('AZ index caught up', async () => {
        const page = (await (await call('CustomsAZ', 'CustomsAZ:officer1', 'GET', '/api/v1/events?limit=500')).json()) as { items: { id: string }[] };
        return page.items.some((e) => e.id === txId) ? page : undefined;
      });
      const ids = seen.items.map((e) => e.id);
      expect(new Set(ids).size).to.equal(ids.length); // no event applied twice
    } finally {
      server.close();
    }
  });

  it('verifies the hash chain and every endorsement signature of the blocks', async () => {
    const res = await call('CustomsAZ', 'CustomsAZ:supervisor1', 'GET', '/api/v1/audit/blocks?from=0&to=12');
    const body = (await res.json()) as { valid: boolean; blocks: { linkValid: boolean | null }[] };
    expect(res.status).to.equal(200);
    expect(body.valid).to.equal(true);
    expect(body.blocks.length).to.be.greaterThan(1);
  });

  it('exposes Prometheus metrics for requests and submit stages', async () => {
    const text = await (await fetch(gateways.GuarantorPool.url + '/metrics')).text();
    expect(text).to.match(/cats_submit_stage_duration_seconds_count\{stage="endorse",transaction="guarantee:Issue"\} 1/);
    expect(text).to.contain('cats_index_lag_blocks');
  });
});
