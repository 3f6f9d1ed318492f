// Rule 12's second half: the estimated arrival at each office of transit must be after the release. The
// first half (after the message date) is checked at declaration (movement-declare.test.ts).
import { expect } from 'chai';
import { declareHazelnuts, fails, movement, ok, who, withGuarantee } from './world';

const j = (o: Record<string, unknown>) => JSON.stringify(o);

describe('release: estimated arrivals after the release (rule 12)', () => {
  it('refuses a release after the declared estimated arrival, naming the field, and changes nothing', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger); // ETA at GE000200: 2025-03-10T16:00:00, now 09:00
    ledger.advance(8 * 3600); // 17:00
    const before = ledger.snapshot();
    fails(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn, office: 'AZ000600' })), 'VALIDATION_FAILED', 'officesOfTransit[0].arrivalDateAndTimeEstimated');
    expect(ledger.snapshot()).to.equal(before);
  });

  it('releases before the estimated arrival', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger);
    expect(ok(await ledger.invoke(movement, 'Release', who.azOfficer, j({ mrn, office: 'AZ000600' }))).status).to.equal('RELEASED');
  });
});
