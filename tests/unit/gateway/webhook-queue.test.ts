// The webhook queue is keyed by due time: each delivery pass reads only what is due. It used to scan the
// whole queue every 250 ms, so deliveries backing off for a receiver that was gone (thousands after a chaos
// run) cost every gateway CPU while idle.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Principal } from '../../../gateway/src/auth/principal';
import { MovementIndex } from '../../../gateway/src/index/movement-index';
import { gatewayMetrics } from '../../../gateway/src/observability/metrics';
import { openDb, type Db } from '../../../gateway/src/store/db';
import { Webhooks } from '../../../gateway/src/webhooks/webhooks';
import type { NetworkOrg } from '../../../network/src/network-file';

const org = { name: 'CustomsAZ', mspId: 'CustomsAZMSP', kind: 'CUSTOMS', country: 'AZ' } as unknown as NetworkOrg;
const officer: Principal = { org: 'CustomsAZ', userId: 'officer1', role: 'officer', offices: ['AZ000100'], traderId: null };

describe('gateway: the webhook queue', () => {
  let db: Db;
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-wh-'));
    db = await openDb(dir);
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the queue in due order: a pass reads only what is due, a failed delivery waits for its backoff, the old layout is moved', async () => {
    // a delivery queued by the earlier layout (by subscription), as a gateway upgraded in place holds it
    await db.put('wh!s!old-sub', { id: 'old-sub', url: 'http://127.0.0.1:9/old', secret: 'x'.repeat(16), events: [], owner: officer, createdAt: '' });
    await db.put(`wh!q!old-sub!${'7'.padStart(30, '0')}`, { subscriptionId: 'old-sub', event: { id: 'tx-old', cursor: '7', name: 'MovementDeclared', blockNumber: '1', transactionId: 'tx-old', payload: {} }, attempts: 0, nextAttemptAt: 0 });
    const index = new MovementIndex(db);
    await index.open();
    let up = false;
    const posted: string[] = [];
    const fakeFetch = (async (_url: string, init: { headers: Record<string, string> }) => {
      posted.push(init.headers['x-cats-event-id']);
      return new Response(null, { status: up ? 204 : 503 });
    }) as unknown as typeof fetch;
    const hooks = new Webhooks(db, org, index, gatewayMetrics(), fakeFetch);
    await hooks.open();
    try {
      const keys = async (prefix: string) => (await db.keys({ gte: prefix, lt: prefix + '\uffff' }).all()).map((k) => k.slice(prefix.length));
      expect(await keys('wh!q!')).to.deep.equal([]);
      expect(await keys('wh!t!')).to.have.length(1);
      await hooks.deliverDue(); // the receiver is down: one attempt, then the backoff
      expect(posted).to.deep.equal(['tx-old']);
      const [waiting] = await keys('wh!t!');
      expect(Number(waiting.split('!')[0])).to.be.greaterThan(Date.now());
      await hooks.deliverDue(); // not due yet: nothing is read, nothing posted
      expect(posted).to.have.length(1);
      up = true;
      await hooks.deliverDue(Number(waiting.split('!')[0]));
      expect(posted).to.deep.equal(['tx-old', 'tx-old']);
      expect(await keys('wh!t!')).to.deep.equal([]);
    } finally {
      hooks.close();
    }
  });
});
