import { expect } from 'chai';
import {
  addMinor, assertAmountString, compareMinor, convert, formatMinor, parseDecimal, parseMass, splitByShares, subMinor, sumMinor,
} from '../../../chaincode/src/domain/money';
import { CatsError } from '../../../chaincode/src/domain/errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CatsError ? e.code : 'NOT_CATS';
  }
  return undefined;
}

describe('money', () => {
  it('parses decimals into minor units by ISO 4217 exponent', () => {
    expect(parseDecimal('38500.00', 'USD')).to.equal('3850000');
    expect(parseDecimal('38500', 'USD')).to.equal('3850000');
    expect(parseDecimal('12.5', 'GEL')).to.equal('1250');
    expect(parseDecimal('1000', 'JPY')).to.equal('1000');
    expect(parseDecimal('1.2340', 'KWD')).to.equal('1234');
    expect(parseDecimal('0.10', 'EUR')).to.equal('10');
  });

  it('rejects too many decimals, negatives, exponents, numbers, unknown currencies and > 18 digits', () => {
    expect(codeOf(() => parseDecimal('1.001', 'USD'))).to.equal('INVALID_AMOUNT');
    expect(codeOf(() => parseDecimal('1.5', 'JPY'))).to.equal('INVALID_AMOUNT');
    expect(codeOf(() => parseDecimal('-1.00', 'USD'))).to.equal('INVALID_AMOUNT');
    expect(codeOf(() => parseDecimal('1e5', 'USD'))).to.equal('INVALID_AMOUNT');
    expect(codeOf(() => parseDecimal(100 as unknown as string, 'USD'))).to.equal('INVALID_AMOUNT');
    expect(codeOf(() => parseDecimal('1.00', 'XXX'))).to.equal('INVALID_AMOUNT');
    expect(codeOf(() => parseDecimal('10000000000000000.00', 'USD'))).to.equal('INVALID_AMOUNT');
    expect(parseDecimal('9999999999999999.99', 'USD')).to.equal('999999999999999999');
  });

  it('assertAmountString accepts only digit strings and names the field', () => {
    expect(assertAmountString('3850000', 'x')).to.equal('3850000');
    for (const bad of [3850000, 1.5, '-1', '1.5', '01', '', null, '1234567890123456789']) {
      try {
        assertAmountString(bad, 'referenceAmount.amount');
        expect.fail('accepted ' + String(bad));
      } catch (e) {
        expect((e as CatsError).code).to.equal('INVALID_AMOUNT');
        expect((e as CatsError).message).to.contain('referenceAmount.amount');
      }
    }
  });

  it('formats, adds, subtracts and compares', () => {
    expect(formatMinor('3850000', 'USD')).to.equal('38500.00');
    expect(formatMinor('5', 'USD')).to.equal('0.05');
    expect(formatMinor('1000', 'JPY')).to.equal('1000');
    expect(addMinor('999999999999999999', '1')).to.equal('1000000000000000000');
    expect(sumMinor(['1', '2', '3'])).to.equal('6');
    expect(subMinor('10', '3')).to.equal('7');
    expect(() => subMinor('3', '10')).to.throw(CatsError);
    expect(compareMinor('10', '9')).to.equal(1);
    expect(compareMinor('9', '10')).to.equal(-1);
    expect(compareMinor('7', '7')).to.equal(0);
  });

  it('converts with a decimal rate, rounding half-up', () => {
    expect(convert('100', 'USD', 'GEL', '2.7')).to.equal('270');
    expect(convert('1', 'USD', 'GEL', '2.75')).to.equal('3'); // 2.75 → 3 (half-up)
    expect(convert('1', 'USD', 'GEL', '2.749')).to.equal('3'); // 2.749 → 3
    expect(convert('1', 'USD', 'GEL', '2.45')).to.equal('2'); // 2.45 → 2
    expect(convert('100', 'USD', 'JPY', '150.5')).to.equal('151'); // 1.00 USD = 150.5 JPY → 151 (half-up)
    expect(convert('151', 'JPY', 'USD', '0.0066')).to.equal('100'); // 151 × 0.0066 = 0.9966 USD → 1.00
    expect(convert('12345', 'USD', 'USD', '1')).to.equal('12345');
    expect(codeOf(() => convert('1', 'USD', 'GEL', '0'))).to.equal('INVALID_AMOUNT');
    expect(codeOf(() => convert('1', 'USD', 'GEL', '-2'))).to.equal('INVALID_AMOUNT');
  });

  it('splits exactly with largest remainders, deterministic ties', () => {
    const parts = splitByShares('100', [
      { party: 'C', bp: 3333 },
      { party: 'A', bp: 3333 },
      { party: 'B', bp: 3334 },
    ]);
    expect(parts.map((p) => p.party)).to.deep.equal(['C', 'A', 'B']);
    expect(sumMinor(parts.map((p) => p.amount))).to.equal('100');
    // 100 × 0.3334 = 33.34 (rem .34) gets the first extra unit; A and C tie at .33 → A by name
    expect(parts.find((p) => p.party === 'B')!.amount).to.equal('34');
    expect(parts.find((p) => p.party === 'A')!.amount).to.equal('33');
    expect(parts.find((p) => p.party === 'C')!.amount).to.equal('33');
    const odd = splitByShares('1', [{ party: 'X', bp: 5000 }, { party: 'W', bp: 5000 }]);
    expect(odd).to.deep.equal([{ party: 'X', bp: 5000, amount: '0' }, { party: 'W', bp: 5000, amount: '1' }]);
    expect(codeOf(() => splitByShares('1', [{ party: 'X', bp: 9999 }]))).to.equal('INVALID_AMOUNT');
    expect(codeOf(() => splitByShares('1', [{ party: 'X', bp: 5000 }, { party: 'X', bp: 5000 }]))).to.equal('INVALID_AMOUNT');
  });

  it('parses masses into grams', () => {
    expect(parseMass('20640.000')).to.equal('20640000');
    expect(parseMass('0.5')).to.equal('500');
    expect(parseMass('1.000000')).to.equal('1000');
    expect(codeOf(() => parseMass('1.0005'))).to.equal('VALIDATION_FAILED');
    expect(codeOf(() => parseMass('-1'))).to.equal('VALIDATION_FAILED');
  });
});
