// Idempotency-Key across a gateway crash (found by chaos/, issue 8): a gateway killed after it submitted a
// write but before it stored the answer used to run the write again on the client's retry, and the client
// got 409 (DUPLICATE_LRN / INVALID_STATE_TRANSITION) for a write that had committed. The key now remembers
// the transaction id once submitted, and a retry is answered from that transaction.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IdempotencyStore, type StoredResponse } from '../../../gateway/src/idempotency/idempotency-store';
import { openDb, type Db } from '../../../gateway/src/store/db';

const answer = (status: number, body: string): StoredResponse => ({ status, contentType: 'application/json', body });

describe('gateway: idempotency across a crash', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openDb(fs.mkdtempSync(path.join(os.tmpdir(), 'cats-idem-crash-')));
  });
  afterEach(() => db.close());

  /** A first process submits, records the transaction id, and dies before answering. */
  async function crashAfterSubmit(txId: string): Promise<void> {
    const first = new IdempotencyStore(db);
    let submitted!: () => void;
    const reached = new Promise<void>((r) => (submitted = r));
    void first.run('AZ:trader1', 'k', 'fp', async (onSubmitted) => {
      await onSubmitted(txId);
      submitted();
      return new Promise<StoredResponse>(() => undefined); // the process is gone: never answers
    });
    await reached;
  }

  it('answers the retry from the submitted transaction, never running the write again, and keeps that answer', async () => {
    await crashAfterSubmit('tx-1');
    const restarted = new IdempotencyStore(db);
    let runs = 0;
    const resumed: string[] = [];
    const resume = async (txId: string) => (resumed.push(txId), answer(201, `committed ${txId}`));
    const retry = await restarted.run('AZ:trader1', 'k', 'fp', async () => (runs++, answer(409, 'DUPLICATE_LRN')), resume);
    expect(retry).to.deep.equal({ response: answer(201, 'committed tx-1'), replayed: true });
    const again = await restarted.run('AZ:trader1', 'k', 'fp', async () => (runs++, answer(409, 'x')), resume);
    expect(again.response.body).to.equal('committed tx-1');
    expect(runs).to.equal(0);
    expect(resumed).to.deep.equal(['tx-1']); // stored after the first resume
  });

  it('does not store a still-pending (202) answer: the next retry asks again', async () => {
    await crashAfterSubmit('tx-2');
    const restarted = new IdempotencyStore(db);
    let asks = 0;
    const resume = async () => (++asks === 1 ? answer(202, 'pending') : answer(200, 'committed'));
    expect((await restarted.run('AZ:trader1', 'k', 'fp', async () => answer(500, 'no'), resume)).response.status).to.equal(202);
    expect((await restarted.run('AZ:trader1', 'k', 'fp', async () => answer(500, 'no'), resume)).response.status).to.equal(200);
    expect(asks).to.equal(2);
  });

  it('runs the write when the transaction is unknown (it never reached the orderer), and with another body still refuses the key', async () => {
    await crashAfterSubmit('tx-3');
    const restarted = new IdempotencyStore(db);
    const r = await restarted.run('AZ:trader1', 'k', 'fp', async () => answer(201, 'ran'), async () => undefined);
    expect(r).to.deep.equal({ response: answer(201, 'ran'), replayed: false });
    try {
      await restarted.run('AZ:trader1', 'k', 'other-body', async () => answer(201, 'x'));
      expect.fail('should refuse');
    } catch (e) {
      expect((e as { code: string }).code).to.equal('IDEMPOTENCY_KEY_REUSED');
    }
  });
});
