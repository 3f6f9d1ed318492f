import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildMrn } from '../../../chaincode/src/domain/identifiers';
import type { Principal } from '../../../gateway/src/auth/principal';
import { CHECKPOINT_KEY, cursorOfPosition, decodeListCursor, encodeListCursor, position, positionOfCursor } from '../../../gateway/src/index/index-keys';
import { MovementIndex } from '../../../gateway/src/index/movement-index';
import type { Viewer } from '../../../gateway/src/index/visibility';
import { openDb, type Db } from '../../../gateway/src/store/db';

const mrn = (n: number) => buildMrn('25', 'AZ', String(n).padStart(12, '0'), 'J');
const auditor: Viewer = { principal: { org: 'Auditor', userId: 'a', role: 'auditor', offices: [], traderId: null }, orgKind: 'AUDITOR', orgCountry: null, mspId: 'AuditorMSP' };
const customs = (country: string): Viewer => ({ principal: { org: `Customs${country}`, userId: 'o', role: 'officer', offices: [], traderId: null } as Principal, orgKind: 'CUSTOMS', orgCountry: country, mspId: `Customs${country}MSP` });
const trader = (id: string): Viewer => ({ principal: { org: 'CustomsAZ', userId: 't', role: 'trader', offices: [], traderId: id }, orgKind: 'CUSTOMS', orgCountry: 'AZ', mspId: 'CustomsAZMSP' });

