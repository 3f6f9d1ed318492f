// The scenario's helpers: fresh LRNs within the NCTS limit, sample messages dated today, and the
// timeline read back from a movement record in ledger order.
import { expect } from 'chai';
import { isValidLrn } from '../../../chaincode/src/domain/identifiers';
import { datedNow, freshLrn, sampleLrn, withLrn } from '../../../client/src/demo/pilot/declare-sample';
import { timelineOf } from '../../../client/src/demo/pilot/timeline';

describe('pilot scenario helpers', () => {
  it('makes fresh LRNs of at most 22 characters from the sample LRN', () => {
    const lrn = freshLrn('TTS-2025-0312-004-LONGER', 'OV', 1_800_000_000_000);
    expect(lrn.length).to.be.at.most(22);
    expect(isValidLrn(lrn)).to.equal(true);
    expect(freshLrn('GAE2025031000017', 'SI', 1)).to.not.equal(freshLrn('GAE2025031000017', 'SI', 2));
    expect(sampleLrn(withLrn('<a><LRN>X</LRN></a>', 'Y'))).to.equal('Y');
  });

  it('dates a message today keeping the hours between its date-times', () => {
    const xml = '<m><preparationDateAndTime>2025-03-10T08:40:00</preparationDateAndTime><arrivalDateAndTimeEstimated>2025-03-10T16:00:00</arrivalDateAndTimeEstimated></m>';
    const out = datedNow(xml, Date.parse('2026-12-03T10:00:00.500Z'));
    expect(out).to.contain('<preparationDateAndTime>2026-12-03T10:00:00</preparationDateAndTime>');
    expect(out).to.contain('<arrivalDateAndTimeEstimated>2026-12-03T17:20:00</arrivalDateAndTimeEstimated>');
  });

  it('orders the timeline by block, then by the step of the life cycle', () => {
    const at = '2026-12-03T17:36:31Z';
    const t = timelineOf(
      {
        timeline: [{ status: 'ACCEPTED', at, txId: 'a', actor: { mspId: 'CustomsAZMSP', user: 'trader1' } }, { status: 'WRITTEN_OFF', at, txId: 'w' }],
        crossings: [{ office: 'GE000200', at, txId: 'c', mspId: 'CustomsGEMSP' }],
        incidents: [{ office: 'GE000200', code: '2', text: 'seal', at, txId: 'i' }],
      },
      new Map([['a', 1], ['i', 2], ['c', 3]]),
    );
    expect(t.map((e) => e.what)).to.deep.equal(['ACCEPTED', 'INCIDENT', 'BORDER CROSSED', 'WRITTEN_OFF']);
    expect(t[0]!.by).to.equal('trader1@CustomsAZ');
    expect(t[2]!.by).to.equal('CustomsGE');
  });
});
