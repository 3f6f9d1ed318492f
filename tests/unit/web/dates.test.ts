// Dates in the office's time zone with the offset shown (AZ/GE UTC+4, UZ/TM/KZ UTC+5, KG UTC+6).
import { expect } from 'chai';
import { formatInOffice, localInputToIso, offsetLabel, offsetOfOffice } from '../../../web/src/lib/dates';

describe('web console dates', () => {
  const at = '2026-12-03T17:39:50Z';
  it('shows an instant in the office’s own offset, with the offset', () => {
    expect(formatInOffice(at, 'AZ000600')).to.equal('2026-12-03 21:39 UTC+04:00');
    expect(formatInOffice(at, 'GE000200')).to.equal('2026-12-03 21:39 UTC+04:00');
    expect(formatInOffice(at, 'UZ000100')).to.equal('2026-12-03 22:39 UTC+05:00');
    expect(formatInOffice(at, 'TM000100')).to.equal('2026-12-03 22:39 UTC+05:00');
    expect(formatInOffice(at, 'KZ000100')).to.equal('2026-12-03 22:39 UTC+05:00');
    expect(formatInOffice(at, 'KG000100')).to.equal('2026-12-03 23:39 UTC+06:00');
    expect(formatInOffice(at, 'KG', { seconds: true })).to.equal('2026-12-03 23:39:50 UTC+06:00');
  });
  it('crosses the date line of the day correctly and reads explicit offsets', () => {
    expect(formatInOffice('2026-12-31T20:30:00Z', 'KG000100')).to.equal('2027-01-01 02:30 UTC+06:00');
    expect(formatInOffice('2026-12-03T21:39:50+04:00', 'UZ000100')).to.equal('2026-12-03 22:39 UTC+05:00');
  });
  it('reads a date-time without zone as UTC, keeps garbage as is, and UTC for unknown countries', () => {
    expect(formatInOffice('2026-12-05T17:39:49', 'GE000200')).to.equal('2026-12-05 21:39 UTC+04:00');
    expect(formatInOffice('not a date', 'AZ000100')).to.equal('not a date');
    expect(formatInOffice(at, 'XX000001')).to.equal('2026-12-03 17:39 UTC+00:00');
    expect(formatInOffice(undefined, 'AZ')).to.equal('');
  });
  it('labels offsets and turns a local input into an instant with the office’s offset', () => {
    expect(offsetLabel(240)).to.equal('UTC+04:00');
    expect(offsetLabel(-90)).to.equal('UTC-01:30');
    expect(offsetOfOffice('kg000100')).to.equal(360);
    expect(localInputToIso('2026-12-05T10:00', 'UZ000300')).to.equal('2026-12-05T10:00:00+05:00');
    expect(localInputToIso('tomorrow', 'UZ000300')).to.equal(undefined);
  });
});
