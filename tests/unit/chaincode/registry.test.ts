import { expect } from 'chai';
import { FakeLedger } from './fake-fabric';
import { COUNTRIES, ORGANISATIONS, bootstrapped, carecOffices, fails, ok, registry, who } from './world';

describe('registry contract', () => {
  it('needs every listed customs administration to confirm the genesis', async () => {
    const ledger = new FakeLedger();
    const g = ok(await ledger.invoke(registry, 'Bootstrap', who.azAdmin, JSON.stringify({ organisations: ORGANISATIONS, countries: COUNTRIES, offices: carecOffices() })));
    expect(g.status).to.equal('PENDING');
    expect(g.awaiting).to.deep.equal(['CustomsGEMSP', 'CustomsUZMSP']);
    fails(await ledger.invoke(registry, 'ListOrganisations', who.azAdmin, '{}').then(async () => ledger.invoke(registry, 'GetParameters', who.azAdmin, '{}')), 'NOT_BOOTSTRAPPED');
    fails(await ledger.invoke(registry, 'ConfirmBootstrap', who.geAdmin, JSON.stringify({ digest: '0'.repeat(64) })), 'VALIDATION_FAILED', 'digest');
    fails(await ledger.invoke(registry, 'ConfirmBootstrap', who.guarantor, JSON.stringify({ digest: g.digest })), 'FORBIDDEN_ROLE');
    ok(await ledger.invoke(registry, 'ConfirmBootstrap', who.geAdmin, JSON.stringify({ digest: g.digest })));
    fails(await ledger.invoke(registry, 'ConfirmBootstrap', who.geAdmin, JSON.stringify({ digest: g.digest })), 'ALREADY_EXISTS');
    const done = ok(await ledger.invoke(registry, 'ConfirmBootstrap', who.uzAdmin, JSON.stringify({ digest: g.digest })));
    expect(done.status).to.equal('ACTIVE');
    expect(ok(await ledger.invoke(registry, 'GetOffice', who.trader, JSON.stringify({ code: 'GE000200' }))).roles).to.deep.equal(['TRA']);
    expect(ok(await ledger.invoke(registry, 'GetParameters', who.trader, '')).arrivalTimeLimitSeconds).to.equal('691200');
    fails(await ledger.invoke(registry, 'Bootstrap', who.azAdmin, JSON.stringify({ organisations: ORGANISATIONS, countries: COUNTRIES })), 'ALREADY_EXISTS');
  });

  it('refuses a genesis defined by one administration alone', async () => {
    const ledger = new FakeLedger();
    const lonely = ORGANISATIONS.filter((o) => o.mspId !== 'CustomsGEMSP' && o.mspId !== 'CustomsUZMSP');
    fails(await ledger.invoke(registry, 'Bootstrap', who.azAdmin, JSON.stringify({ organisations: lonely, countries: COUNTRIES })), 'GOVERNANCE_QUORUM');
    fails(await ledger.invoke(registry, 'Bootstrap', who.trader, JSON.stringify({ organisations: ORGANISATIONS, countries: COUNTRIES })), 'FORBIDDEN_ROLE');
    expect(ledger.snapshot()).to.equal('{}');
  });

  it('applies a change only with a strict majority of customs administrations', async () => {
    const ledger = await bootstrapped();
    const change = { kind: 'UPSERT_COUNTRY', country: { code: 'TM', status: 'ACCEDED', mode: 'PILOT' } };
    const p = ok(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 'tm-accession', change })));
    expect(p.status).to.equal('OPEN');
    expect(ledger.events.at(-1)!.name).to.equal('RegistryChangeProposed');
    fails(await ledger.invoke(registry, 'GetCountry', who.azAdmin, JSON.stringify({ code: 'TM' })), 'NOT_FOUND');
    fails(await ledger.invoke(registry, 'Approve', who.azAdmin, JSON.stringify({ id: 'tm-accession' })), 'ALREADY_EXISTS');
    const applied = ok(await ledger.invoke(registry, 'Approve', who.geAdmin, JSON.stringify({ id: 'tm-accession' })));
    expect(applied.status).to.equal('APPLIED');
    expect(ledger.events.at(-1)!.name).to.equal('RegistryChangeApplied');
    expect(ok(await ledger.invoke(registry, 'GetCountry', who.azAdmin, JSON.stringify({ code: 'TM' }))).mode).to.equal('PILOT');
    fails(await ledger.invoke(registry, 'Approve', who.uzAdmin, JSON.stringify({ id: 'tm-accession' })), 'INVALID_STATE_TRANSITION');
  });

  it('validates proposals and names the field', async () => {
    const ledger = await bootstrapped();
    const before = ledger.snapshot();
    fails(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 'x', change: { kind: 'SET_RATE', rate: { from: 'USD', to: 'GEL', date: '2025-03-10', rate: 2.7 } } })), 'INVALID_AMOUNT', 'change.rate.rate');
    fails(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 'x', change: { kind: 'NOPE' } })), 'VALIDATION_FAILED', 'change.kind');
    fails(await ledger.invoke(registry, 'Propose', who.azOfficer, JSON.stringify({ id: 'x', change: { kind: 'SUSPEND_MEMBER', mspId: 'GuarantorMSP' } })), 'FORBIDDEN_ROLE');
    fails(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 'x', change: { kind: 'SET_COUNTRY_MODE', code: 'KZ', mode: 'LIVE' } })), 'UNKNOWN_COUNTRY', 'change.code');
    fails(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 'x', change: { kind: 'SET_PARAMETERS', parameters: { arrivalTimeLimitSeconds: 60 } } })), 'VALIDATION_FAILED', 'arrivalTimeLimitSeconds');
    expect(ledger.snapshot()).to.equal(before);
  });

  it('suspends a member, which then leaves the electorate', async () => {
    const ledger = await bootstrapped();
    ok(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 's1', change: { kind: 'SUSPEND_MEMBER', mspId: 'CustomsUZMSP' } })));
    ok(await ledger.invoke(registry, 'Approve', who.geAdmin, JSON.stringify({ id: 's1' })));
    expect(ok(await ledger.invoke(registry, 'GetOrganisation', who.azAdmin, JSON.stringify({ mspId: 'CustomsUZMSP' }))).status).to.equal('SUSPENDED');
    fails(await ledger.invoke(registry, 'Propose', who.uzAdmin, JSON.stringify({ id: 's2', change: { kind: 'SUSPEND_MEMBER', mspId: 'CustomsAZMSP' } })), 'FORBIDDEN');
    // two active administrations left: a proposal needs both
    const p = ok(await ledger.invoke(registry, 'Propose', who.azAdmin, JSON.stringify({ id: 'r1', change: { kind: 'SET_RATE', rate: { from: 'USD', to: 'GEL', date: '2025-03-01', rate: '2.7' } } })));
    expect(p.status).to.equal('OPEN');
    expect(ok(await ledger.invoke(registry, 'Approve', who.geAdmin, JSON.stringify({ id: 'r1' }))).status).to.equal('APPLIED');
    expect(ok(await ledger.invoke(registry, 'GetRate', who.trader, JSON.stringify({ from: 'USD', to: 'GEL', date: '2025-03-10' }))).rate).to.equal('2.7');
    fails(await ledger.invoke(registry, 'GetRate', who.trader, JSON.stringify({ from: 'USD', to: 'GEL', date: '2025-02-10' })), 'NO_EXCHANGE_RATE');
  });
});