describe('gateway: off-chain index', () => {
  let db: Db;
  let dir: string;
  let index: MovementIndex;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-index-'));
    db = await openDb(dir);
    index = new MovementIndex(db);
    await index.open();
  });
  afterEach(() => db.close());

  const declared = (n: number, block: bigint, at: string, holder = 'AZ1700123451', dest = 'GE000300') =>
    index.apply({ blockNumber: block, transactionId: `tx${n}`, eventName: 'MovementDeclared', payload: { mrn: mrn(n), lrn: `LRN${n}`, status: 'ACCEPTED', holderId: holder, officeOfDeparture: 'AZ000100', officeOfDestination: dest, timestamp: at } });

  it("answers an officer's office + status worklist from its own key family, and moves a movement out of it when its status changes", async () => {
    await declared(1, 1n, '2025-03-10T08:00:00Z');
    await declared(2, 2n, '2025-03-10T08:01:00Z');
    await index.apply({ blockNumber: 3n, transactionId: 'tx3', eventName: 'MovementReleased', payload: { mrn: mrn(1), status: 'RELEASED', office: 'AZ000100', timestamp: '2025-03-10T08:02:00Z' } });
    const released = await index.query({ office: 'AZ000100', status: 'RELEASED', limit: 10 }, auditor);
    expect(released.items.map((m) => m.mrn)).to.deep.equal([mrn(1)]);
    const accepted = await index.query({ office: 'AZ000100', status: 'ACCEPTED', limit: 10 }, auditor);
    expect(accepted.items.map((m) => m.mrn)).to.deep.equal([mrn(2)]);
    const stale: string[] = [];
    for await (const key of db.keys({ gte: 'ix!f!officeStatus!AZ000100|ACCEPTED!', lt: 'ix!f!officeStatus!AZ000100|ACCEPTED!~' })) stale.push(key);
    expect(stale).to.have.length(1);
  });

  it('rebuilds an index written with another key layout from the ledger', async () => {
    await declared(1, 1n, '2025-03-10T08:00:00Z');
    await db.put('ix!v', 1);
    const reopened = new MovementIndex(db);
    await reopened.open();
    expect(reopened.checkpoint()).to.equal(undefined);
    expect(await reopened.getMovement(mrn(1))).to.equal(undefined);
    expect(await db.get('ix!v')).to.equal(2);
  });

  it('keys sort in ledger order and cursors round-trip', () => {
    expect(position(9n, 1) < position(10n, 0)).to.equal(true);
    expect(cursorOfPosition(position(123n, 4))).to.equal('123.4');
    expect(positionOfCursor('123.4')).to.equal(position(123n, 4));
    expect(() => positionOfCursor('abc')).to.throw(/cursor/);
    expect(decodeListCursor(encodeListCursor('2025-03-10T08:40:00.000Z!' + mrn(1)))).to.contain(mrn(1));
    expect(() => decodeListCursor('garbage')).to.throw(/cursor/);
  });

  it('writes the checkpoint in the same batch and numbers events within a block', async () => {
    await declared(1, 5n, '2025-03-10T08:00:00Z');
    await declared(2, 5n, '2025-03-10T08:01:00Z');
    await declared(3, 6n, '2025-03-10T08:02:00Z');
    expect(await db.get(CHECKPOINT_KEY)).to.deep.equal({ blockNumber: '6', transactionId: 'tx3', ordinal: 0 });
    const feed = await index.events(undefined, 10, async () => true);
    expect(feed.items.map((e) => e.cursor)).to.deep.equal(['5.0', '5.1', '6.0']);
    const after = await index.events(positionOfCursor('5.0'), 10, async () => true);
    expect(after.items.map((e) => e.id)).to.deep.equal(['tx2', 'tx3']);
    // a restart reads the checkpoint back
    await db.close();
    db = await openDb(dir);
    const reopened = new MovementIndex(db);
    await reopened.open();
    expect(reopened.checkpoint()).to.deep.equal({ blockNumber: '6', transactionId: 'tx3', ordinal: 0 });
  });

  it('moves a movement between status keys when its status changes', async () => {
    await declared(1, 1n, '2025-03-10T08:00:00Z');
    await index.apply({ blockNumber: 2n, transactionId: 'tx-rel', eventName: 'MovementReleased', payload: { mrn: mrn(1), status: 'RELEASED', office: 'AZ000100', timestamp: '2025-03-10T09:00:00Z' } });
    expect((await index.query({ status: 'ACCEPTED', limit: 10 }, auditor)).items).to.have.length(0);
    const released = await index.query({ status: 'RELEASED', limit: 10 }, auditor);
    expect(released.items.map((m) => [m.mrn, m.lrn, m.holder, m.status])).to.deep.equal([[mrn(1), 'LRN1', 'AZ1700123451', 'RELEASED']]);
    expect((await index.eventsOf(mrn(1))).map((e) => e.name)).to.deep.equal(['MovementDeclared', 'MovementReleased']);
  });

  it('filters by office, holder, country and update time, and pages with a cursor', async () => {
    for (let i = 1; i <= 5; i++) await declared(i, BigInt(i), `2025-03-1${i}T08:00:00Z`, i % 2 ? 'AZ1700123451' : 'AZ1401987652', i === 5 ? 'UZ000400' : 'GE000300');
    expect((await index.query({ office: 'UZ000400', limit: 10 }, auditor)).items.map((m) => m.mrn)).to.deep.equal([mrn(5)]);
    expect((await index.query({ holder: 'AZ1401987652', limit: 10 }, auditor)).items.map((m) => m.mrn)).to.deep.equal([mrn(2), mrn(4)]);
    expect((await index.query({ country: 'GE', limit: 10 }, auditor)).items).to.have.length(4);
    const window = await index.query({ updatedSince: '2025-03-12T00:00:00.000Z', updatedUntil: '2025-03-14T08:00:00.000Z', limit: 10 }, auditor);
    expect(window.items.map((m) => m.mrn)).to.deep.equal([mrn(2), mrn(3), mrn(4)]);
    const page1 = await index.query({ limit: 2 }, auditor);
    expect(page1.items.map((m) => m.mrn)).to.deep.equal([mrn(1), mrn(2)]);
    const page2 = await index.query({ limit: 2, cursor: page1.nextCursor! }, auditor);
    expect(page2.items.map((m) => m.mrn)).to.deep.equal([mrn(3), mrn(4)]);
    const page3 = await index.query({ limit: 2, cursor: page2.nextCursor! }, auditor);
    expect(page3.items.map((m) => m.mrn)).to.deep.equal([mrn(5)]);
    expect(page3.nextCursor).to.equal(null);
  });

  it('shows a holder only its own movements and a customs administration only its itinerary', async () => {
    await declared(1, 1n, '2025-03-10T08:00:00Z', 'AZ1700123451', 'GE000300');
    await declared(2, 2n, '2025-03-10T08:00:00Z', 'AZ1401987652', 'AZ000200');
    expect((await index.query({ limit: 10 }, trader('AZ1700123451'))).items.map((m) => m.mrn)).to.deep.equal([mrn(1)]);
    expect((await index.query({ limit: 10 }, customs('GE'))).items.map((m) => m.mrn)).to.deep.equal([mrn(1)]);
    expect((await index.query({ limit: 10 }, customs('UZ'))).items).to.have.length(0);
    expect((await index.query({ limit: 10 }, auditor)).items).to.have.length(2);
  });
});
