// Business refusals answered as NCTS messages: the ledger's field is pointed at the element of the
// trader's message, and the IE056/IE057 validate against the shared XSDs.
import { expect } from 'chai';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { ie056For, ie057For, pointerOf } from '../../../gateway/src/ncts/rejection-answer';
import { validateXml } from '../../../gateway/src/ncts/xsd-validator';
import type { MovementView } from '../../../gateway/src/ncts/movement-view';

const view: MovementView = {
  mrn: '',
  lrn: 'GAE2025031000017',
  status: '',
  officeOfDeparture: 'AZ000600',
  officeOfDestination: 'GE000600',
  officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'GE000200' }],
  holder: { identificationNumber: 'AZ1700123451' },
  timestamps: {},
};

describe('NCTS rejection answers', () => {
  it('points a ledger field at the element of the IE015', () => {
    expect(pointerOf('officesOfTransit[0].referenceNumber', 'CC015C')).to.equal('/CC015C/CustomsOfficeOfTransitDeclared[1]/referenceNumber');
    expect(pointerOf('guarantees[0].references[1].grn', 'CC015C')).to.equal('/CC015C/Guarantee[1]/GuaranteeReference[2]/GRN');
    expect(pointerOf('lrn', 'CC015C')).to.equal('/CC015C/TransitOperation/LRN');
    expect(pointerOf(undefined, 'CC007C')).to.equal('/CC007C');
  });

  it('answers a refused declaration with an IE056 that validates, naming the country', async () => {
    const err = new CatsError('COUNTRY_NOT_MEMBER', 'officesOfTransit[0].referenceNumber: country TM is not a member', { field: 'officesOfTransit[0].referenceNumber', country: 'TM' });
    const xml = ie056For(view, '015', err, '2026-12-03T10:00:00Z');
    const result = await validateXml(xml, 'CC056C');
    expect(result.errors, JSON.stringify(result.errors)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect(xml).to.contain('<errorPointer>/CC015C/CustomsOfficeOfTransitDeclared[1]/referenceNumber</errorPointer>');
    expect(xml).to.contain('<originalAttributeValue>TM</originalAttributeValue>');
    expect(xml).to.contain('<businessRejectionType>015</businessRejectionType>');
  });

  it('answers a refused arrival notification with an IE057 that validates', async () => {
    const err = new CatsError('INVALID_STATE_TRANSITION', 'mrn: movement is ACCEPTED; arrival needs RELEASED', { field: 'mrn' });
    const xml = ie057For({ ...view, mrn: '26AZVUVEST1SVR4LJ7' }, '007', 'GE000600', 'GE205104418', err, '2026-12-03T10:00:00Z');
    const result = await validateXml(xml, 'CC057C');
    expect(result.errors, JSON.stringify(result.errors)).to.deep.equal([]);
    expect(xml).to.contain('<errorCode>92</errorCode>');
  });
});
