import { expect } from 'chai';
import { compositeKey } from './fake-fabric';
import { ACCESS_CODE, GRN, balance, bootstrapped, declareHazelnuts, fails, guarantee, hazelnuts, issueArgs, ok, who, withGuarantee, CODES, movement } from './world';

describe('guarantee contract', () => {
  it('issues a guarantee (guarantor only) and keeps the access code only as a salted hash', async () => {
    const ledger = await bootstrapped();
    fails(await ledger.invoke(guarantee, 'Issue', who.azOfficer, issueArgs(), { accessCode: ACCESS_CODE }), 'FORBIDDEN_ROLE');
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs()), 'VALIDATION_FAILED', 'transient.accessCode');
    const g = ok(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs(), { accessCode: ACCESS_CODE }));
    expect(g.status).to.equal('ACTIVE');
    expect(g.hasAccessCode).to.equal(true);
    expect(g).to.not.have.property('accessCodeHash');
    const stored = JSON.stringify(ledger.json(compositeKey('cats.grn', [GRN])));
    expect(stored).to.not.contain(ACCESS_CODE);
    expect(ledger.json(compositeKey('cats.grn', [GRN])).accessCodeHash).to.match(/^[0-9a-f]{64}$/);
    expect(ledger.policies.has(compositeKey('cats.grn', [GRN]))).to.equal(true);
    expect(ledger.events.at(-1)!.name).to.equal('GuaranteeIssued');
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs(), { accessCode: ACCESS_CODE }), 'ALREADY_EXISTS');
  });

  it('rejects bad amounts and identifiers without writing anything', async () => {
    const ledger = await bootstrapped();
    const before = ledger.snapshot();
    const t = { accessCode: ACCESS_CODE };
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs({ referenceAmount: { amount: 10000000, currency: 'USD' } }), t), 'INVALID_AMOUNT', 'referenceAmount.amount');
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs({ referenceAmount: { amount: '100.5', currency: 'USD' } }), t), 'INVALID_AMOUNT', 'referenceAmount.amount');
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs({ referenceAmount: { amount: '-5', currency: 'USD' } }), t), 'INVALID_AMOUNT');
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs({ referenceAmount: { amount: '1234567890123456789', currency: 'USD' } }), t), 'INVALID_AMOUNT');
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs({ grn: '25AZ0000000000716' }), t), 'INVALID_IDENTIFIER', 'grn');
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs({ countries: ['AZ', 'KZ'] }), t), 'UNKNOWN_COUNTRY', 'countries[1]');
    fails(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs({ shares: { fronting: [{ country: 'AZ', insurerMspId: 'GuarantorMSP', bp: 9000 }] } }), t), 'VALIDATION_FAILED', 'shares.fronting');
    expect(ledger.snapshot()).to.equal(before);
  });

  it('suspends, reinstates, revokes; only its guarantor; expiry only after validTo', async () => {
    const ledger = await withGuarantee();
    fails(await ledger.invoke(guarantee, 'Suspend', who.otherGuarantor, JSON.stringify({ grn: GRN })), 'FORBIDDEN');
    expect(ok(await ledger.invoke(guarantee, 'Suspend', who.guarantor, JSON.stringify({ grn: GRN }))).status).to.equal('SUSPENDED');
    fails(await ledger.invoke(guarantee, 'Suspend', who.guarantor, JSON.stringify({ grn: GRN })), 'INVALID_STATE_TRANSITION');
    expect(ok(await ledger.invoke(guarantee, 'Reinstate', who.guarantor, JSON.stringify({ grn: GRN }))).status).to.equal('ACTIVE');
    fails(await ledger.invoke(guarantee, 'Expire', who.guarantor, JSON.stringify({ grn: GRN })), 'TIME_LIMIT_NOT_REACHED');
    ledger.advance(2 * 366 * 86400);
    expect(ok(await ledger.invoke(guarantee, 'Expire', who.guarantor, JSON.stringify({ grn: GRN }))).status).to.equal('EXPIRED');
    fails(await ledger.invoke(guarantee, 'Revoke', who.guarantor, JSON.stringify({ grn: GRN })), 'INVALID_STATE_TRANSITION');
  });

  it('answers the balance to the holder with the access code, to the guarantor and customs; not to others', async () => {
    const ledger = await withGuarantee();
    fails(await ledger.invoke(guarantee, 'Balance', who.trader, JSON.stringify({ grn: GRN })), 'ACCESS_CODE_MISMATCH');
    fails(await ledger.invoke(guarantee, 'Balance', who.trader, JSON.stringify({ grn: GRN }), { accessCode: 'ZZZZ' }), 'ACCESS_CODE_MISMATCH');
    const b = ok(await ledger.invoke(guarantee, 'Balance', who.trader, JSON.stringify({ grn: GRN }), { accessCode: ACCESS_CODE }));
    expect(b).to.include({ referenceAmount: '10000000', reserved: '0', available: '10000000', currency: 'USD' });
    ok(await ledger.invoke(guarantee, 'Balance', who.azOfficer, JSON.stringify({ grn: GRN })));
    fails(await ledger.invoke(guarantee, 'Balance', who.otherTrader, JSON.stringify({ grn: GRN }), { accessCode: ACCESS_CODE }), 'FORBIDDEN');
    fails(await ledger.invoke(guarantee, 'Balance', who.otherGuarantor, JSON.stringify({ grn: GRN })), 'FORBIDDEN');
    fails(await ledger.invoke(guarantee, 'Get', who.guarantor, JSON.stringify({ grn: '24GB0000010000295' })), 'UNKNOWN_GUARANTEE');
  });

  it('never lets the available amount go below zero (rule 18)', async () => {
    const ledger = await withGuarantee(); // 100 000.00 USD
    await declareHazelnuts(ledger, hazelnuts({ lrn: 'L1' }));
    await declareHazelnuts(ledger, hazelnuts({ lrn: 'L2' }));
    expect((await balance(ledger)).available).to.equal(String(10000000 - 2 * 3850000));
    const third = await ledger.invoke(movement, 'Declare', who.trader, JSON.stringify(hazelnuts({ lrn: 'L3' })), CODES);
    fails(third, 'INSUFFICIENT_GUARANTEE', 'amountToBeCovered');
    expect(third.error!.details).to.include({ available: '2300000', requested: '3850000' });
    expect((await balance(ledger)).available).to.equal('2300000');
  });
});
