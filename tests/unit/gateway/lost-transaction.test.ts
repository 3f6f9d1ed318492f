// A transaction the ordering service lost (a Raft leader crashed with it unordered) is settled as FAILED
// from its own transaction id once it is neither committed nor on the ledger, never resubmitted by the
// gateway; the writes queued behind it on the same guarantee then go on.
import { expect } from 'chai';
import { CommitStatusError } from '@hyperledger/fabric-gateway';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FabricConnections } from '../../../gateway/src/fabric/connections';
import { gatewayMetrics } from '../../../gateway/src/observability/metrics';
import { openDb, type Db } from '../../../gateway/src/store/db';
import { Submitter } from '../../../gateway/src/transactions/submitter';
import { TxStore } from '../../../gateway/src/transactions/tx-store';

function fakeFabric(onLedger: boolean): { fabric: FabricConnections; submitted: string[] } {
  const submitted: string[] = [];
  let n = 0;
  const contract = {
    newProposal: () => {
      const id = `tx${++n}`;
      return {
        getTransactionId: () => id,
        endorse: async () => ({
          submit: async () => {
            submitted.push(id);
            return {
              getTransactionId: () => id,
              getResult: () => new TextEncoder().encode('{}'),
              getStatus: async () => {
                await new Promise((r) => setTimeout(r, 5));
                throw new CommitStatusError({ code: 4, details: [], cause: new Error('deadline') as never, transactionId: id, message: 'deadline exceeded' });
              },
            };
          },
        }),
      };
    },
  };
  const qscc = {
    evaluateTransaction: async (_fn: string, _ch: string, txId: string) => {
      if (onLedger) return new Uint8Array();
      throw new Error(`Failed to get transaction with id ${txId}, error no such transaction ID [${txId}] in index`);
    },
  };
  return { fabric: { contract: () => contract, systemContract: () => qscc, network: { channel: 'transit' } } as unknown as FabricConnections, submitted };
}

describe('gateway: a transaction lost by ordering', () => {
  let db: Db;
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-lost-'));
    db = await openDb(dir);
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const request = { principal: { org: 'CustomsAZ', userId: 'trader1', role: 'trader', offices: [], traderId: 'AZ1700123451' }, transaction: 'movement:Declare', arg: {}, orderingKeys: ['grn:25AZ0000000000715'] } as never;

  it('is settled FAILED (NETWORK_UNAVAILABLE) from its own id, without a second transaction, and frees the guarantee queue', async () => {
    const { fabric, submitted } = fakeFabric(false);
    const s = new Submitter(fabric, new TxStore(db), gatewayMetrics(), { commitStatusDeadlineMs: 5, lostAfterMs: 30, commitPatienceMs: 5000, baseDelayMs: 1 });
    const first = await s.submit(request);
    const second = s.submit(request); // waits behind the first on the same guarantee
    const settled = await first.done;
    expect(settled.state).to.equal('FAILED');
    expect(settled.error?.code).to.equal('NETWORK_UNAVAILABLE');
    expect(settled.error?.message).to.contain('lost by the ordering service');
    expect(submitted[0]).to.equal(settled.transactionId);
    await (await second).done;
    expect(submitted).to.have.length(2); // the queued write went on; the lost one was not sent again
  });

  it('keeps waiting while the same transaction id is on the ledger', async () => {
    const { fabric, submitted } = fakeFabric(true);
    const s = new Submitter(fabric, new TxStore(db), gatewayMetrics(), { commitStatusDeadlineMs: 5, lostAfterMs: 10, commitPatienceMs: 150, baseDelayMs: 1 });
    const { done } = await s.submit(request);
    const record = await done;
    expect(record.state).to.equal('PENDING');
    expect(submitted).to.have.length(1);
  });
});
