// A bootstrapped network for the chaincode tests: three customs administrations (AZ, GE, UZ), a guarantor,
// an auditor, the CAREC offices, and the hazelnut movement Ganja → Red Bridge → Poti of
// shared/data/ncts-p5/samples/cats-ie015-az-ge-hazelnuts.xml.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { GuaranteeContract, MovementContract, OpsContract, RegistryContract } from '../../../chaincode/src/index';
import { FakeLedger, type Identity, type Outcome } from './fake-fabric';

export const registry = new RegistryContract();
export const guarantee = new GuaranteeContract();
export const movement = new MovementContract();
export const ops = new OpsContract();

const id = (mspId: string, user: string, attrs: Record<string, string>): Identity => ({ mspId, user, attrs });

export const who = {
  azAdmin: id('CustomsAZMSP', 'admin-az', { 'cats.role': 'admin' }),
  geAdmin: id('CustomsGEMSP', 'admin-ge', { 'cats.role': 'admin' }),
  uzAdmin: id('CustomsUZMSP', 'admin-uz', { 'cats.role': 'admin' }),
  azOfficer: id('CustomsAZMSP', 'officer-ganja', { 'cats.role': 'officer', 'cats.offices': 'AZ000600,AZ000100' }),
  azOfficerBaku: id('CustomsAZMSP', 'officer-baku', { 'cats.role': 'officer', 'cats.offices': 'AZ000100' }),
  geTransit: id('CustomsGEMSP', 'officer-redbridge', { 'cats.role': 'officer', 'cats.offices': 'GE000200,GE000300' }),
  geDest: id('CustomsGEMSP', 'officer-poti', { 'cats.role': 'officer', 'cats.offices': 'GE000600,GE000700' }),
  /** a GE officer who claims an AZ office in his certificate: must be refused */
  geRogue: id('CustomsGEMSP', 'rogue', { 'cats.role': 'officer', 'cats.offices': 'AZ000600,GE000200' }),
  trader: id('CustomsAZMSP', 'ganja-agro', { 'cats.role': 'trader', 'cats.traderId': 'AZ1700123451' }),
  otherTrader: id('CustomsAZMSP', 'other', { 'cats.role': 'trader', 'cats.traderId': 'AZ1401987652' }),
  guarantor: id('GuarantorMSP', 'underwriter', { 'cats.role': 'guarantor' }),
  otherGuarantor: id('Guarantor2MSP', 'underwriter2', { 'cats.role': 'guarantor' }),
  auditor: id('AuditorMSP', 'auditor', { 'cats.role': 'auditor' }),
};

export const GRN = '25AZ0000000000715';
export const ACCESS_CODE = '7K2Q';

export function carecOffices(): unknown[] {
  // The project's own copy of the shared reference list (network/reference/carec-offices.json).
  const path = join(__dirname, '../../../network/reference/carec-offices.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { offices: unknown[] }).offices;
}

export const ORGANISATIONS = [
  { mspId: 'CustomsAZMSP', kind: 'CUSTOMS', country: 'AZ' },
  { mspId: 'CustomsGEMSP', kind: 'CUSTOMS', country: 'GE' },
  { mspId: 'CustomsUZMSP', kind: 'CUSTOMS', country: 'UZ' },
  { mspId: 'GuarantorMSP', kind: 'GUARANTOR', country: 'AZ' },
  { mspId: 'Guarantor2MSP', kind: 'GUARANTOR', country: 'GE' },
  { mspId: 'AuditorMSP', kind: 'AUDITOR', country: 'AZ' },
];

export const COUNTRIES = [
  { code: 'AZ', status: 'RATIFIED', mode: 'PILOT' },
  { code: 'GE', status: 'RATIFIED', mode: 'PILOT' },
  { code: 'UZ', status: 'SIGNED', mode: 'PILOT' },
];

export function ok(o: Outcome): any {
  if (!o.ok) expect.fail(`expected success, got ${o.rawError}`);
  return o.result;
}

export function fails(o: Outcome, code: string, field?: string): void {
  expect(o.ok, `expected ${code}, but the transaction succeeded`).to.equal(false);
  expect(o.error, o.rawError).to.not.equal(undefined);
  expect(o.error!.code, o.error!.message).to.equal(code);
  if (field) expect(o.error!.message).to.contain(field);
}

export async function bootstrapped(ledger = new FakeLedger()): Promise<FakeLedger> {
  const genesis = ok(await ledger.invoke(registry, 'Bootstrap', who.azAdmin, JSON.stringify({ organisations: ORGANISATIONS, countries: COUNTRIES, offices: carecOffices() })));
  ok(await ledger.invoke(registry, 'ConfirmBootstrap', who.geAdmin, JSON.stringify({ digest: genesis.digest })));
  ok(await ledger.invoke(registry, 'ConfirmBootstrap', who.uzAdmin, JSON.stringify({ digest: genesis.digest })));
  return ledger;
}

export function issueArgs(over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    grn: GRN,
    type: '1',
    holderId: 'AZ1700123451',
    referenceAmount: { amount: '10000000', currency: 'USD' },
    countries: ['AZ', 'GE', 'UZ'],
    validFrom: '2025-01-01',
    validTo: '2026-12-31',
    ...over,
  });
}

