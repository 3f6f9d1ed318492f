// What the transit accompanying document is printed from: the ledger's movement record (GET
// /movements/{mrn}) and, when the acting user may see them, the consignment details (GET
// /movements/{mrn}/details: customs of the itinerary and the holder). Without details the TAD still
// carries everything the public record has (MRN, offices, itinerary, seals count, guarantees).
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import type { Row, TadSource } from '../../../gateway/src/tad/tad-source';
import { ApiError, type ApiClient } from '../api-client';

export type { Row, TadSource };


export async function loadTadSource(client: ApiClient, mrn: string): Promise<TadSource> {
  const body = await client.get<Row>(`/movements/${mrn}`);
  const movement = ((body.movement as Row | undefined) ?? body) as Row;
  try {
    const details = await client.get<Row>(`/movements/${mrn}/details`);
    return { mrn, movement, declaration: details.declaration as Declaration };
  } catch (err) {
    // Not entitled to the goods (a guarantor, another administration): print without them.
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return { mrn, movement, detailsWithheld: `${err.code}: ${err.message}` };
    throw err;
  }
}
