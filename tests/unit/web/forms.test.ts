// The forms never send what the API would refuse for its format, and only offer the user's own offices.
import { expect } from 'chai';
import { ACTIONS, actionSpec, actionsFor, defaultOffice, fieldOfRejection, validateAction, type ActionContext } from '../../../web/src/lib/actions';
import { checkIe015Text, EMPTY_DECLARATION_FORM, validateDeclarationForm } from '../../../web/src/lib/declaration';
import { worklistQuery, movementQuery } from '../../../web/src/lib/worklist';
import { formatAmount, share } from '../../../web/src/lib/money';
import { loadDraft, loadSession, saveDraft, saveSession, takeReturnTo, saveReturnTo, type KeyValueStore } from '../../../web/src/lib/storage';
import { countsByOffice, projection } from '../../../web/src/lib/corridors';

const movement = {
  status: 'RELEASED', officeOfDeparture: 'AZ000600', officeOfDestination: 'GE000600', officesOfTransit: ['GE000200'], officesOfExit: [], countries: ['AZ', 'GE'], sealsCount: 2, crossings: [],
};
const roles = { AZ000600: ['DEP', 'DES'], GE000200: ['TRA'], GE000600: ['DEP', 'DES', 'TRA'], GE000300: ['TRA'] };
const geBorder: ActionContext = { role: 'officer', offices: ['GE000200', 'GE000300'], movement, officeRoles: roles };
const azOfficer: ActionContext = { role: 'officer', offices: ['AZ000600'], movement: { ...movement, status: 'ACCEPTED' }, officeRoles: roles };

function memory(): KeyValueStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

