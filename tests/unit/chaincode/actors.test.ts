// Issue 3 item "who acted": every record of a movement step carries the organisation AND the user, from
// the certificate's cats.user attribute (the CN when a certificate has none), and History returns it.
import { expect } from 'chai';
import { checkDigit } from '../../../chaincode/src/domain/identifiers';
import { compositeKey, type Identity } from './fake-fabric';
import { declareHazelnuts, guarantee, hazelnuts, issueArgs, movement, ok, who, withGuarantee } from './world';

const j = (o: Record<string, unknown>) => JSON.stringify(o);
const DAY = 86400;
/** the same officer, now with the set-up's cats.user attribute: it wins over the CN */
const namedOfficer: Identity = { ...who.azOfficer, attrs: { ...who.azOfficer.attrs, 'cats.user': 'officer1' } };

describe('who acted: organisation and user on every step record', () => {
  it('stamps timeline, crossing, arrival, unloading, control results and the credited reservation; History returns them', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger);
    ok(await ledger.invoke(movement, 'Release', namedOfficer, j({ mrn, office: 'AZ000600' })));
    const crossing = ok(await ledger.invoke(movement, 'RecordCrossing', who.geTransit, j({ mrn, office: 'GE000200' })));
    expect(crossing.actor).to.deep.equal({ mspId: 'CustomsGEMSP', user: 'officer-redbridge' });
    ok(await ledger.invoke(movement, 'RecordIncident', who.geTransit, j({ mrn, office: 'GE000200', code: '1', text: 'seal replaced' })));
    ok(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn, office: 'GE000600', sealsOk: true, simplified: true })));
    ok(await ledger.invoke(movement, 'GrantUnloading', who.geDest, j({ mrn, office: 'GE000600' })));
    ok(await ledger.invoke(movement, 'RecordUnloadingRemarks', who.trader, j({ mrn, office: 'GE000600', conform: true, sealsOk: true })));
    ok(await ledger.invoke(movement, 'RecordControlResults', who.geDest, j({ mrn, office: 'GE000600', code: 'A1' })));
    ok(await ledger.invoke(movement, 'WriteOff', namedOfficer, j({ mrn, office: 'AZ000600' })));

    const m = ok(await ledger.invoke(movement, 'Get', who.auditor, j({ mrn })));
    expect(m.timeline.map((t: any) => `${t.status}:${t.actor.user}@${t.actor.mspId}`)).to.deep.equal([
      'ACCEPTED:ganja-agro@CustomsAZMSP',
      'RELEASED:officer1@CustomsAZMSP',
      'WRITTEN_OFF:officer1@CustomsAZMSP',
    ]);
    for (const t of m.timeline) expect(t.txId).to.be.a('string');
    expect(m.incidents[0].actor).to.deep.equal({ mspId: 'CustomsGEMSP', user: 'officer-redbridge' });
    expect(m.arrival.actor).to.deep.equal({ mspId: 'CustomsAZMSP', user: 'ganja-agro' });
    expect(m.arrival.mspId).to.equal('CustomsGEMSP'); // the owner of the record stays the destination administration
    expect(m.arrival.unloadingPermission.actor).to.deep.equal({ mspId: 'CustomsGEMSP', user: 'officer-poti' });
    expect(m.arrival.unloadingRemarks.actor.user).to.equal('ganja-agro');
    expect(m.arrival.controlResults.actor).to.deep.equal({ mspId: 'CustomsGEMSP', user: 'officer-poti' });
    expect(m.arrival.controlResults.txId).to.be.a('string');
    const reservation = ledger.json(compositeKey('cats.rsv', [m.guarantees[0].grn, mrn]));
    expect(reservation.closedBy).to.deep.equal({ mspId: 'CustomsAZMSP', user: 'officer1' });

    const history = ok(await ledger.invoke(movement, 'History', who.auditor, j({ mrn })));
    expect(history.map((h: any) => h.actor)).to.deep.equal([
      { mspId: 'CustomsAZMSP', user: 'ganja-agro' },
      { mspId: 'CustomsAZMSP', user: 'officer1' },
      { mspId: 'CustomsAZMSP', user: 'officer1' },
    ]);
    expect(ledger.events.at(-1)!.payload.actor).to.deep.equal({ mspId: 'CustomsAZMSP', user: 'officer1' });
  });

  it('stamps enquiry answers and every step of a claim', async () => {
    const ledger = await withGuarantee();
    const grn = '25AZ000000000003' + checkDigit('25AZ000000000003');
    ok(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs({ grn }), { accessCode: 'ABCD' }));
    const d = hazelnuts({ lrn: 'ACTORS-CLAIM' });
    d.guarantees[0].references[0].grn = grn;
    const mrn = ok(await ledger.invoke(movement, 'Declare', who.trader, j(d as unknown as Record<string, unknown>), { accessCodes: j({ [grn]: 'ABCD' }) })).mrn;
    ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    ledger.advance(8 * DAY + 1);
    ok(await ledger.invoke(movement, 'OpenEnquiry', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    const answer = ok(await ledger.invoke(movement, 'AnswerEnquiry', who.trader, j({ mrn, proofFound: false, text: 'no proof' })));
    expect(answer.actor).to.deep.equal({ mspId: 'CustomsAZMSP', user: 'ganja-agro' });
    ledger.advance(28 * DAY + 1);
    ok(await ledger.invoke(movement, 'StartRecovery', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    const raised = ok(await ledger.invoke(guarantee, 'RaiseClaim', who.azOfficer, j({ grn, mrn, office: 'AZ000600', amount: '1000', evidenceHash: 'c'.repeat(64) })));
    expect(raised.raisedBy).to.deep.equal({ mspId: 'CustomsAZMSP', user: 'officer-ganja' });
    const accepted = ok(await ledger.invoke(guarantee, 'AcceptClaim', who.guarantor, j({ grn, mrn })));
    expect(accepted.answeredBy).to.deep.equal({ mspId: 'GuarantorMSP', user: 'underwriter' });
    const paid = ok(await ledger.invoke(guarantee, 'PayClaim', who.guarantor, j({ grn, mrn })));
    expect(paid.paidBy).to.deep.equal({ mspId: 'GuarantorMSP', user: 'underwriter' });
  });
});
