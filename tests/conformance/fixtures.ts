// What the real-network suites (conformance, concurrency) share: the network under test, unique
// identifiers per run, a CAREC declaration in the ledger's JSON form (Ganja AZ → Red Bridge GE → Poti GE,
// the corridor of cats-ie015-az-ge-hazelnuts.xml) with estimated arrivals after now, and guarantees.
import crypto from 'node:crypto';
import path from 'node:path';
import { ApiClient, ApiError } from '../../client/src/api-client';
import { checkDigit } from '../../chaincode/src/domain/identifiers';
import type { Declaration } from '../../chaincode/src/domain/declaration';
import { readNetworkFile, type NetworkFile } from '../../network/src/network-file';
import { startTestNetwork } from '../integration/harness';

/** The harness network, or an already running one named by CATS_NETWORK_FILE (its processes untouched). */
export async function networkUnderTest(): Promise<NetworkFile> {
  const file = process.env.CATS_NETWORK_FILE;
  return file ? readNetworkFile(path.resolve(file)) : startTestNetwork();
}

export const HOLDER = 'AZ1700123451'; // CustomsAZ:trader1
export const OTHER_HOLDER = 'AZ1401987652'; // CustomsAZ:trader2
export const ACCESS_CODE = '7K2Q';

const RUN = crypto.randomBytes(3).toString('hex').toUpperCase();
let serial = 0;

/** A fresh valid GRN of the AZ guarantor country: YY + AZ + 12 alphanumerics + check digit. */
export function newGrn(): string {
  const body = String(new Date().getUTCFullYear() % 100).padStart(2, '0') + 'AZ' + (RUN + 'C' + String(++serial).padStart(5, '0')).slice(0, 12);
  return body + checkDigit(body);
}

/** A fresh LRN, unique per run. */
export function newLrn(tag: string): string {
  return `${tag}-${RUN}-${++serial}`.slice(0, 22);
}

const local = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export function declaration(grn: string, over: Partial<Declaration> = {}, amount = '100000'): Declaration {
  const now = Date.now();
  return {
    preparationDateAndTime: local(now - 60_000),
    lrn: newLrn('CONF'),
    declarationType: 'T1',
    additionalDeclarationType: 'A',
    security: '0',
    bindingItinerary: false,
    prelodged: false,
    officeOfDeparture: 'AZ000600',
    officeOfDestination: 'GE000600',
    officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'GE000200', arrivalDateAndTimeEstimated: local(now + 2 * 86400_000) }],
    officesOfExit: [],
    holder: { identificationNumber: HOLDER, name: 'Ganja Agro Export LLC', address: { city: 'Ganja', country: 'AZ' } },
    guarantees: [{ sequenceNumber: 1, guaranteeType: '1', references: [{ sequenceNumber: 1, grn, accessCode: ACCESS_CODE, amountToBeCovered: { amount, currency: 'USD' } }] }],
    consignment: {
      countryOfDispatch: 'AZ',
      countryOfDestination: 'GE',
      grossMass: '20640000',
      transportEquipment: [{ sequenceNumber: 1, numberOfSeals: 2, seals: [{ sequenceNumber: 1, identifier: 'AZC0418832' }, { sequenceNumber: 2, identifier: 'AZC0418833' }] }],
      countriesOfRouting: ['AZ', 'GE'],
      transportMeans: [{ typeOfIdentification: '30', identificationNumber: '10FK421', nationality: 'AZ' }],
      houseConsignments: [
        {
          sequenceNumber: 1,
          grossMass: '20640000',
          items: [{ goodsItemNumber: 1, declarationGoodsItemNumber: 1, descriptionOfGoods: 'Hazelnuts, shelled', harmonizedSystemSubHeadingCode: '080222', grossMass: '20640000', netMass: '20000000' }],
        },
      ],
    },
    ...over,
  };
}

export interface IssueOptions {
  type?: string;
  amount?: string;
  currency?: string;
  countries?: string[];
  holderId?: string;
  validFrom?: string;
  validTo?: string;
}

export async function issueGuarantee(guarantor: ApiClient, grn: string, o: IssueOptions = {}): Promise<void> {
  const year = new Date().getUTCFullYear();
  await guarantor.submit('/guarantees', {
    body: {
      grn, type: o.type ?? '1', holderId: o.holderId ?? HOLDER,
      referenceAmount: { amount: o.amount ?? '100000000', currency: o.currency ?? 'USD' },
      countries: o.countries ?? ['AZ', 'GE', 'UZ'], validFrom: o.validFrom ?? `${year - 1}-01-01`, validTo: o.validTo ?? `${year + 2}-12-31`, accessCode: ACCESS_CODE,
    },
  });
}

export interface BalanceView {
  referenceAmount: string;
  reserved: string;
  available: string;
  currency: string;
  reservations: { mrn: string; amount: string; status: string }[];
}

export function balanceOf(guarantor: ApiClient, grn: string): Promise<BalanceView> {
  return guarantor.post<BalanceView>(`/guarantees/${grn}/balance`, {}, { waitSeconds: undefined });
}

/** The rejection of `p`, or a failure if it succeeded. */
export async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a rejection, but the request succeeded');
}
