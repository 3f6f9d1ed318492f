// The NCTS Phase 5 messages CATS/ICE exchanges (spec §6), keyed by IE number. `xsd` names the schema in
// shared/data/ncts-p5/xsd (v51.8.6) when one exists for the trader domain; customs-to-customs (CD) messages
// have none there and are represented on the ledger by the transaction named in `transaction`.

export type Direction = 'TRADER_TO_CUSTOMS' | 'CUSTOMS_TO_TRADER' | 'CUSTOMS_TO_CUSTOMS' | 'CUSTOMS_TO_GUARANTOR' | 'GUARANTEE_MANAGEMENT';

export interface MessageType {
  ie: string;
  name: string;
  direction: Direction;
  xsd?: string;
  /** the ledger transaction (contract:Transaction) the message starts or reports */
  transaction?: string;
}

const T2C: Direction = 'TRADER_TO_CUSTOMS';
const C2T: Direction = 'CUSTOMS_TO_TRADER';
const C2C: Direction = 'CUSTOMS_TO_CUSTOMS';
const GMS: Direction = 'GUARANTEE_MANAGEMENT';

const LIST: MessageType[] = [
  { ie: 'IE001', name: 'ANTICIPATED ARRIVAL RECORD', direction: C2C, transaction: 'movement:Release' },
  { ie: 'IE004', name: 'AMENDMENT ACCEPTANCE', direction: C2T, xsd: 'cc004c.xsd', transaction: 'movement:Amend' },
  { ie: 'IE006', name: 'ARRIVAL ADVICE', direction: C2C, transaction: 'movement:NotifyArrival' },
  { ie: 'IE007', name: 'ARRIVAL NOTIFICATION', direction: T2C, xsd: 'cc007c.xsd', transaction: 'movement:NotifyArrival' },
  { ie: 'IE009', name: 'INVALIDATION DECISION', direction: C2T, xsd: 'cc009c.xsd', transaction: 'movement:Invalidate' },
  { ie: 'IE013', name: 'DECLARATION AMENDMENT', direction: T2C, xsd: 'cc013c.xsd', transaction: 'movement:Amend' },
  { ie: 'IE014', name: 'DECLARATION CANCELLATION REQUEST', direction: T2C, xsd: 'cc014c.xsd', transaction: 'movement:RequestCancellation' },
  { ie: 'IE015', name: 'DECLARATION DATA', direction: T2C, xsd: 'cc015c.xsd', transaction: 'movement:Declare' },
  { ie: 'IE017', name: 'REJECTION FROM OFFICE OF DEPARTURE (EXS)', direction: C2T, xsd: 'cc017c.xsd' },
  { ie: 'IE018', name: 'DESTINATION CONTROL RESULTS', direction: C2C, transaction: 'movement:RecordControlResults' },
  { ie: 'IE019', name: 'DISCREPANCIES', direction: C2T, xsd: 'cc019c.xsd', transaction: 'movement:RecordDiscrepancies' },
  { ie: 'IE022', name: 'NOTIFICATION TO AMEND DECLARATION', direction: C2T, xsd: 'cc022c.xsd' },
  { ie: 'IE023', name: 'GUARANTOR NOTIFICATION', direction: 'CUSTOMS_TO_GUARANTOR', xsd: 'cc023c.xsd', transaction: 'movement:StartRecovery' },
  { ie: 'IE025', name: 'GOODS RELEASE NOTIFICATION', direction: C2T, xsd: 'cc025c.xsd', transaction: 'movement:RecordControlResults' },
  { ie: 'IE028', name: 'MRN ALLOCATED', direction: C2T, xsd: 'cc028c.xsd', transaction: 'movement:Declare' },
  { ie: 'IE029', name: 'RELEASE FOR TRANSIT', direction: C2T, xsd: 'cc029c.xsd', transaction: 'movement:Release' },
  { ie: 'IE034', name: 'QUERY ON GUARANTEES', direction: GMS, transaction: 'guarantee:Balance' },
  { ie: 'IE035', name: 'RECOVERY NOTIFICATION', direction: C2T, xsd: 'cc035c.xsd', transaction: 'movement:StartRecovery' },
  { ie: 'IE037', name: 'RESPONSE QUERY ON GUARANTEES', direction: GMS, transaction: 'guarantee:Balance' },
  { ie: 'IE040', name: 'TRANSIT CANCELLATION NOTIFICATION TO AES', direction: C2C, xsd: 'cc040c.xsd' },
  { ie: 'IE042', name: 'DESTINATION CONTROL RESULTS TO AES', direction: C2C, xsd: 'cc042c.xsd' },
  { ie: 'IE043', name: 'UNLOADING PERMISSION', direction: C2T, xsd: 'cc043c.xsd', transaction: 'movement:GrantUnloading' },
  { ie: 'IE044', name: 'UNLOADING REMARKS', direction: T2C, xsd: 'cc044c.xsd', transaction: 'movement:RecordUnloadingRemarks' },
  { ie: 'IE045', name: 'WRITE-OFF NOTIFICATION', direction: C2T, xsd: 'cc045c.xsd', transaction: 'movement:WriteOff' },
  { ie: 'IE048', name: 'RECOVERY COMMUNICATION TO AES', direction: C2C, xsd: 'cc048c.xsd' },
  { ie: 'IE049', name: 'DISCREPANCIES SOLVED NOTIFICATION', direction: C2C, transaction: 'movement:ResolveDiscrepancies' },
  { ie: 'IE050', name: 'ANTICIPATED TRANSIT RECORD', direction: C2C, transaction: 'movement:Release' },
  { ie: 'IE051', name: 'NO RELEASE FOR TRANSIT', direction: C2T, xsd: 'cc051c.xsd', transaction: 'movement:RefuseRelease' },
  { ie: 'IE055', name: 'GUARANTEE NOT VALID', direction: C2T, xsd: 'cc055c.xsd', transaction: 'movement:RefuseRelease' },
  { ie: 'IE056', name: 'REJECTION FROM OFFICE OF DEPARTURE', direction: C2T, xsd: 'cc056c.xsd' },
  { ie: 'IE057', name: 'REJECTION FROM OFFICE OF DESTINATION', direction: C2T, xsd: 'cc057c.xsd' },
  { ie: 'IE060', name: 'CONTROL DECISION NOTIFICATION', direction: C2T, xsd: 'cc060c.xsd', transaction: 'movement:DecideControl' },
  { ie: 'IE118', name: 'NOTIFICATION CROSSING FRONTIER', direction: C2C, transaction: 'movement:RecordCrossing' },
  { ie: 'IE140', name: 'REQUEST ON NON-ARRIVED MOVEMENT', direction: C2T, transaction: 'movement:OpenEnquiry' },
  { ie: 'IE141', name: 'INFORMATION ABOUT NON-ARRIVED MOVEMENT', direction: T2C, transaction: 'movement:AnswerEnquiry' },
  { ie: 'IE142', name: 'ENQUIRY REQUEST', direction: C2C, transaction: 'movement:OpenEnquiry' },
  { ie: 'IE143', name: 'ENQUIRY RESPONSE', direction: C2C, transaction: 'movement:AnswerEnquiry' },
  { ie: 'IE144', name: 'ENQUIRY INFORMATION', direction: C2C, transaction: 'movement:AnswerEnquiry' },
  { ie: 'IE145', name: 'ENQUIRY INFORMATION REQUEST', direction: C2C, transaction: 'movement:OpenEnquiry' },
  { ie: 'IE170', name: 'PRESENTATION NOTIFICATION FOR THE PRE-LODGED DECLARATION', direction: T2C, xsd: 'cc170c.xsd', transaction: 'movement:Present' },
  { ie: 'IE180', name: 'INCIDENT NOTIFICATION', direction: C2C, transaction: 'movement:RecordIncident' },
  { ie: 'IE182', name: 'FORWARDED INCIDENT NOTIFICATION TO ED', direction: C2T, xsd: 'cc182c.xsd', transaction: 'movement:RecordIncident' },
  { ie: 'IE190', name: 'TRANSIT PRESENTATION NOTIFICATION', direction: T2C, xsd: 'cc190c.xsd' },
  { ie: 'IE191', name: 'TRANSIT PRESENTATION NOTIFICATION RESPONSE', direction: C2T, xsd: 'cc191c.xsd' },
  { ie: 'IE228', name: 'COMPREHENSIVE GUARANTEE CANCELLATION LIABILITY LIBERATION', direction: GMS, xsd: 'cc228c.xsd', transaction: 'guarantee:Revoke' },
  { ie: 'IE231', name: 'COMPREHENSIVE GUARANTEE INVALIDATION NOTIFICATION', direction: GMS, transaction: 'guarantee:Suspend' },
  { ie: 'IE906', name: 'FUNCTIONAL NACK', direction: C2T, xsd: 'cc906c.xsd' },
  { ie: 'IE917', name: 'XML NACK', direction: C2T, xsd: 'cc917c.xsd' },
  { ie: 'IE928', name: 'POSITIVE ACKNOWLEDGE', direction: C2T, xsd: 'cc928c.xsd', transaction: 'movement:Declare' },
];

export const MESSAGES: Readonly<Record<string, MessageType>> = Object.freeze(Object.fromEntries(LIST.map((m) => [m.ie, m])));

/** 'IE015', '015', 15 or 'CC015C' → the catalogue entry, or undefined. */
export function messageType(id: string | number): MessageType | undefined {
  const digits = String(id).toUpperCase().replace(/^(IE|CC|CD)/, '').replace(/[A-Z]$/, '');
  if (!/^[0-9]{1,3}$/.test(digits)) return undefined;
  return MESSAGES['IE' + digits.padStart(3, '0')];
}

/** The XML root element of a trader-domain message: IE015 → CC015C. */
export function rootElement(ie: string): string {
  return 'CC' + ie.replace(/^IE/, '') + 'C';
}
