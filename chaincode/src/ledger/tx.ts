// The transaction's own clock and identity: the only sources of time and uniqueness chaincode may use.

import type { Context } from 'fabric-contract-api';
import { isoFromEpochSeconds, isoDateFromEpochSeconds } from '../domain/time';

export interface TxTime {
  /** epoch seconds */
  seconds: bigint;
  /** "2025-03-10T08:40:00Z" */
  iso: string;
  /** "2025-03-10" */
  date: string;
}

export function txTime(ctx: Context): TxTime {
  const seconds = BigInt(String(ctx.stub.getTxTimestamp().seconds));
  return { seconds, iso: isoFromEpochSeconds(seconds), date: isoDateFromEpochSeconds(seconds) };
}

export function txId(ctx: Context): string {
  return ctx.stub.getTxID();
}
