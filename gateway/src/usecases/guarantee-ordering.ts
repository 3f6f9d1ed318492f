// Which guarantees a write reserves on or credits back: its ordering keys (transactions/keyed-queue.ts).
// Declarations and amendments name their GRNs; the closing transitions (write-off, cancellation,
// invalidation, refusal, completed recovery) and amendments change the reservations the movement already
// holds, known from the index or read from the ledger (transitions.ts). Release only reads the guarantee record, never the reservation
// range, so it is not ordered.
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { isValidGrn } from '../../../chaincode/src/domain/identifiers';
import type { AppDeps } from '../app-deps';
import { evaluate } from '../fabric/evaluate';

export const orderingKey = (grn: string): string => `grn:${grn}`;

export function grnsOfDeclaration(d: Partial<Declaration>): string[] {
  const grns = (Array.isArray(d.guarantees) ? d.guarantees : []).flatMap((g) => (Array.isArray(g?.references) ? g.references : []).map((r) => r?.grn));
  return [...new Set(grns.filter((g): g is string => isValidGrn(g)))].sort();
}

/**
 * The GRNs a movement holds reservations on, as the acting user may read them. When the read fails (an
 * unknown MRN, a caller not allowed to read) the write is not ordered: the chaincode rejects it anyway.
 */
export async function grnsOfMovement(deps: AppDeps, userId: string, mrn: string): Promise<string[]> {
  try {
    const m = (await evaluate(deps.fabric, userId, 'movement:Get', { mrn })) as { guarantees?: { grn?: unknown }[] };
    return [...new Set((m.guarantees ?? []).map((g) => g.grn).filter((g): g is string => isValidGrn(g)))].sort();
  } catch {
    return [];
  }
}

export const orderingKeysOf = (grns: string[]): string[] => grns.map(orderingKey);
