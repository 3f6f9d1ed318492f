// What the gateway refuses before any peer works: the same code and field the chaincode would give, and
// nothing refused that the chaincode would have to judge from the ledger.
import { expect } from 'chai';
import type { Principal } from '../../../gateway/src/auth/principal';
import type { IndexedMovement } from '../../../gateway/src/index/indexed-types';
import { refuseDeclarationEarly, refuseTransitionEarly } from '../../../gateway/src/usecases/early-refusals';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { declaration, HOLDER, newGrn, OTHER_HOLDER } from '../../conformance/fixtures';
import { testNetwork } from './fixtures';

const GRN = newGrn();
const trader = (traderId: string): Principal => ({ org: 'CustomsAZ', userId: 'trader1', role: 'trader', offices: [], traderId });
const officer: Principal = { org: 'CustomsAZ', userId: 'officer1', role: 'officer', offices: ['AZ000600'], traderId: null };

function refusal(fn: () => void): CatsError | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).to.be.instanceOf(CatsError);
    return e as CatsError;
  }
}

const indexed = (holder: string): IndexedMovement => ({ mrn: '26AZ00060000000011', holder, status: 'ACCEPTED', offices: [], countries: [], grns: [], createdAt: '', updatedAt: '', lastEvent: '', lastTxId: '' });

describe('early refusals at the gateway', () => {
  const { network } = testNetwork();
  const az = network.organisations[0];

  it('lets a well-formed declaration of the trader himself through', () => {
    expect(refusal(() => refuseDeclarationEarly(network, trader(HOLDER), declaration(GRN)))).to.equal(undefined);
  });

  it('refuses a declaration failing a field rule with the chaincode’s code and field', () => {
    const e = refusal(() => refuseDeclarationEarly(network, trader(HOLDER), declaration(GRN, { lrn: 'L'.repeat(200) })));
    expect(e?.code).to.equal('INVALID_IDENTIFIER');
    expect(e?.details?.field).to.equal('lrn');
  });

  it('refuses a trader lodging for another holder', () => {
    const e = refusal(() => refuseDeclarationEarly(network, trader(OTHER_HOLDER), declaration(GRN)));
    expect(e?.code).to.equal('FORBIDDEN');
    expect(e?.details?.field).to.equal('holder.identificationNumber');
  });

  it('leaves a declaration through a non-member country to the chaincode (COUNTRY_NOT_MEMBER comes first there)', () => {
    const bad = declaration(GRN, { lrn: 'L'.repeat(200), officeOfDestination: 'TM000100', officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'TM000200' }] });
    expect(refusal(() => refuseDeclarationEarly(network, trader(HOLDER), bad))).to.equal(undefined);
  });

  it('refuses an officer acting for another country’s office or an office not his', () => {
    const foreign = refusal(() => refuseTransitionEarly(az, officer, 'release', { office: 'GE000600' }, undefined));
    expect(foreign?.code).to.equal('FORBIDDEN_OFFICE');
    expect(foreign?.message).to.contain('administration of AZ');
    const notHis = refusal(() => refuseTransitionEarly(az, officer, 'release', { office: 'AZ000100' }, undefined));
    expect(notHis?.code).to.equal('FORBIDDEN_OFFICE');
    expect(notHis?.message).to.contain('cats.offices');
    expect(refusal(() => refuseTransitionEarly(az, officer, 'release', { office: 'AZ000600' }, undefined))).to.equal(undefined);
    // a malformed office is the chaincode's to name (INVALID_IDENTIFIER)
    expect(refusal(() => refuseTransitionEarly(az, officer, 'release', { office: 'nonsense' }, undefined))).to.equal(undefined);
  });

  it('refuses a trader taking the holder’s actions on another holder’s movement, as the index knows it', () => {
    const e = refusal(() => refuseTransitionEarly(az, trader(OTHER_HOLDER), 'cancel', { reason: 'x' }, indexed(HOLDER)));
    expect(e?.code).to.equal('FORBIDDEN');
    expect(e?.details?.field).to.equal('mrn');
    expect(refusal(() => refuseTransitionEarly(az, trader(HOLDER), 'cancel', {}, indexed(HOLDER)))).to.equal(undefined);
    // not indexed yet: the chaincode decides
    expect(refusal(() => refuseTransitionEarly(az, trader(OTHER_HOLDER), 'cancel', {}, undefined))).to.equal(undefined);
    // arrival comes from the trader at destination, who need not be the holder
    expect(refusal(() => refuseTransitionEarly(az, trader(OTHER_HOLDER), 'arrival', { office: 'GE000600' }, indexed(HOLDER)))).to.equal(undefined);
  });
});
