// Access-code checks: a remembered match never lets a wrong code, another GRN or another salt through.
import { expect } from 'chai';
import { accessCodeHash, accessCodeMatchesHash } from '../../../chaincode/src/ledger/hash';

describe('chaincode: access-code check', () => {
  const grn = '25AZ0000000000715';
  const salt = '0123456789abcdef0123456789abcdef';
  const stored = accessCodeHash(grn, '7K2Q', salt);

  it('matches the code (any case) and refuses others, before and after a match is remembered', () => {
    expect(accessCodeMatchesHash(grn, '7K2R', salt, stored)).to.equal(false);
    expect(accessCodeMatchesHash(grn, '7k2q', salt, stored)).to.equal(true);
    expect(accessCodeMatchesHash(grn, '7K2Q', salt, stored)).to.equal(true);
    expect(accessCodeMatchesHash(grn, '7K2R', salt, stored)).to.equal(false);
    expect(accessCodeMatchesHash('25AZ0000000000716', '7K2Q', salt, stored)).to.equal(false);
    expect(accessCodeMatchesHash(grn, '7K2Q', 'f'.repeat(32), stored)).to.equal(false);
  });

  it('follows a changed code: the old one no longer matches the new hash', () => {
    const renewed = accessCodeHash(grn, 'ZZ99', salt);
    expect(accessCodeMatchesHash(grn, '7K2Q', salt, renewed)).to.equal(false);
    expect(accessCodeMatchesHash(grn, 'ZZ99', salt, renewed)).to.equal(true);
  });
});
