// A caller whose role may not cancel a movement is refused for its role (FORBIDDEN_ROLE), not for a
// missing office (found by the direct-to-peer abuse run of chaos/, issue 8); nothing is written.
import { expect } from 'chai';
import { declareHazelnuts, fails, movement, who, withGuarantee } from './world';

const j = (o: unknown) => JSON.stringify(o);

describe('movement: role is checked before the request’s fields', () => {
  for (const [name, caller] of [['guarantor', who.guarantor], ['auditor', who.auditor]] as const) {
    it(`the ${name} cancelling a movement, with or without an office, gets FORBIDDEN_ROLE and changes nothing`, async () => {
      const ledger = await withGuarantee();
      const mrn = await declareHazelnuts(ledger);
      const before = ledger.snapshot();
      fails(await ledger.invoke(movement, 'RequestCancellation', caller, j({ mrn, reason: 'not mine' })), 'FORBIDDEN_ROLE');
      fails(await ledger.invoke(movement, 'RequestCancellation', caller, j({ mrn, office: 'AZ000600', reason: 'not mine' })), 'FORBIDDEN_ROLE');
      expect(ledger.snapshot()).to.equal(before);
    });
  }
  it('customs without an office still get VALIDATION_FAILED', async () => {
    const ledger = await withGuarantee();
    const mrn = await declareHazelnuts(ledger);
    fails(await ledger.invoke(movement, 'RequestCancellation', who.azOfficer, j({ mrn })), 'VALIDATION_FAILED');
  });
});
