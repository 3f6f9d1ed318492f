// State-based (key-level) endorsement: once a record exists, only the named organisations' peers can
// endorse changes to it, whatever the chaincode-level policy. The policy set here applies to later
// transactions; the transaction that creates a key is validated against the chaincode-level policy.

import type { Context } from 'fabric-contract-api';
import { KeyEndorsementPolicy } from 'fabric-shim';

/** Requires a peer of every listed organisation (AND). Listed once each, in sorted order, for determinism. */
export async function requireEndorsers(ctx: Context, k: string, mspIds: string[]): Promise<void> {
  const policy = new KeyEndorsementPolicy();
  policy.addOrgs('PEER', ...[...new Set(mspIds)].sort());
  await ctx.stub.setStateValidationParameter(k, policy.getPolicy());
}
