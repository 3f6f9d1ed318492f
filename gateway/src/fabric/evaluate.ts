// Reads: one evaluate on the organisation's peer as the acting user (the chaincode filters by caller).
import { fromResult, toArgument } from './ledger-json';
import { toCatsError } from './fabric-errors';
import type { FabricConnections } from './connections';

export async function evaluate(fabric: FabricConnections, userId: string, transaction: string, arg?: unknown, transient?: Record<string, string>): Promise<unknown> {
  try {
    const bytes = await fabric.contract(userId).evaluate(transaction, {
      arguments: [toArgument(arg ?? {})],
      transientData: transient,
    });
    return fromResult(bytes);
  } catch (e) {
    throw toCatsError(e);
  }
}