/** Bootstrapped, with the comprehensive guarantee of 100 000.00 USD issued. */
export async function withGuarantee(): Promise<FakeLedger> {
  const ledger = await bootstrapped();
  ok(await ledger.invoke(guarantee, 'Issue', who.guarantor, issueArgs(), { accessCode: ACCESS_CODE }));
  return ledger;
}

export function hazelnuts(over: Partial<Declaration> = {}): Declaration {
  return {
    messageIdentification: 'AZGA250310001',
    preparationDateAndTime: '2025-03-10T08:40:00',
    lrn: 'GAE2025031000017',
    declarationType: 'T1',
    additionalDeclarationType: 'A',
    security: '0',
    bindingItinerary: false,
    prelodged: false,
    officeOfDeparture: 'AZ000600',
    officeOfDestination: 'GE000600',
    officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'GE000200', arrivalDateAndTimeEstimated: '2025-03-10T16:00:00' }],
    officesOfExit: [],
    holder: {
      identificationNumber: 'AZ1700123451',
      name: 'Ganja Agro Export LLC',
      address: { streetAndNumber: 'Ataturk avenue 112', postcode: 'AZ2000', city: 'Ganja', country: 'AZ' },
    },
    guarantees: [{ sequenceNumber: 1, guaranteeType: '1', references: [{ sequenceNumber: 1, grn: GRN, amountToBeCovered: { amount: '3850000', currency: 'USD' } }] }],
    consignment: {
      countryOfDispatch: 'AZ',
      countryOfDestination: 'GE',
      containerIndicator: false,
      inlandModeOfTransport: '3',
      modeOfTransportAtTheBorder: '3',
      grossMass: '20640000',
      consignor: { identificationNumber: 'AZ1700123451', name: 'Ganja Agro Export LLC', address: { country: 'AZ' } },
      consignee: { identificationNumber: 'GE205104418', name: 'Poti Nut Terminal LLC', address: { streetAndNumber: 'Akaki Tsereteli street 7', postcode: '4400', city: 'Poti', country: 'GE' } },
      transportEquipment: [{ sequenceNumber: 1, numberOfSeals: 2, seals: [{ sequenceNumber: 1, identifier: 'AZC0418832' }, { sequenceNumber: 2, identifier: 'AZC0418833' }] }],
      countriesOfRouting: ['AZ', 'GE'],
      transportMeans: [
        { typeOfIdentification: '30', identificationNumber: '10FK421', nationality: 'AZ' },
        { typeOfIdentification: '30', identificationNumber: '10KS713', nationality: 'AZ' },
      ],
      houseConsignments: [
        {
          sequenceNumber: 1,
          grossMass: '20640000',
          items: [
            {
              goodsItemNumber: 1,
              declarationGoodsItemNumber: 1,
              descriptionOfGoods: 'Hazelnuts, shelled, in jute bags',
              harmonizedSystemSubHeadingCode: '080222',
              grossMass: '20640000',
              netMass: '20000000',
              packages: [{ typeOfPackages: 'BG', numberOfPackages: 800, shippingMarks: 'GAE/HZ/2503' }],
            },
          ],
        },
      ],
    },
    ...over,
  };
}

export const CODES = { accessCodes: JSON.stringify({ [GRN]: ACCESS_CODE }) };

export async function declareHazelnuts(ledger: FakeLedger, d: Declaration = hazelnuts()): Promise<string> {
  return ok(await ledger.invoke(movement, 'Declare', who.trader, JSON.stringify(d), CODES)).mrn;
}

export async function balance(ledger: FakeLedger): Promise<any> {
  return ok(await ledger.invoke(guarantee, 'Balance', who.guarantor, JSON.stringify({ grn: GRN })));
}
