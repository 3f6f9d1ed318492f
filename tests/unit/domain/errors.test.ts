import { expect } from 'chai';
import { CatsError, ERROR_STATUS, decodeError, encodeError, httpStatusOf } from '../../../chaincode/src/domain/errors';

describe('errors', () => {
  it('gives every code one HTTP status', () => {
    expect(httpStatusOf('DUPLICATE_LRN')).to.equal(409);
    expect(httpStatusOf('COUNTRY_NOT_MEMBER')).to.equal(422);
    expect(httpStatusOf('UNAUTHENTICATED')).to.equal(401);
    for (const status of Object.values(ERROR_STATUS)) expect(status).to.be.within(400, 599);
  });

  it('round-trips through the Fabric error text, with a prefix and a suffix', () => {
    const e = new CatsError('COUNTRY_NOT_MEMBER', 'officesOfTransit[0]: country TM is not a member in PILOT or LIVE', { field: 'officesOfTransit[0]', country: 'TM' });
    const text = encodeError(e);
    expect(text).to.equal('CATS:{"code":"COUNTRY_NOT_MEMBER","details":{"country":"TM","field":"officesOfTransit[0]"},"message":"officesOfTransit[0]: country TM is not a member in PILOT or LIVE"}');
    const back = decodeError('10 ABORTED: failed to endorse transaction, chaincode response 500, ' + text + ' (tx abc)');
    expect(back).to.be.instanceOf(CatsError);
    expect(back!.code).to.equal('COUNTRY_NOT_MEMBER');
    expect(back!.details).to.deep.equal({ country: 'TM', field: 'officesOfTransit[0]' });
    expect(back!.status).to.equal(422);
  });

  it('handles braces inside strings and rejects garbage', () => {
    const text = encodeError(new CatsError('VALIDATION_FAILED', 'lrn: "}{" is odd', { field: 'lrn' }));
    expect(decodeError('x ' + text)!.message).to.equal('lrn: "}{" is odd');
    expect(decodeError('no error here')).to.equal(undefined);
    expect(decodeError('CATS:{"code":"NOPE","message":"x"}')).to.equal(undefined);
    expect(decodeError('CATS:{"code":"INTERNAL"')).to.equal(undefined);
  });

  it('encodes foreign errors as INTERNAL', () => {
    expect(decodeError(encodeError(new Error('boom')))!.code).to.equal('INTERNAL');
  });
});
