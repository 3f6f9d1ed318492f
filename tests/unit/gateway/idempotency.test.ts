import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { IdempotencyStore, fingerprintOf, type StoredResponse } from '../../../gateway/src/idempotency/idempotency-store';
import { openDb, type Db } from '../../../gateway/src/store/db';

const ok = (body: string): StoredResponse => ({ status: 201, contentType: 'application/json', body });

describe('gateway: idempotency store', () => {
  let db: Db;
  let now = 1_000_000;
  let store: IdempotencyStore;
  beforeEach(async () => {
    db = await openDb(fs.mkdtempSync(path.join(os.tmpdir(), 'cats-idem-')));
    store = new IdempotencyStore(db, 60_000, () => now);
  });
  afterEach(() => db.close());

  it('runs once and replays the first answer for the same key and body', async () => {
    let runs = 0;
    const fp = fingerprintOf('POST', '/api/v1/movements', 'application/json', Buffer.from('{"a":1}'));
    const first = await store.run('AZ:trader1', 'k1', fp, async () => ok(`run ${++runs}`));
    const second = await store.run('AZ:trader1', 'k1', fp, async () => ok(`run ${++runs}`));
    expect(first).to.deep.equal({ response: ok('run 1'), replayed: false });
    expect(second).to.deep.equal({ response: ok('run 1'), replayed: true });
    expect(runs).to.equal(1);
  });

  it('refuses the same key with another body (IDEMPOTENCY_KEY_REUSED, 422)', async () => {
    await store.run('s', 'k', 'fp1', async () => ok('x'));
    try {
      await store.run('s', 'k', 'fp2', async () => ok('y'));
      expect.fail('should refuse');
    } catch (e) {
      expect((e as CatsError).code).to.equal('IDEMPOTENCY_KEY_REUSED');
      expect((e as CatsError).status).to.equal(422);
    }
  });

  it('keeps keys apart per user', async () => {
    await store.run('AZ:trader1', 'k', 'fp1', async () => ok('one'));
    const other = await store.run('AZ:trader2', 'k', 'fp2', async () => ok('two'));
    expect(other.replayed).to.equal(false);
  });

  it('runs concurrent duplicates once', async () => {
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 30));
      return ok('slow');
    };
    const results = await Promise.all([1, 2, 3].map(() => store.run('s', 'k', 'fp', work)));
    expect(runs).to.equal(1);
    expect(results.filter((r) => r.replayed)).to.have.length(2);
  });

  it('forgets a key whose run failed or answered 5xx, so the client may retry', async () => {
    await store.run('s', 'k', 'fp', async () => ({ status: 503, contentType: 'application/json', body: '{}' }));
    const again = await store.run('s', 'k', 'fp', async () => ok('second'));
    expect(again).to.deep.equal({ response: ok('second'), replayed: false });
    await store.run('s', 'k2', 'fp', async () => Promise.reject(new Error('boom'))).catch(() => undefined);
    expect((await store.run('s', 'k2', 'fp', async () => ok('retried'))).replayed).to.equal(false);
  });

  it('expires keys after the retention time and checks the key format', async () => {
    await store.run('s', 'k', 'fp1', async () => ok('old'));
    now += 61_000;
    expect((await store.run('s', 'k', 'fp2', async () => ok('new'))).response.body).to.equal('new');
    try {
      await store.run('s', 'bad key with spaces', 'fp', async () => ok('x'));
      expect.fail('should refuse');
    } catch (e) {
      expect((e as CatsError).code).to.equal('VALIDATION_FAILED');
    }
  });
});
