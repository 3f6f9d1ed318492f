// What the transit accompanying document is printed from: the ledger's public movement record and, when
// the reader may see them, the consignment details (customs of the itinerary and the holder).
import type { Declaration } from '../../../chaincode/src/domain/declaration';

export type Row = Record<string, unknown>;

export interface TadSource {
  mrn: string;
  movement: Row;
  declaration?: Declaration;
  /** why the details are missing, when they are */
  detailsWithheld?: string;
}