describe('web console forms', () => {
  it('offers only the actions of the role in the movement’s status, with the user’s offices', () => {
    expect(actionsFor(azOfficer).map((a) => a.name)).to.deep.equal(['release', 'refuse', 'control']);
    expect(actionsFor(geBorder).map((a) => a.name)).to.include.members(['cross', 'incident']);
    expect(actionsFor(geBorder).map((a) => a.name)).to.not.include('arrival'); // no DES office among them
    expect(actionsFor({ ...geBorder, role: 'guarantor' })).to.deep.equal([]);
    expect(actionsFor({ ...geBorder, role: 'auditor' })).to.deep.equal([]);
    expect(defaultOffice(actionSpec('cross')!, geBorder)).to.equal('GE000200');
    expect(defaultOffice(actionSpec('release')!, azOfficer)).to.equal('AZ000600');
  });

  it('refuses a missing or malformed office, and an office that is not the officer’s', () => {
    const cross = actionSpec('cross')!;
    expect(validateAction(cross, {}, geBorder).errors.office.key).to.equal('v.required');
    expect(validateAction(cross, { office: 'GE-0002' }, geBorder).errors.office.key).to.equal('v.office');
    expect(validateAction(cross, { office: 'AZ000300' }, geBorder).errors.office.key).to.equal('v.notMyOffice');
    const ok = validateAction(cross, { office: 'ge000200' }, geBorder);
    expect(ok.errors).to.deep.equal({});
    expect(ok.body).to.deep.equal({ office: 'GE000200' });
  });

  it('checks codes, choices, booleans, lengths and dates before sending', () => {
    const incident = actionSpec('incident')!;
    expect(validateAction(incident, { office: 'GE000200', code: 'ABC' }, geBorder).errors.code.key).to.equal('v.maxLength');
    expect(validateAction(incident, { office: 'GE000200', code: 'a!' }, geBorder).errors.code.key).to.equal('v.incidentCode');
    expect(validateAction(incident, { office: 'GE000200', code: '3', text: 'x'.repeat(513) }, geBorder).errors.text.key).to.equal('v.maxLength');
    expect(validateAction(incident, { office: 'GE000200', code: '3a' }, geBorder).body).to.deep.equal({ office: 'GE000200', code: '3A' });
    const ge = { ...geBorder, offices: ['GE000600'], movement: { ...movement, status: 'RELEASED' } };
    const arrival = actionSpec('arrival')!;
    expect(validateAction(arrival, { office: 'GE000600' }, ge).errors.sealsOk.key).to.equal('v.choice'); // seals declared
    expect(validateAction(arrival, { office: 'GE000600', sealsOk: 'true' }, ge).body).to.deep.equal({ office: 'GE000600', sealsOk: true });
    expect(validateAction(arrival, { office: 'GE000600' }, { ...ge, movement: { ...movement, sealsCount: 0 } }).errors).to.deep.equal({});
    const results = actionSpec('control-results')!;
    expect(validateAction(results, { office: 'GE000600', code: 'C9' }, ge).errors.code.key).to.equal('v.choice');
    expect(validateAction(results, { office: 'GE000600', code: 'A1' }, ge).body).to.deep.equal({ office: 'GE000600', code: 'A1' });
    const release = actionSpec('release')!;
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(validateAction(release, { office: 'AZ000600', timeLimit: '2026-12-03T10:00' }, azOfficer, now).errors.timeLimit.key).to.equal('v.dateTime');
    expect(validateAction(release, { office: 'AZ000600', timeLimit: '2026-12-10T10:00' }, azOfficer, now).body).to.deep.equal({ office: 'AZ000600', timeLimit: '2026-12-10T10:00:00+04:00' });
    const recovery = actionSpec('recovery')!;
    expect(validateAction(recovery, { office: 'AZ000600', country: 'UZ' }, { ...azOfficer, movement: { ...movement, status: 'ENQUIRY' } }).errors.country.key).to.equal('v.country');
  });

  it('every action has labelled fields and an office field unless the holder may act', () => {
    for (const a of ACTIONS) {
      expect(a.fields.length, a.name).to.be.greaterThan(0);
      if (a.name !== 'enquiry-answer') expect(a.fields.some((f) => f.kind === 'office'), a.name).to.equal(true);
    }
  });

  it('places a ledger refusal next to the field it names', () => {
    const cross = actionSpec('cross')!;
    expect(fieldOfRejection(cross, { field: 'office' })).to.equal('office');
    expect(fieldOfRejection(cross, { field: 'mrn' })).to.equal(undefined);
    expect(fieldOfRejection(undefined, { field: 'officesOfTransit[0].arrivalDateAndTimeEstimated' })).to.equal('officesOfTransit');
  });

  it('checks an IE015 file before upload and builds a JSON declaration from the form', () => {
    expect(checkIe015Text('<?xml version="1.0"?>\n<ncts:CC015C xmlns:ncts="x">', 100)).to.equal(null);
    expect(checkIe015Text('\ufeff<CC015C>', 10)).to.equal(null);
    expect(checkIe015Text('<CC013C>', 10)!.key).to.equal('v.xmlRoot');
    expect(checkIe015Text('<CC015C>', 6 * 1024 * 1024)!.key).to.equal('v.maxLength');
    const now = Date.parse('2026-12-03T12:00:00Z');
    const bad = validateDeclarationForm({ ...EMPTY_DECLARATION_FORM, lrn: 'has space', grn: '25AZ0000000000716', accessCode: '7K2', amount: '-3', grossMassKg: '0' }, 'AZ1700123451', now);
    expect(bad.declaration).to.equal(undefined);
    expect(bad.errors.lrn.key).to.equal('v.lrn');
    expect(bad.errors.grn.key).to.equal('v.grn');
    expect(bad.errors.accessCode.key).to.equal('v.accessCode');
    expect(bad.errors.amount.key).to.equal('v.amount');
    expect(bad.errors.grossMassKg.key).to.equal('v.mass');
    expect(bad.errors.officeOfDeparture.key).to.equal('v.required');
    const good = validateDeclarationForm(
      { ...EMPTY_DECLARATION_FORM, lrn: 'WEB0001', officeOfDeparture: 'AZ000600', officeOfTransit: 'GE000200', transitEta: '2026-12-05T16:00', officeOfDestination: 'GE000600', grn: '25AZ0000000000715', accessCode: '7k2q', amount: '38500.00', currency: 'USD', goods: 'Фундук / თხილი / Yong‘oq', grossMassKg: '20640', seals: 'AZC1, AZC2', vehicle: '10FK421' },
      'AZ1700123451',
      now,
    );
    expect(good.errors).to.deep.equal({});
    const d = good.declaration!;
    expect(d.guarantees[0].references[0]).to.deep.equal({ sequenceNumber: 1, grn: '25AZ0000000000715', accessCode: '7K2Q', amountToBeCovered: { amount: '3850000', currency: 'USD' } });
    expect(d.consignment.grossMass).to.equal('20640000');
    expect(d.officesOfTransit[0]).to.deep.equal({ sequenceNumber: 1, referenceNumber: 'GE000200', arrivalDateAndTimeEstimated: '2026-12-05T16:00:00' });
    expect(d.consignment.transportEquipment[0].numberOfSeals).to.equal(2);
    expect(d.consignment.houseConsignments[0].items[0].descriptionOfGoods).to.equal('Фундук / თხილი / Yong‘oq');
    expect(d.consignment.countriesOfRouting).to.deep.equal(['AZ', 'GE']);
  });

  it('turns worklist views and filters into server-side queries', () => {
    const base = { office: '', country: 'GE', borderOffices: ['GE000200', 'GE000300'], arrivalTimeLimitSeconds: 691200, now: Date.parse('2026-12-10T00:00:00Z'), limit: 25 };
    expect(worklistQuery({ ...base, view: 'expected' })).to.equal('status=RELEASED&country=GE&limit=25');
    expect(worklistQuery({ ...base, view: 'border' })).to.equal('status=RELEASED&office=GE000200&limit=25');
    expect(worklistQuery({ ...base, view: 'arrived', office: 'GE000600', cursor: 'abc' })).to.equal('status=ARRIVED&office=GE000600&limit=25&cursor=abc');
    expect(worklistQuery({ ...base, view: 'overdue' })).to.equal('status=RELEASED&country=GE&updatedUntil=2026-12-02T00%3A00%3A00Z&limit=25');
    expect(movementQuery({ status: '', office: ' ge000200', country: '', holder: '' }, 50)).to.equal('office=GE000200&limit=50');
  });

  it('formats minor units without floating point, and remembers drafts and sessions', () => {
    expect(formatAmount('123456789012345678', 'USD')).to.equal('1,234,567,890,123,456.78 USD');
    expect(formatAmount('5', 'JPY')).to.equal('5 JPY');
    expect(formatAmount('3850000', 'USD', 'ru')).to.equal('38\u00a0500,00 USD');
    expect(share('7700000', '50000000')).to.equal(15.4);
    const s = memory();
    saveDraft(s, 'action:X:cross', { office: 'GE000200' });
    expect(loadDraft(s, 'action:X:cross')).to.deep.equal({ office: 'GE000200' });
    const session = { token: 't', expiresAt: '2026-12-03T12:15:00Z', organisation: 'CustomsGE', kind: 'CUSTOMS', country: 'GE', user: 'officer2', role: 'officer' as const, offices: [], traderId: null };
    saveSession(s, session);
    expect(loadSession(s, Date.parse('2026-12-03T12:00:00Z'))).to.deep.equal(session);
    expect(loadSession(s, Date.parse('2026-12-03T12:16:00Z'))).to.equal(null);
    saveReturnTo(s, '//evil.example');
    expect(takeReturnTo(s)).to.equal(null);
    saveReturnTo(s, '/movements/X');
    expect(takeReturnTo(s)).to.equal('/movements/X');
  });

  it('projects offices into the diagram and counts movements in progress per office', () => {
    const p = projection([{ lat: 41, lon: 41 }, { lat: 39, lon: 69 }], 900, 400, 20);
    expect(p.x(41)).to.be.closeTo(20, 1e-6);
    expect(p.x(69)).to.be.closeTo(880, 1e-6);
    expect(p.y(41)).to.be.lessThan(p.y(39));
    expect(countsByOffice([{ status: 'RELEASED', offices: ['AZ000600', 'GE000200', 'GE000200'] }, { status: 'WRITTEN_OFF', offices: ['AZ000600'] }], ['WRITTEN_OFF'])).to.deep.equal({ AZ000600: 1, GE000200: 1 });
  });
});
