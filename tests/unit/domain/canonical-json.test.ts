import { expect } from 'chai';
import { canonicalJson } from '../../../chaincode/src/domain/canonical-json';
import { messageType, rootElement } from '../../../chaincode/src/domain/messages';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'x' }, u: undefined })).to.equal('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
  });
  it('is independent of insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).to.equal(canonicalJson({ y: 2, x: 1 }));
  });
  it('refuses bigint and non-finite numbers', () => {
    expect(() => canonicalJson({ a: 1n })).to.throw(TypeError);
    expect(() => canonicalJson(NaN)).to.throw(TypeError);
  });
});

describe('messages', () => {
  it('looks up IE numbers in any spelling', () => {
    expect(messageType('IE015')!.xsd).to.equal('cc015c.xsd');
    expect(messageType('CC029C')!.name).to.equal('RELEASE FOR TRANSIT');
    expect(messageType(45)!.ie).to.equal('IE045');
    expect(messageType('IE999')).to.equal(undefined);
    expect(rootElement('IE015')).to.equal('CC015C');
  });
});
