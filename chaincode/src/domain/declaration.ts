// The transit declaration as the ledger receives it: the content of an NCTS P5 IE015 (or the same as
// JSON), with amounts already in integer minor units and masses in grams, both as strings.
// The gateway converts XML to this shape; the chaincode validates it again, because a gateway can be
// bypassed.

/** Decimal quantity as an integer string in the smallest unit (minor currency units, grams). */
export type IntegerString = string;

export interface Party {
  identificationNumber?: string;
  name?: string;
  address?: { streetAndNumber?: string; postcode?: string; city?: string; country: string };
}

export interface OfficeOfTransit {
  sequenceNumber: number;
  referenceNumber: string;
  /** ISO 8601 local date-time as in the message, e.g. 2025-03-10T16:00:00 */
  arrivalDateAndTimeEstimated?: string;
}

export interface GuaranteeReference {
  sequenceNumber: number;
  grn?: string;
  /** Never written to the ledger: the gateway moves it to the transient map before submitting. */
  accessCode?: string;
  amountToBeCovered: { amount: IntegerString; currency: string };
}

export interface Guarantee {
  sequenceNumber: number;
  /** NCTS guarantee type: 0 waiver, 1 comprehensive, 2 individual, 3 cash, 4 voucher, 9, B TIR ... */
  guaranteeType: string;
  otherGuaranteeReference?: string;
  references: GuaranteeReference[];
}

export interface Seal {
  sequenceNumber: number;
  identifier: string;
}

export interface TransportEquipment {
  sequenceNumber: number;
  containerIdentificationNumber?: string;
  numberOfSeals: number;
  seals: Seal[];
}

export interface ConsignmentItem {
  goodsItemNumber: number;
  declarationGoodsItemNumber?: number;
  descriptionOfGoods: string;
  harmonizedSystemSubHeadingCode?: string;
  grossMass?: IntegerString;
  netMass?: IntegerString;
  packages?: { typeOfPackages: string; numberOfPackages?: number; shippingMarks?: string }[];
}

export interface HouseConsignment {
  sequenceNumber: number;
  grossMass?: IntegerString;
  consignor?: Party;
  consignee?: Party;
  items: ConsignmentItem[];
}

export interface Declaration {
  /** NCTS message identification of the IE015, when it came as XML */
  messageIdentification?: string;
  /** preparationDateAndTime of the message (ISO 8601 local) */
  preparationDateAndTime?: string;
  lrn: string;
  declarationType: string;
  additionalDeclarationType?: string;
  tirCarnetNumber?: string;
  /** 0 none, 1 ENS, 2 EXS, 3 both */
  security: '0' | '1' | '2' | '3';
  bindingItinerary: boolean;
  /** the goods are pre-lodged (additionalDeclarationType D): presented later with IE170 */
  prelodged: boolean;
  officeOfDeparture: string;
  officeOfDestination: string;
  officesOfTransit: OfficeOfTransit[];
  officesOfExit: { sequenceNumber: number; referenceNumber: string }[];
  holder: Party & { identificationNumber?: string; tirHolderIdentificationNumber?: string };
  guarantees: Guarantee[];
  consignment: {
    countryOfDispatch?: string;
    countryOfDestination?: string;
    containerIndicator?: boolean;
    inlandModeOfTransport?: string;
    modeOfTransportAtTheBorder?: string;
    grossMass: IntegerString;
    consignor?: Party;
    consignee?: Party;
    transportEquipment: TransportEquipment[];
    countriesOfRouting: string[];
    transportMeans: { typeOfIdentification?: string; identificationNumber: string; nationality?: string }[];
    houseConsignments: HouseConsignment[];
  };
}
