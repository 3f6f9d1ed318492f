// Where each box of the TAD sits, after the layout of the guidelines' Excel form ("TAD" sheet): a grid
// of 66 columns (B…BO) by 66 rows (2…67) over the A4 page; the left half holds the parties, transport
// and guarantee, the right half declaration data, seals and documents; below them the incidents, the
// certification, the itinerary, the offices and the controls by departure and destination.

export interface BoxSpec {
  /** key into TadContent.boxes; absent for boxes printed empty (for stamps and hand entries) */
  id?: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  thick?: boolean;
  /** label and value on one line ("Mode of transport at the border [19 03]: 3") */
  inline?: boolean;
}

const box = (id: string | undefined, label: string, x: number, y: number, w: number, h: number, more: Partial<BoxSpec> = {}): BoxSpec => ({ id, label, x, y, w, h, ...more });

export const TAD_BOXES: BoxSpec[] = [
  // declaration type and MRN (the MRN box also gets the Code 128 bar code)
  box('declarationType', 'Type [11 01]', 38, 1, 6, 2, { thick: true }),
  box('additionalDeclarationType', 'Add.type [11 02]', 44, 1, 6, 2, { thick: true }),
  box('forms', 'Forms', 38, 3, 6, 3),
  box('sci', 'SCI [11 04]', 44, 3, 6, 3),
  box('mrn', 'MRN', 50, 0, 16, 6, { thick: true }),
  // parties (left)
  box('consignor', 'Consignor [13 02]', 2, 2, 22, 4),
  box('consignorId', 'ID', 24, 2, 12, 4),
  box('consignee', 'Consignee [13 03]', 2, 6, 22, 3),
  box('consigneeId', 'ID', 24, 6, 12, 3),
  box('holder', 'Holder of the transit procedure [13 07]', 2, 9, 22, 4),
  box('holderId', 'ID', 24, 9, 12, 4),
  box(undefined, 'Representative [13 06]', 2, 13, 34, 2),
  box(undefined, 'Carrier [13 12]', 2, 15, 34, 2),
  box(undefined, 'Additional supply chain actor [13 14]', 2, 17, 34, 1),
  box('departureTransportMeans', 'Departure transport means [19 05]', 2, 18, 34, 2),
  box(undefined, 'Active border transport means [19 08]', 2, 20, 34, 1),
  box(undefined, 'Conveyance reference number [19 02]', 2, 21, 34, 1, { inline: true }),
  box('transportEquipment', 'Transport equipment [19 07]', 2, 22, 26, 3),
  box('containerIndicator', 'Container [19 01]', 28, 22, 8, 3),
  box(undefined, 'Previous document [12 01]', 2, 25, 34, 4),
  box(undefined, 'Supporting document [12 03]', 2, 29, 34, 4),
  box('guarantee', 'Guarantee [99 02 - 99 03 - 99 04]', 2, 33, 34, 3),
  box(undefined, 'Guarantee not valid in', 2, 36, 34, 1, { inline: true }),
  // declaration data (right)
  box('totalItems', 'Total items', 38, 6, 6, 2),
  box('totalPackages', 'Total packages', 44, 6, 8, 2),
  box('totalGrossMass', 'Total gross mass (kg)', 52, 6, 10, 2),
  box('security', 'Security [11 07]', 62, 6, 4, 2, { thick: true }),
  box('lrn', 'LRN [12 09]', 38, 8, 22, 2),
  box('tir', 'TIR [12 06]', 60, 8, 6, 2),
  box(undefined, 'BCP', 38, 10, 6, 2),
  box(undefined, 'Return copy has to be sent to the office:', 44, 10, 22, 2),
  box('ledger', 'Ledger', 38, 12, 28, 2),
  box(undefined, 'Place of loading [16 13]', 38, 14, 20, 3),
  box(undefined, 'Location of goods [16 15]', 58, 14, 8, 4),
  box(undefined, 'Place of unloading [16 14]', 38, 17, 20, 3),
  box(undefined, 'Contact person [16 15 074]', 58, 18, 8, 2),
  box('modeAtBorder', 'Mode of transport at the border [19 03]', 38, 20, 28, 1, { inline: true }),
  box('inlandMode', 'Inland mode of transport [19 04]', 38, 21, 28, 1, { inline: true }),
  box('seals', 'Seal [19 10]', 38, 22, 28, 3),
  box(undefined, 'Transport document [12 05]', 38, 25, 28, 4),
  box(undefined, 'Additional reference [12 04]', 38, 29, 28, 2),
  box(undefined, 'Additional information [12 02]', 38, 31, 20, 2),
  box(undefined, 'Transport charges [14 02]', 58, 31, 8, 2),
  box(undefined, 'Autorisation [12 12]', 38, 33, 20, 3),
  box(undefined, 'Reduced dataset [11 08]', 58, 33, 8, 3),
  // incidents during transport (two slots) and their certification
  box('incident1Office', 'CUSTOMS OFFICE OF INCIDENT REGISTRATION', 2, 37, 24, 1.5, { thick: true }),
  box('incident1Code', 'Incident code', 26, 37, 10, 1.5, { thick: true }),
  box(undefined, 'Identity and Nationality new transport means', 2, 38.5, 34, 1),
  box(undefined, 'Container ID [19 07]', 2, 39.5, 34, 1),
  box('incident1Text', 'Other incidents during carriage / Details and measures taken (text)', 2, 40.5, 34, 3.5),
  box('incident2Office', 'CUSTOMS OFFICE OF INCIDENT REGISTRATION', 38, 37, 20, 1.5, { thick: true }),
  box('incident2Code', 'Incident code', 58, 37, 8, 1.5, { thick: true }),
  box(undefined, 'Identity and Nationality new transport means', 38, 38.5, 28, 1),
  box(undefined, 'Container ID [19 07]', 38, 39.5, 28, 1),
  box('incident2Text', 'Other incidents during carriage / Details and measures taken (text)', 38, 40.5, 28, 3.5),
  box(undefined, 'New seals: Number: / ID:', 2, 44, 34, 1.5),
  box(undefined, 'Signature: / Stamp:', 2, 45.5, 34, 2.5),
  box('incident1Recorded', 'Data already recorded into the system', 2, 48, 34, 1, { inline: true }),
  box(undefined, 'New seals: Number: / ID:', 38, 44, 28, 1.5),
  box(undefined, 'Signature: / Stamp:', 38, 45.5, 28, 2.5),
  box('incident2Recorded', 'Data already recorded into the system', 38, 48, 28, 1, { inline: true }),
  // itinerary and offices
  box('countriesOfRouting', 'Country of routing of consignment [16 12]', 2, 49.5, 56, 2),
  box('bindingItinerary', 'Prescribed itinerary [16 17]', 58, 49.5, 8, 2),
  box('officesOfTransit', 'CUSTOMS OFFICE OF TRANSIT [17 04]', 2, 51.5, 34, 3.5, { thick: true }),
  box('officesOfExit', 'CUSTOMS OFFICE OF EXIT FOR TRANSIT [17 06]', 38, 51.5, 28, 3.5, { thick: true }),
  box('officeOfDeparture', 'CUSTOMS OFFICE OF DEPARTURE [17 03]', 2, 55, 34, 2, { thick: true }),
  box('officeOfDestination', 'CUSTOMS OFFICE OF DESTINATION [17 05]', 38, 55, 28, 2, { thick: true }),
  box('countryOfDispatch', 'Country of dispatch [16 06]', 38, 57, 14, 1, { inline: true }),
  box('countryOfDestination', 'Country of destination [16 03]', 52, 57, 14, 1, { inline: true }),
  // controls
  box('releaseResult', 'CONTROL BY OFFICE OF DEPARTURE — Result:', 0, 58.5, 32, 1.5, { thick: true }),
  box('sealsAffixed', 'Seals affixed: Number:', 0, 60, 10, 1.5),
  box('sealsIdentity', 'Identity:', 10, 60, 22, 1.5),
  box('limitDate', 'Limit date [15 11]:', 0, 61.5, 32, 1.5, { inline: true }),
  box(undefined, 'Signature: / Stamp:', 0, 63, 32, 3),
  box('arrivalDate', 'CONTROL BY OFFICE OF DESTINATION — Date of arrival:', 32, 58.5, 20, 1.5, { thick: true }),
  box(undefined, 'Return copy sent on', 52, 58.5, 14, 1.5, { thick: true }),
  box('sealsExamination', 'Examination of seals:', 32, 60, 20, 1.5),
  box(undefined, 'after registration under ID', 52, 60, 14, 1.5),
  box('destinationRemarks', 'Remarks:', 32, 61.5, 34, 1.5),
  box(undefined, 'Signature: / Stamp:', 32, 63, 34, 3),
];

/** Vertical captions in the left margin (x 0–2), as on the form. */
export const TAD_CAPTIONS: { text: string; y: number; h: number }[] = [
  { text: 'TRANSIT ACCOMPANYING DOCUMENT', y: 2, h: 34 },
  { text: 'INCIDENTS DURING TRANSPORT (BCP)', y: 37, h: 7 },
  { text: 'CERTIFICATION BY COMPETENT AUTHORITIES', y: 44, h: 5 },
];
