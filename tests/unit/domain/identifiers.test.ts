import { expect } from 'chai';
import {
  buildMrn, checkDigit, isValidContainerNumber, isValidGrn, isValidLrn, isValidMrn, isValidOfficeCode,
  isValidTraderId, isValidCountryCode, mrnProcedureLetter, officeCountry, grnCountry, isValidTirCarnet,
} from '../../../chaincode/src/domain/identifiers';

describe('identifiers', () => {
  it('computes the spec examples’ check digits', () => {
    expect(checkDigit('23GB000246NEXJ5OJ')).to.equal('2');
    expect(checkDigit('24GB000001000029')).to.equal('5');
  });

  it('accepts the spec MRN and the GB test-pack MRNs', () => {
    for (const mrn of ['23GB000246NEXJ5OJ2', '23GB000246IF9W5YJ0', '23XI000081WJZ6YJJ8']) expect(isValidMrn(mrn), mrn).to.equal(true);
  });

  it('rejects MRNs with a wrong check digit, length, or letter', () => {
    expect(isValidMrn('23GB000246NEXJ5OJ3')).to.equal(false);
    expect(isValidMrn('23GB000246NEXJ5OJ')).to.equal(false);
    expect(isValidMrn('23GB000246NEXJ5OA2')).to.equal(false);
    expect(isValidMrn(23)).to.equal(false);
  });

  it('checks the procedure letter against the security indicator', () => {
    expect(mrnProcedureLetter('0')).to.equal('J');
    expect(mrnProcedureLetter('1')).to.equal('L');
    expect(mrnProcedureLetter('2')).to.equal('K');
    expect(mrnProcedureLetter('3')).to.equal('M');
    expect(isValidMrn('23GB000246NEXJ5OJ2', '0')).to.equal(true);
    expect(isValidMrn('23GB000246NEXJ5OJ2', '2')).to.equal(false);
  });

  it('builds MRNs that validate', () => {
    const mrn = buildMrn('25', 'AZ', 'ABCDEF012345', 'K');
    expect(mrn).to.have.length(18);
    expect(isValidMrn(mrn, '2')).to.equal(true);
    expect(() => buildMrn('25', 'AZ', 'abc', 'J')).to.throw(RangeError);
  });

  it('accepts the spec GRN and the three CAREC sample GRNs', () => {
    for (const grn of ['24GB0000010000295', '25AZ0000000000715', '25GE0000000033182', '25UZ0000000004126']) {
      expect(isValidGrn(grn), grn).to.equal(true);
    }
    expect(grnCountry('25AZ0000000000715')).to.equal('AZ');
  });

  it('ie015-invalid-grn’s GRN is well formed (its failure is a business one); the ie029 sample GRN has a wrong check digit', () => {
    expect(isValidGrn('23XI00000100000D0')).to.equal(true);
    expect(isValidGrn('01GB0000010000029')).to.equal(false); // check digit should be 5
  });

  it('accepts 24-char voucher GRNs and rejects malformed ones', () => {
    expect(isValidGrn('24GB0000010000295A123456')).to.equal(true);
    expect(isValidGrn('24GB0000010000294A123456')).to.equal(false);
    expect(isValidGrn('24GB000001000029')).to.equal(false);
    expect(isValidGrn('24gb0000010000295')).to.equal(false);
  });

  it('validates LRNs, offices, traders, countries, TIR carnets', () => {
    expect(isValidLrn('GAE2025031000017')).to.equal(true);
    expect(isValidLrn('TTS-2025-0312-004')).to.equal(true);
    expect(isValidLrn('has space')).to.equal(false);
    expect(isValidLrn('X'.repeat(23))).to.equal(false);
    expect(isValidOfficeCode('AZ000600')).to.equal(true);
    expect(isValidOfficeCode('az000600')).to.equal(false);
    expect(isValidOfficeCode('AZ00060')).to.equal(false);
    expect(officeCountry('GE000200')).to.equal('GE');
    expect(isValidTraderId('AZ1700123451')).to.equal(true);
    expect(isValidTraderId('9999912345')).to.equal(false);
    expect(isValidCountryCode('TM')).to.equal(true);
    expect(isValidCountryCode('tm')).to.equal(false);
    expect(isValidTirCarnet('XA12345678')).to.equal(true);
    expect(isValidTirCarnet('XA1234')).to.equal(false);
  });

  it('validates ISO 6346 containers', () => {
    expect(isValidContainerNumber('TGHU8745126')).to.equal(true);
    expect(isValidContainerNumber('CSQU3054383')).to.equal(true);
    expect(isValidContainerNumber('TGHU8745127')).to.equal(false);
    expect(isValidContainerNumber('OWPRKL')).to.equal(false);
  });
});
