// The gateway's per-GRN ordering of guarantee writes and the merged movement timeline: pure parts.
import { expect } from 'chai';
import { KeyedQueue } from '../../../gateway/src/transactions/keyed-queue';
import { grnsOfDeclaration } from '../../../gateway/src/usecases/guarantee-ordering';
import { mergedTimeline } from '../../../gateway/src/usecases/movement-timeline';

const tick = () => new Promise((r) => setImmediate(r));

describe('gateway: per-GRN ordering queue', () => {
  it('runs tasks on one key one after another and tasks on other keys at once', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const task = async (name: string, keys: string[], hold: Promise<void>) => {
      const release = await q.acquire(keys);
      log.push(`start ${name}`);
      await hold;
      log.push(`end ${name}`);
      release();
    };
    let openA!: () => void;
    const a = task('a', ['grn:1'], new Promise<void>((r) => (openA = r)));
    const b = task('b', ['grn:1'], Promise.resolve());
    const c = task('c', ['grn:2'], Promise.resolve());
    await tick();
    await tick();
    expect(log).to.deep.equal(['start a', 'start c', 'end c']);
    openA();
    await Promise.all([a, b, c]);
    expect(log).to.deep.equal(['start a', 'start c', 'end c', 'end a', 'start b', 'end b']);
    await tick();
    expect(q.has('grn:1')).to.equal(false);
  });

  it('waits for every key of a multi-key task, in any order, without deadlock', async () => {
    const q = new KeyedQueue();
    const r1 = await q.acquire(['grn:1', 'grn:2']);
    const second = q.acquire(['grn:2', 'grn:1']);
    let got = false;
    void second.then(() => (got = true));
    await tick();
    expect(got).to.equal(false);
    r1();
    (await second)();
    expect(got).to.equal(true);
  });

  it('takes the GRNs of a declaration, once each, ignoring malformed ones', () => {
    const d = { guarantees: [{ references: [{ grn: '24GB0000010000295' }, { grn: 'nonsense' }] }, { references: [{ grn: '24GB0000010000295' }] }] };
    expect(grnsOfDeclaration(d as never)).to.deep.equal(['24GB0000010000295']);
  });
});

describe('gateway: merged movement timeline', () => {
  it('merges departure steps, crossings, incidents, the arrival record and enquiry answers chronologically, each with its actor', () => {
    const az = { mspId: 'CustomsAZMSP', user: 'officer1' };
    const ge = { mspId: 'CustomsGEMSP', user: 'officer2' };
    const t = mergedTimeline({
      timeline: [
        { status: 'ACCEPTED', at: '2025-03-10T09:00:00Z', txId: 't1', actor: { mspId: 'CustomsAZMSP', user: 'trader1' }, office: 'AZ000600' },
        { status: 'RELEASED', at: '2025-03-10T09:00:00Z', txId: 't2', actor: az, office: 'AZ000600' },
        { status: 'WRITTEN_OFF', at: '2025-03-12T09:00:00Z', txId: 't7', actor: az, office: 'AZ000600' },
      ],
      crossings: [{ at: '2025-03-10T09:00:00Z', txId: 't3', actor: ge, office: 'GE000200' }],
      incidents: [{ at: '2025-03-10T12:00:00Z', txId: 't4', actor: ge, office: 'GE000200' }],
      arrival: {
        office: 'GE000600', arrivedAt: '2025-03-11T08:00:00Z', txId: 't5', actor: ge,
        controlResults: { at: '2025-03-11T09:00:00Z', txId: 't6', actor: ge, code: 'A1' },
      },
      enquiryAnswers: [],
    });
    expect(t.map((e) => e.event ?? e.status)).to.deep.equal(['ACCEPTED', 'RELEASED', 'BORDER_CROSSED', 'INCIDENT', 'ARRIVED', 'CONTROL_RESULTS', 'WRITTEN_OFF']);
    expect(t.map((e) => e.txId)).to.deep.equal(['t1', 't2', 't3', 't4', 't5', 't6', 't7']);
    expect(t[2]).to.deep.equal({ at: '2025-03-10T09:00:00Z', event: 'BORDER_CROSSED', office: 'GE000200', actor: ge, txId: 't3' });
    expect(t[5].office).to.equal('GE000600');
    expect(t[5].status).to.equal('CONTROLLED');
  });

  it('keeps the MSP id of records written before actors carried the user', () => {
    const t = mergedTimeline({ timeline: [{ status: 'ACCEPTED', at: '2025-03-10T09:00:00Z', txId: 't1', mspId: 'CustomsAZMSP' }] });
    expect(t[0].actor).to.deep.equal({ mspId: 'CustomsAZMSP' });
  });
});
