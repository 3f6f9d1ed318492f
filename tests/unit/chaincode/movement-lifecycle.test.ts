import { expect } from 'chai';
import { checkDigit } from '../../../chaincode/src/domain/identifiers';
import { contracts } from '../../../chaincode/src/index';
import { compositeKey, type FakeLedger } from './fake-fabric';
import { CODES, GRN, balance, declareHazelnuts, fails, guarantee, hazelnuts, movement, ok, ops, registry, who, withGuarantee } from './world';

const j = (o: Record<string, unknown>) => JSON.stringify(o);
const DAY = 86400;

async function released(): Promise<{ ledger: FakeLedger; mrn: string }> {
  const ledger = await withGuarantee();
  const mrn = await declareHazelnuts(ledger);
  ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn, office: 'AZ000600' })));
  return { ledger, mrn };
}

async function status(ledger: FakeLedger, mrn: string): Promise<string> {
  return ok(await ledger.invoke(movement, 'Get', who.auditor, j({ mrn }))).status;
}

describe('movement: life cycle', () => {
  it('runs the thin life cycle and credits the reservation back exactly once', async () => {
    const { ledger, mrn } = await released();
    expect(ledger.events.at(-1)!.name).to.equal('MovementReleased');
    expect(await status(ledger, mrn)).to.equal('RELEASED');
    const crossing = ok(await ledger.invoke(movement, 'RecordCrossing', who.geTransit, j({ mrn, office: 'GE000200' })));
    expect(crossing.declared).to.equal(true);
    expect(ledger.events.at(-1)!.name).to.equal('BorderCrossed');
    expect(ledger.policies.has(compositeKey('cats.mvt.crossing', [mrn, 'GE000200']))).to.equal(true);
    ok(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn, office: 'GE000600', sealsOk: true })));
    expect(await status(ledger, mrn)).to.equal('ARRIVED');
    fails(await ledger.invoke(movement, 'WriteOff', who.azOfficer, j({ mrn, office: 'AZ000600' })), 'INVALID_STATE_TRANSITION');
    ok(await ledger.invoke(movement, 'RecordControlResults', who.geDest, j({ mrn, office: 'GE000600', code: 'A1' })));
    expect(ledger.events.at(-1)!.name).to.equal('ControlResultsRecorded');
    expect(await status(ledger, mrn)).to.equal('CONTROLLED');
    expect((await balance(ledger)).available).to.equal('6150000');
    const w = ok(await ledger.invoke(movement, 'WriteOff', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    expect(w.credited).to.deep.equal([{ grn: GRN, amount: '3850000', currency: 'USD' }]);
    expect(ledger.events.at(-1)!.name).to.equal('MovementWrittenOff');
    expect((await balance(ledger)).available).to.equal('10000000');
    fails(await ledger.invoke(movement, 'WriteOff', who.azOfficer, j({ mrn, office: 'AZ000600' })), 'INVALID_STATE_TRANSITION');
    expect((await balance(ledger)).available).to.equal('10000000');
    const history = ok(await ledger.invoke(movement, 'History', who.auditor, j({ mrn })));
    expect(history.map((h: any) => h.status)).to.deep.equal(['ACCEPTED', 'RELEASED', 'WRITTEN_OFF']);
    expect(history[0]).to.have.keys('txId', 'timestamp', 'status', 'office', 'actor', 'isDelete');
  });

  it('checks who acts: office in cats.offices and of the caller’s administration (rule 19)', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger);
    const before = ledger.snapshot();
    fails(await ledger.invoke(movement, 'Release', who.geRogue, j({ mrn, office: 'AZ000600' })), 'FORBIDDEN_OFFICE');
    fails(await ledger.invoke(movement, 'Release', who.azOfficerBaku, j({ mrn, office: 'AZ000600' })), 'FORBIDDEN_OFFICE');
    fails(await ledger.invoke(movement, 'Release', who.azOfficerBaku, j({ mrn, office: 'AZ000100' })), 'FORBIDDEN_OFFICE');
    fails(await ledger.invoke(movement, 'Release', who.trader, j({ mrn, office: 'AZ000600' })), 'FORBIDDEN_ROLE');
    fails(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn: '25AZ000000000000J1', office: 'AZ000600' })), 'INVALID_IDENTIFIER', 'mrn');
    expect(ledger.snapshot()).to.equal(before);
    ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    fails(await ledger.invoke(movement, 'RecordCrossing', who.azOfficer, j({ mrn, office: 'GE000200' })), 'FORBIDDEN_OFFICE');
    fails(await ledger.invoke(movement, 'RecordControlResults', who.geDest, j({ mrn, office: 'GE000600', code: 'A1' })), 'INVALID_STATE_TRANSITION');
    fails(await ledger.invoke(movement, 'NotifyArrival', who.otherTrader, j({ mrn, office: 'GE000600', sealsOk: true })), 'FORBIDDEN');
  });

  it('lets the holder cancel before release and credits back; after release only customs may invalidate (rule 7)', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger);
    ok(await ledger.invoke(movement, 'RequestCancellation', who.trader, j({ mrn, reason: 'truck broke down' })));
    expect(await status(ledger, mrn)).to.equal('CANCELLED');
    expect((await balance(ledger)).available).to.equal('10000000');
    fails(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn, office: 'GE000600', sealsOk: true })), 'INVALID_STATE_TRANSITION');
    fails(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn: '25AZ0000000000AAJ' + '0', office: 'GE000600' })), 'INVALID_IDENTIFIER');

    const second = await declareHazelnuts(ledger, hazelnuts({ lrn: 'SECOND' }));
    ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn: second, office: 'AZ000600' })));
    const before = ledger.snapshot();
    fails(await ledger.invoke(movement, 'RequestCancellation', who.trader, j({ mrn: second })), 'MESSAGE_OUT_OF_SEQUENCE');
    expect(ledger.snapshot()).to.equal(before);
    ok(await ledger.invoke(movement, 'Invalidate', who.azOfficer, j({ mrn: second, office: 'AZ000600', reason: 'goods never left' })));
    expect((await balance(ledger)).available).to.equal('10000000');
  });

  it('records crossings at undeclared offices of transit, once', async () => {
    const { ledger, mrn } = await released();
    const c = ok(await ledger.invoke(movement, 'RecordCrossing', who.geTransit, j({ mrn, office: 'GE000300' })));
    expect(c.declared).to.equal(false);
    fails(await ledger.invoke(movement, 'RecordCrossing', who.geTransit, j({ mrn, office: 'GE000300' })), 'ALREADY_EXISTS');
    ok(await ledger.invoke(movement, 'RecordIncident', who.geTransit, j({ mrn, office: 'GE000300', code: '1', text: 'seal replaced' })));
    expect(ok(await ledger.invoke(movement, 'Get', who.trader, j({ mrn }))).crossings).to.have.length(1);
  });

  it('accepts arrival at another competent office; requires the state of seals (rules 13, 16)', async () => {
    const { ledger, mrn } = await released();
    fails(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn, office: 'GE000700' })), 'VALIDATION_FAILED', 'sealsOk');
    fails(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn, office: 'GE000200', sealsOk: true })), 'OFFICE_ROLE_MISMATCH');
    const a = ok(await ledger.invoke(movement, 'NotifyArrival', who.geDest, j({ mrn, office: 'GE000700', sealsOk: true })));
    expect(a.declaredDestination).to.equal(false);
    fails(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn, office: 'GE000600', sealsOk: true })), 'INVALID_STATE_TRANSITION');
    fails(await ledger.invoke(movement, 'RecordControlResults', who.geDest, j({ mrn, office: 'GE000600', code: 'A1' })), 'FORBIDDEN_OFFICE');
    ok(await ledger.invoke(movement, 'RecordControlResults', who.geDest, j({ mrn, office: 'GE000700', code: 'A1' })));
  });

  it('runs the simplified procedure: unloading permission and remarks before control results', async () => {
    const { ledger, mrn } = await released();
    ok(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn, office: 'GE000600', sealsOk: true, simplified: true })));
    fails(await ledger.invoke(movement, 'RecordUnloadingRemarks', who.trader, j({ mrn, office: 'GE000600', conform: true, sealsOk: true })), 'INVALID_STATE_TRANSITION');
    ok(await ledger.invoke(movement, 'GrantUnloading', who.geDest, j({ mrn, office: 'GE000600' })));
    expect(await status(ledger, mrn)).to.equal('UNLOADING');
    fails(await ledger.invoke(movement, 'RecordControlResults', who.geDest, j({ mrn, office: 'GE000600', code: 'A1' })), 'INVALID_STATE_TRANSITION');
    ok(await ledger.invoke(movement, 'RecordUnloadingRemarks', who.trader, j({ mrn, office: 'GE000600', conform: true, sealsOk: true })));
    ok(await ledger.invoke(movement, 'RecordControlResults', who.geDest, j({ mrn, office: 'GE000600', code: 'A2' })));
    ok(await ledger.invoke(movement, 'WriteOff', who.azOfficer, j({ mrn, office: 'AZ000600' })));
  });

  it('needs major discrepancies solved before write-off (rule 17)', async () => {
    const { ledger, mrn } = await released();
    ok(await ledger.invoke(movement, 'NotifyArrival', who.trader, j({ mrn, office: 'GE000600', sealsOk: false })));
    ok(await ledger.invoke(movement, 'RecordControlResults', who.geDest, j({ mrn, office: 'GE000600', code: 'B1' })));
    fails(await ledger.invoke(movement, 'WriteOff', who.azOfficer, j({ mrn, office: 'AZ000600' })), 'INVALID_STATE_TRANSITION', 'B1');
    ok(await ledger.invoke(movement, 'RecordDiscrepancies', who.azOfficer, j({ mrn, office: 'AZ000600', description: '10 bags short' })));
    expect(await status(ledger, mrn)).to.equal('DISCREPANCIES');
    ok(await ledger.invoke(movement, 'ResolveDiscrepancies', who.azOfficer, j({ mrn, office: 'AZ000600', resolution: 'duty paid' })));
    ok(await ledger.invoke(movement, 'WriteOff', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    expect((await balance(ledger)).available).to.equal('10000000');
  });

  it('opens an enquiry only after the time limit; alternative proof leads to write-off (rule 20)', async () => {
    const { ledger, mrn } = await released();
    fails(await ledger.invoke(movement, 'OpenEnquiry', who.azOfficer, j({ mrn, office: 'AZ000600' })), 'TIME_LIMIT_NOT_REACHED');
    ledger.advance(8 * DAY + 1);
    ok(await ledger.invoke(movement, 'OpenEnquiry', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    fails(await ledger.invoke(movement, 'StartRecovery', who.azOfficer, j({ mrn, office: 'AZ000600' })), 'TIME_LIMIT_NOT_REACHED');
    ok(await ledger.invoke(movement, 'AnswerEnquiry', who.trader, j({ mrn, proofFound: true, evidenceHash: 'a'.repeat(64) })));
    ok(await ledger.invoke(movement, 'WriteOff', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    expect((await balance(ledger)).available).to.equal('10000000');
  });

  it('recovers after an unanswered enquiry; the claim is split exactly over the shares', async () => {
    const ledger = await withGuarantee();
    // a second guarantee with a risk split for GE
    const grn = '25AZ000000000002' + checkDigit('25AZ000000000002');
    const shares = {
      fronting: [{ country: 'AZ', insurerMspId: 'GuarantorMSP', bp: 10000 }],
      reinsurance: [
        { country: 'AZ', insurer: 'Re A', bp: 3333 },
        { country: 'AZ', insurer: 'Re B', bp: 3333 },
        { country: 'AZ', insurer: 'Re C', bp: 3334 },
      ],
    };
    const issued = await ledger.invoke(guarantee, 'Issue', who.guarantor, j({ grn, type: '1', holderId: 'AZ1700123451', referenceAmount: { amount: '5000000', currency: 'USD' }, countries: ['AZ', 'GE'], validFrom: '2025-01-01', validTo: '2026-01-01', shares }), { accessCode: 'QQ11' });
    ok(issued);
    const d = hazelnuts({ lrn: 'REC-1' });
    d.guarantees[0].references[0] = { sequenceNumber: 1, grn, amountToBeCovered: { amount: '1000001', currency: 'USD' } };
    const mrn = ok(await ledger.invoke(movement, 'Declare', who.trader, j(d as unknown as Record<string, unknown>), { accessCodes: j({ [grn]: 'QQ11' }) })).mrn;
    ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    ledger.advance(8 * DAY + 1);
    ok(await ledger.invoke(movement, 'OpenEnquiry', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    fails(await ledger.invoke(guarantee, 'RaiseClaim', who.azOfficer, j({ grn, mrn, office: 'AZ000600', amount: '1000001', evidenceHash: 'b'.repeat(64) })), 'INVALID_STATE_TRANSITION');
    ledger.advance(28 * DAY + 1);
    ok(await ledger.invoke(movement, 'StartRecovery', who.azOfficer, j({ mrn, office: 'AZ000600', reason: 'no proof of arrival' })));
    expect(ledger.events.at(-1)!.payload.grns).to.deep.equal([grn]);
    fails(await ledger.invoke(guarantee, 'RaiseClaim', who.azOfficer, j({ grn, mrn, office: 'AZ000600', amount: '1000002', evidenceHash: 'b'.repeat(64) })), 'INVALID_AMOUNT', 'amount');
    fails(await ledger.invoke(guarantee, 'RaiseClaim', who.geDest, j({ grn, mrn, office: 'GE000600', amount: '1000001', evidenceHash: 'b'.repeat(64) })), 'FORBIDDEN_OFFICE');
    ok(await ledger.invoke(guarantee, 'RaiseClaim', who.azOfficer, j({ grn, mrn, office: 'AZ000600', amount: '1000001', evidenceHash: 'b'.repeat(64) })));
    fails(await ledger.invoke(guarantee, 'PayClaim', who.otherGuarantor, j({ grn, mrn })), 'FORBIDDEN');
    fails(await ledger.invoke(movement, 'CompleteRecovery', who.azOfficer, j({ mrn, office: 'AZ000600', settledBy: 'GUARANTOR' })), 'INVALID_STATE_TRANSITION');
    ok(await ledger.invoke(guarantee, 'AcceptClaim', who.guarantor, j({ grn, mrn })));
    const paid = ok(await ledger.invoke(guarantee, 'PayClaim', who.guarantor, j({ grn, mrn })));
    expect(paid.split.fronting).to.deep.equal([{ party: 'GuarantorMSP', bp: 10000, amount: '1000001' }]);
    expect(paid.split.reinsurance.map((p: any) => p.amount)).to.deep.equal(['333300', '333300', '333401']);
    const done = ok(await ledger.invoke(movement, 'CompleteRecovery', who.azOfficer, j({ mrn, office: 'AZ000600', settledBy: 'GUARANTOR' })));
    expect(done.status).to.equal('RECOVERED');
    fails(await ledger.invoke(movement, 'WriteOff', who.azOfficer, j({ mrn, office: 'AZ000600' })), 'INVALID_STATE_TRANSITION');
  });

  it('goes to GUARANTEE_INVALID at release when the guarantee was suspended; a guarantee amendment brings it back (rules 5, 6)', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger);
    ok(await ledger.invoke(guarantee, 'Suspend', who.guarantor, j({ grn: GRN })));
    const r = ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    expect(r.status).to.equal('GUARANTEE_INVALID');
    expect(ledger.events.at(-1)!.name).to.equal('GuaranteeNotValid');
    ok(await ledger.invoke(guarantee, 'Reinstate', who.guarantor, j({ grn: GRN })));
    const changed = hazelnuts();
    changed.officeOfDestination = 'GE000700';
    fails(await ledger.invoke(movement, 'Amend', who.trader, j({ mrn, declaration: changed }), CODES), 'VALIDATION_FAILED', 'only the guarantee part');
    const smaller = hazelnuts();
    smaller.guarantees[0].references[0].amountToBeCovered.amount = '3000000';
    const a = ok(await ledger.invoke(movement, 'Amend', who.trader, j({ mrn, declaration: smaller }), CODES));
    expect(a.status).to.equal('ACCEPTED');
    expect((await balance(ledger)).available).to.equal('7000000');
    fails(await ledger.invoke(movement, 'Amend', who.trader, j({ mrn, declaration: { ...smaller, lrn: 'OTHER' } }), CODES), 'VALIDATION_FAILED', 'lrn');
    ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    fails(await ledger.invoke(movement, 'Amend', who.trader, j({ mrn, declaration: smaller }), CODES), 'MESSAGE_OUT_OF_SEQUENCE');
  });

  it('refuses release (IE051) and credits back', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger);
    ok(await ledger.invoke(movement, 'DecideControl', who.azOfficer, j({ mrn, office: 'AZ000600' })));
    expect(await status(ledger, mrn)).to.equal('UNDER_CONTROL');
    ok(await ledger.invoke(movement, 'RefuseRelease', who.azOfficer, j({ mrn, office: 'AZ000600', reason: 'undeclared goods' })));
    expect(await status(ledger, mrn)).to.equal('NOT_RELEASED');
    expect((await balance(ledger)).available).to.equal('10000000');
  });

  it('pre-lodges and presents (IE170)', async () => {
    const ledger = await withGuarantee();
    const r = ok(await ledger.invoke(movement, 'Declare', who.trader, j(hazelnuts({ prelodged: true, additionalDeclarationType: 'D' }) as unknown as Record<string, unknown>), CODES));
    expect(r.status).to.equal('PRELODGED');
    fails(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn: r.mrn, office: 'AZ000600' })), 'INVALID_STATE_TRANSITION');
    ok(await ledger.invoke(movement, 'Present', who.trader, j({ mrn: r.mrn })));
    ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn: r.mrn, office: 'AZ000600' })));
  });

  it('lets only the holder, customs, auditors and the guarantor read a movement', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger);
    ok(await ledger.invoke(movement, 'Get', who.trader, j({ mrn })));
    ok(await ledger.invoke(movement, 'Get', who.guarantor, j({ mrn })));
    ok(await ledger.invoke(movement, 'GetByLrn', who.trader, j({ lrn: 'GAE2025031000017' })));
    fails(await ledger.invoke(movement, 'Get', who.otherTrader, j({ mrn })), 'FORBIDDEN');
    fails(await ledger.invoke(movement, 'Get', who.otherGuarantor, j({ mrn })), 'FORBIDDEN');
    fails(await ledger.invoke(movement, 'GetDetails', who.uzAdmin, j({ mrn })), 'NOT_FOUND');
  });
});

describe('ops contract and packaging', () => {
  it('Ping writes one key per transaction and Health answers', async () => {
    const ledger = await withGuarantee();
    const p = ok(await ledger.invoke(ops, 'Ping', who.auditor));
    expect(ledger.state.has(compositeKey('cats.ping', [p.txId]))).to.equal(true);
    expect(ok(await ledger.invoke(ops, 'Health', who.auditor)).registry).to.equal('ACTIVE');
  });

  it('exports the four contracts with their fixed names', async () => {
    expect(contracts.map((C) => new C().getName())).to.deep.equal(['registry', 'guarantee', 'movement', 'ops']);
    expect(registry.getName()).to.equal('registry');
  });
});
