// One event per transaction (Fabric keeps only the last setEvent), with a compact canonical payload that
// the gateways' off-chain indexes consume.

import type { Context } from 'fabric-contract-api';
import { canonicalBytes } from '../domain/canonical-json';
import { actorOf, type Caller } from '../access/caller';
import { txTime } from './tx';

export function emit(ctx: Context, name: string, caller: Caller, payload: Record<string, unknown>): void {
  ctx.stub.setEvent(
    name,
    canonicalBytes({
      ...payload,
      event: name,
      actor: actorOf(caller),
      txId: ctx.stub.getTxID(),
      timestamp: txTime(ctx).iso,
    }),
  );
}
