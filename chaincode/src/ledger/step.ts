// The stamp every record of a movement step carries: the transaction's time and id and who acted (the
// organisation and the user). One helper, so that no record forgets the user, which auditors need.

import type { Context } from 'fabric-contract-api';
import { type Actor, actorOf, type Caller } from '../access/caller';
import { txId, txTime } from './tx';

export interface Step {
  at: string;
  txId: string;
  actor: Actor;
}

export function stepOf(ctx: Context, caller: Caller): Step {
  return { at: txTime(ctx).iso, txId: txId(ctx), actor: actorOf(caller) };
}
