import { expect } from 'chai';
import { checkDigit, isValidMrn } from '../../../chaincode/src/domain/identifiers';
import { compositeKey } from './fake-fabric';
import { CODES, GRN, balance, declareHazelnuts, fails, guarantee, hazelnuts, movement, ok, registry, who, withGuarantee } from './world';

const declare = (ledger: Awaited<ReturnType<typeof withGuarantee>>, d: unknown, caller = who.trader, transient: Record<string, string> = CODES) =>
  ledger.invoke(movement, 'Declare', caller, JSON.stringify(d), transient);

describe('movement: Declare', () => {
  it('accepts the hazelnut declaration, allocates a valid MRN and reserves 38 500.00 USD', async () => {
    const ledger = await withGuarantee();
    const r = ok(await declare(ledger, hazelnuts()));
    expect(isValidMrn(r.mrn, '0')).to.equal(true);
    expect(r.mrn.slice(0, 4)).to.equal('25AZ');
    expect(r).to.include({ status: 'ACCEPTED', lrn: 'GAE2025031000017', legalEffect: false });
    expect(r.countries).to.deep.equal(['AZ', 'GE']);
    expect((await balance(ledger)).available).to.equal('6150000');
    const ev = ledger.events.at(-1)!;
    expect(ev.name).to.equal('MovementDeclared');
    expect(ev.payload).to.include({ mrn: r.mrn, status: 'ACCEPTED', office: 'AZ000600' });
    expect(ev.payload.actor).to.deep.equal({ mspId: 'CustomsAZMSP', user: 'ganja-agro' });
    // public record without goods; details in the implicit collections of AZ and GE customs only
    const pub = JSON.stringify(ledger.json(compositeKey('cats.mvt', [r.mrn])));
    expect(pub).to.not.contain('Hazelnuts');
    expect(pub).to.not.contain('7K2Q');
    expect([...ledger.priv.keys()].sort()).to.deep.equal(['_implicit_org_CustomsAZMSP', '_implicit_org_CustomsGEMSP']);
    const details = ok(await ledger.invoke(movement, 'GetDetails', who.geDest, JSON.stringify({ mrn: r.mrn })));
    expect(JSON.stringify(details)).to.contain('Hazelnuts');
    expect(ledger.policies.has(compositeKey('cats.mvt', [r.mrn]))).to.equal(true);
  });

  it('asks the peer for each key and each range once, however many rules look at it', async () => {
    const ledger = await withGuarantee();
    ok(await declare(ledger, hazelnuts()));
    const reads = ledger.lastReads;
    expect(reads.filter((r) => r.startsWith('range ')).length, 'range reads').to.be.greaterThan(0);
    expect(reads.filter((r, i) => reads.indexOf(r) !== i), 'repeated reads').to.deep.equal([]);
  });

  it('is deterministic: the same transaction gives the same MRN', async () => {
    const a = await withGuarantee();
    const b = await withGuarantee();
    expect(await declareHazelnuts(a)).to.equal(await declareHazelnuts(b));
  });

  it('flags legal effect only when every country on the itinerary is LIVE', async () => {
    const ledger = await withGuarantee();
    for (const [id, code] of [['az-live', 'AZ'], ['ge-live', 'GE']]) {
      ok(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id, change: { kind: 'SET_COUNTRY_MODE', code, mode: 'LIVE' } })));
      ok(await ledger.invoke(registry, 'Approve', who.geAdmin, JSON.stringify({ id })));
    }
    expect(ok(await declare(ledger, hazelnuts())).legalEffect).to.equal(true);
  });

  it('lets an officer of the departure office declare for the holder, not an officer of another administration', async () => {
    const ledger = await withGuarantee();
    fails(await declare(ledger, hazelnuts(), who.geRogue), 'FORBIDDEN_OFFICE', 'officeOfDeparture');
    fails(await declare(ledger, hazelnuts(), who.otherTrader), 'FORBIDDEN', 'holder.identificationNumber');
    ok(await declare(ledger, hazelnuts(), who.azOfficer));
  });

  it('rejects a duplicate LRN from the same holder (rule 22)', async () => {
    const ledger = await withGuarantee();
    await declareHazelnuts(ledger);
    const before = ledger.snapshot();
    fails(await declare(ledger, hazelnuts()), 'DUPLICATE_LRN', 'lrn');
    expect(ledger.snapshot()).to.equal(before);
  });

  it('accepts the same LRN from another holder (rule 22)', async () => {
    const GRN2 = '25AZ000000000002' + checkDigit('25AZ000000000002');
    const ledger = await withGuarantee();
    ok(await ledger.invoke(guarantee, 'Issue', who.guarantor, JSON.stringify({
      grn: GRN2, type: '1', holderId: 'AZ1401987652', referenceAmount: { amount: '10000000', currency: 'USD' }, countries: ['AZ', 'GE'], validFrom: '2025-01-01', validTo: '2026-01-01',
    }), { accessCode: 'AB12' }));
    await declareHazelnuts(ledger);
    const other = hazelnuts({ holder: { identificationNumber: 'AZ1401987652' } });
    other.guarantees[0].references[0].grn = GRN2;
    ok(await declare(ledger, other, who.otherTrader, { accessCodes: JSON.stringify({ [GRN2]: 'AB12' }) }));
  });

  it('rejects a country that is not a member, naming it (rule 21), and accepts it after accession', async () => {
    const ledger = await withGuarantee();
    const viaTm = hazelnuts({
      lrn: 'VIA-TM',
      officesOfTransit: [
        { sequenceNumber: 1, referenceNumber: 'TM000200' },
        { sequenceNumber: 2, referenceNumber: 'GE000200' },
      ],
    });
    const r = await declare(ledger, viaTm);
    fails(r, 'COUNTRY_NOT_MEMBER', 'TM');
    expect(r.error!.details).to.include({ country: 'TM', field: 'officesOfTransit[0].referenceNumber' });
    fails(await declare(ledger, hazelnuts({ officeOfDestination: 'GE000999' })), 'UNKNOWN_OFFICE', 'officeOfDestination');
    const kz = await declare(ledger, hazelnuts({ officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'KZ999999' }, { sequenceNumber: 2, referenceNumber: 'GE000200' }] }));
    fails(kz, 'COUNTRY_NOT_MEMBER', 'KZ'); // unknown office of a non-member country: the country is the reason
    ok(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 'tm', change: { kind: 'UPSERT_COUNTRY', country: { code: 'TM', status: 'ACCEDED', mode: 'PILOT' } } })));
    ok(await ledger.invoke(registry, 'Approve', who.uzAdmin, JSON.stringify({ id: 'tm' })));
    fails(await declare(ledger, viaTm), 'GUARANTEE_INVALID', 'not valid in TM');
  });

  it('answers a declaration for another customs network with COUNTRY_NOT_MEMBER before any field remark', async () => {
    const ledger = await withGuarantee();
    const foreign = hazelnuts({ officeOfDeparture: 'GB000246', officeOfDestination: 'XI000142', officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'XI000142' }] });
    foreign.consignment.transportEquipment[0]!.containerIdentificationNumber = 'WGPCGR'; // not ISO 6346, as in the national test pack
    const r = await declare(ledger, foreign);
    fails(r, 'COUNTRY_NOT_MEMBER', 'GB');
    expect(r.error!.details).to.include({ country: 'GB', field: 'officeOfDeparture' });
  });

  it('checks office roles', async () => {
    const ledger = await withGuarantee();
    fails(await declare(ledger, hazelnuts({ officeOfDeparture: 'AZ000300' })), 'OFFICE_ROLE_MISMATCH', 'officeOfDeparture');
  });

  const rejected: [string, (d: ReturnType<typeof hazelnuts>) => void, string, string][] = [
    ['LRN with a space', (d) => (d.lrn = 'GAE 2025'), 'INVALID_IDENTIFIER', 'lrn'],
    ['no LRN (named as required, not as the text "undefined")', (d) => delete (d as Partial<typeof d>).lrn, 'VALIDATION_FAILED', 'lrn: required'],
    ['no office of destination', (d) => delete (d as Partial<typeof d>).officeOfDestination, 'VALIDATION_FAILED', 'officeOfDestination: required'],
    ['GRN with a wrong check digit (rule 2)', (d) => (d.guarantees[0].references[0].grn = '25AZ0000000000716'), 'INVALID_IDENTIFIER', 'guarantees[0].references[0].grn'],
    ['type 1 without a GRN (rule 3)', (d) => (d.guarantees[0].references = []), 'VALIDATION_FAILED', 'guarantees[0].references'],
    ['TIR without guarantee type B (rule 4)', (d) => (d.declarationType = 'TIR'), 'VALIDATION_FAILED', 'guaranteeType'],
    ['an office of transit twice (rule 8)', (d) => d.officesOfTransit.push({ sequenceNumber: 2, referenceNumber: 'GE000200' }), 'VALIDATION_FAILED', 'officesOfTransit[1]'],
    ['no entry office in the destination country (rule 9)', (d) => (d.officesOfTransit = []), 'VALIDATION_FAILED', 'officesOfTransit'],
    ['exit office equal to the destination (rule 10)', (d) => (d.officesOfExit = [{ sequenceNumber: 1, referenceNumber: 'GE000600' }]), 'VALIDATION_FAILED', 'officesOfExit[0]'],
    ['binding itinerary without routing (rule 11)', (d) => { d.bindingItinerary = true; d.consignment.countriesOfRouting = []; }, 'VALIDATION_FAILED', 'countriesOfRouting'],
    ['estimated arrival before the message date (rule 12)', (d) => (d.officesOfTransit[0].arrivalDateAndTimeEstimated = '2025-03-10T08:00:00'), 'VALIDATION_FAILED', 'arrivalDateAndTimeEstimated'],
    ['seal count mismatch (rule 13)', (d) => (d.consignment.transportEquipment[0].numberOfSeals = 3), 'VALIDATION_FAILED', 'numberOfSeals'],
    ['duplicate seal (rule 13)', (d) => (d.consignment.transportEquipment[0].seals[1].identifier = 'AZC0418832'), 'VALIDATION_FAILED', 'seals[1]'],
    ['net above gross (rule 14)', (d) => (d.consignment.houseConsignments[0].items[0].netMass = '20640001'), 'VALIDATION_FAILED', 'netMass'],
    ['consignment lighter than its houses (rule 14)', (d) => (d.consignment.grossMass = '20000000'), 'VALIDATION_FAILED', 'consignment.grossMass'],
    ['item numbering not from 1 (rule 15)', (d) => (d.consignment.houseConsignments[0].items[0].goodsItemNumber = 2), 'VALIDATION_FAILED', 'goodsItemNumber'],
    ['amount as a JSON number', (d) => ((d.guarantees[0].references[0].amountToBeCovered as any).amount = 3850000), 'INVALID_AMOUNT', 'amountToBeCovered.amount'],
    ['amount as a float string', (d) => (d.guarantees[0].references[0].amountToBeCovered.amount = '38500.00'), 'INVALID_AMOUNT', 'amountToBeCovered.amount'],
    ['mass as a JSON number', (d) => ((d.consignment as any).grossMass = 20640), 'VALIDATION_FAILED', 'consignment.grossMass'],
    ['access code in the arguments', (d) => (d.guarantees[0].references[0].accessCode = '7K2Q'), 'VALIDATION_FAILED', 'accessCode'],
    ['bad container number', (d) => (d.consignment.transportEquipment[0].containerIdentificationNumber = 'TGHU8745127'), 'INVALID_IDENTIFIER', 'containerIdentificationNumber'],
  ];
  for (const [name, mutate, code, field] of rejected) {
    it(`rejects ${name} and writes nothing`, async () => {
      const ledger = await withGuarantee();
      const before = ledger.snapshot();
      const d = hazelnuts();
      mutate(d);
      fails(await declare(ledger, d), code, field);
      expect(ledger.snapshot()).to.equal(before);
    });
  }

  it('checks the guarantee: access code, holder, amount, status', async () => {
    const ledger = await withGuarantee();
    fails(await declare(ledger, hazelnuts(), who.trader, { accessCodes: JSON.stringify({ [GRN]: 'ZZZZ' }) }), 'ACCESS_CODE_MISMATCH', `accessCodes.${GRN}`);
    fails(await declare(ledger, hazelnuts(), who.trader, {}), 'ACCESS_CODE_MISMATCH');
    const big = hazelnuts();
    big.guarantees[0].references[0].amountToBeCovered.amount = '10000001';
    fails(await declare(ledger, big), 'INSUFFICIENT_GUARANTEE');
    const unknown = hazelnuts();
    unknown.guarantees[0].references[0].grn = '25GE0000000033182';
    fails(await declare(ledger, unknown), 'UNKNOWN_GUARANTEE');
    ok(await ledger.invoke(guarantee, 'Suspend', who.guarantor, JSON.stringify({ grn: GRN })));
    fails(await declare(ledger, hazelnuts()), 'GUARANTEE_INVALID', 'SUSPENDED');
  });

  it('converts another currency with the ledger rate, and needs one', async () => {
    const ledger = await withGuarantee();
    const gel = hazelnuts();
    gel.guarantees[0].references[0].amountToBeCovered = { amount: '270000', currency: 'GEL' };
    fails(await declare(ledger, gel), 'NO_EXCHANGE_RATE');
    ok(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 'rate', change: { kind: 'SET_RATE', rate: { from: 'GEL', to: 'USD', date: '2025-03-01', rate: '0.37' } } })));
    ok(await ledger.invoke(registry, 'Approve', who.geAdmin, JSON.stringify({ id: 'rate' })));
    const r = ok(await declare(ledger, gel));
    expect(r.guarantees[0]).to.deep.include({ amount: '99900', currency: 'USD' }); // 2 700.00 GEL × 0.37 = 999.00 USD
  });

  it('takes the declaration from the transient map so that goods stay out of the blocks', async () => {
    const ledger = await withGuarantee();
    const d = hazelnuts();
    d.guarantees[0].references[0].accessCode = '7K2Q';
    const r = ok(await ledger.invoke(movement, 'Declare', who.trader, '{}', { declaration: JSON.stringify(d) }));
    expect(r.status).to.equal('ACCEPTED');
  });
});
