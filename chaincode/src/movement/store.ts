// Movement keys. The movement record is owned (key-level endorsement) by the departure administration;
// crossings, incidents, the arrival record and enquiry answers each live under their own key owned by the
// administration (or holder's administration) that recorded them, so no organisation has to endorse
// another's writes and concurrent events on one movement do not conflict.

import type { Context } from 'fabric-contract-api';
import { CatsError } from '../domain/errors';
import type { MovementStatus } from '../domain/roles';
import { getJson, key, listJson } from '../ledger/state';
import type { Arrival, Crossing, EnquiryAnswer, Incident, Movement } from './model';

export const T = {
  movement: 'cats.mvt',
  lrn: 'cats.lrn',
  crossing: 'cats.mvt.crossing',
  incident: 'cats.mvt.incident',
  arrival: 'cats.mvt.arrival',
  answer: 'cats.mvt.answer',
  details: 'cats.mvt.details',
} as const;

export const movementKey = (ctx: Context, mrn: string) => key(ctx, T.movement, [mrn]);
export const lrnKey = (ctx: Context, holderId: string, lrn: string) => key(ctx, T.lrn, [holderId, lrn]);
export const crossingKey = (ctx: Context, mrn: string, office: string) => key(ctx, T.crossing, [mrn, office]);
export const incidentKey = (ctx: Context, mrn: string, txId: string) => key(ctx, T.incident, [mrn, txId]);
export const arrivalKey = (ctx: Context, mrn: string) => key(ctx, T.arrival, [mrn]);
export const answerKey = (ctx: Context, mrn: string, txId: string) => key(ctx, T.answer, [mrn, txId]);
export const detailsKey = (ctx: Context, mrn: string) => key(ctx, T.details, [mrn]);

export async function findMovement(ctx: Context, mrn: string): Promise<Movement | undefined> {
  return getJson<Movement>(ctx, movementKey(ctx, mrn));
}

export async function requireMovement(ctx: Context, mrn: string, field = 'mrn'): Promise<Movement> {
  const m = await findMovement(ctx, mrn);
  if (!m) throw new CatsError('UNKNOWN_MOVEMENT', `${field}: movement ${mrn} is not known`, { field, mrn });
  return m;
}

export async function findArrival(ctx: Context, mrn: string): Promise<Arrival | undefined> {
  return getJson<Arrival>(ctx, arrivalKey(ctx, mrn));
}

export async function crossingsOf(ctx: Context, mrn: string): Promise<Crossing[]> {
  return listJson<Crossing>(ctx, T.crossing, [mrn]);
}

export async function incidentsOf(ctx: Context, mrn: string): Promise<Incident[]> {
  return listJson<Incident>(ctx, T.incident, [mrn]);
}

export async function answersOf(ctx: Context, mrn: string): Promise<EnquiryAnswer[]> {
  return listJson<EnquiryAnswer>(ctx, T.answer, [mrn]);
}

/**
 * The status all parties see: the departure administration's status, advanced by what the destination
 * recorded while the movement is in transit (RELEASED → ARRIVED → UNLOADING → CONTROLLED).
 */
export function effectiveStatus(m: Movement, arrival: Arrival | undefined): MovementStatus {
  if (m.status !== 'RELEASED' || !arrival) return m.status;
  if (arrival.controlResults) return 'CONTROLLED';
  if (arrival.unloadingPermission || arrival.unloadingRemarks) return 'UNLOADING';
  return 'ARRIVED';
}
