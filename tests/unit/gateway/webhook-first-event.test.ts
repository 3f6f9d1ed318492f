// A webhook subscriber is delivered a movement's FIRST event (MovementDeclared) too. The index's hook ran
// before the event's batch was written, so the visibility check found no movement and dropped it (found by
// chaos/: every receiver missed exactly the declarations).
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildMrn } from '../../../chaincode/src/domain/identifiers';
import type { Principal } from '../../../gateway/src/auth/principal';
import { MovementIndex } from '../../../gateway/src/index/movement-index';
import { gatewayMetrics } from '../../../gateway/src/observability/metrics';
import { openDb, type Db } from '../../../gateway/src/store/db';
import { Webhooks } from '../../../gateway/src/webhooks/webhooks';
import type { NetworkOrg } from '../../../network/src/network-file';

const mrn = buildMrn('25', 'AZ', '000000000007', 'J');
const org = { name: 'CustomsAZ', mspId: 'CustomsAZMSP', kind: 'CUSTOMS', country: 'AZ' } as unknown as NetworkOrg;
const officer: Principal = { org: 'CustomsAZ', userId: 'officer1', role: 'officer', offices: ['AZ000100'], traderId: null };
const trader: Principal = { org: 'CustomsAZ', userId: 'trader2', role: 'trader', offices: [], traderId: 'AZ1401987652' };

describe('gateway: webhooks deliver a movement’s first event', () => {
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

  it('queues and delivers MovementDeclared to a subscriber who may see the movement, and not to one who may not', async () => {
    const index = new MovementIndex(db);
    await index.open();
    const posted: { url: string; id: string }[] = [];
    const fakeFetch = (async (url: string, init: { headers: Record<string, string> }) => {
      posted.push({ url, id: init.headers['x-cats-event-id'] });
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const hooks = new Webhooks(db, org, index, gatewayMetrics(), fakeFetch);
    await hooks.open();
    try {
      await hooks.subscribe(officer, { url: 'http://127.0.0.1:9/officer' });
      await hooks.subscribe(trader, { url: 'http://127.0.0.1:9/other-trader' });
      const payload = { mrn, lrn: 'LRN1', status: 'ACCEPTED', holderId: 'AZ1700123451', officeOfDeparture: 'AZ000100', officeOfDestination: 'GE000600', countries: ['AZ', 'GE'], timestamp: '2025-03-10T08:40:00Z' };
      await index.apply({ blockNumber: 5n, transactionId: 'tx-declared', eventName: 'MovementDeclared', payload });
      await index.apply({ blockNumber: 6n, transactionId: 'tx-released', eventName: 'MovementReleased', payload: { ...payload, status: 'RELEASED' } });
      await hooks.deliverDue();
      expect(posted.filter((p) => p.url.endsWith('/officer')).map((p) => p.id)).to.deep.equal(['tx-declared', 'tx-released']);
      expect(posted.filter((p) => p.url.endsWith('/other-trader'))).to.have.length(0);
    } finally {
      hooks.close();
    }
  });
});
