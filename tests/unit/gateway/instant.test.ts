import { expect } from 'chai';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { keyInstant, parseFilterInstant } from '../../../gateway/src/index/instant';

describe('gateway: date filters need an explicit UTC offset', () => {
  it('normalises Z and offsets to UTC', () => {
    expect(parseFilterInstant('2025-03-10T12:40:00+04:00', 'updatedSince')).to.equal('2025-03-10T08:40:00.000Z');
    expect(parseFilterInstant('2025-03-10T08:40Z', 'updatedSince')).to.equal('2025-03-10T08:40:00.000Z');
    expect(parseFilterInstant('2025-03-10T08:40:00.5-01:30', 'x')).to.equal('2025-03-10T10:10:00.500Z');
  });

  for (const bad of ['2025-03-10T12:40:00', '2025-03-10', 'yesterday', '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z', '2025-03-10T24:00:00Z']) {
    it(`refuses '${bad}' naming the field`, () => {
      try {
        parseFilterInstant(bad, 'updatedUntil');
        expect.fail('should refuse');
      } catch (e) {
        expect(e).to.be.instanceOf(CatsError);
        expect((e as CatsError).code).to.equal('VALIDATION_FAILED');
        expect((e as CatsError).details.field).to.equal('updatedUntil');
      }
    });
  }

  it('says how to fix a local time', () => {
    expect(() => parseFilterInstant('2025-03-10T12:40:00', 'updatedSince')).to.throw(/offset such as \+04:00/);
  });

  it('gives fixed-width keys so that key order is time order', () => {
    expect(keyInstant('2025-03-10T08:40:00Z')).to.equal('2025-03-10T08:40:00.000Z');
    expect(keyInstant('2025-03-10T08:40:00.123456Z') < keyInstant('2025-03-10T08:40:01Z')).to.equal(true);
  });
});
