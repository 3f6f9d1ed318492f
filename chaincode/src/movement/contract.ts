// contract `movement`: the transit life cycle of spec §3. Each transaction takes one JSON argument; the
// rules live in the modules named after the part of the journey they cover.

import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { callerOf } from '../access/caller';
import { run } from '../ledger/run';
import { amend, declare } from './declare';
import { decideControl, invalidate, present, refuseRelease, release, requestCancellation } from './departure';
import { recordCrossing, recordIncident } from './en-route';
import { grantUnloading, notifyArrival, recordControlResults, recordUnloadingRemarks } from './destination';
import { answerEnquiry, completeRecovery, openEnquiry, recordDiscrepancies, resolveDiscrepancies, startRecovery, writeOff } from './closure';
import { get, getByLrn, getDetails, history } from './queries';

type Step = (ctx: Context, caller: ReturnType<typeof callerOf>, json: string) => Promise<unknown>;

const exec = (ctx: Context, json: string, step: Step): Promise<string> => run(() => step(ctx, callerOf(ctx), json));

@Info({ title: 'movement', description: 'CATS/ICE transit movements' })
export class MovementContract extends Contract {
  constructor() {
    super('movement');
  }

  @Transaction() @Returns('string') async Declare(ctx: Context, json: string): Promise<string> { return exec(ctx, json, declare); }
  @Transaction() @Returns('string') async Present(ctx: Context, json: string): Promise<string> { return exec(ctx, json, present); }
  @Transaction() @Returns('string') async Amend(ctx: Context, json: string): Promise<string> { return exec(ctx, json, amend); }
  @Transaction() @Returns('string') async RequestCancellation(ctx: Context, json: string): Promise<string> { return exec(ctx, json, requestCancellation); }
  @Transaction() @Returns('string') async Invalidate(ctx: Context, json: string): Promise<string> { return exec(ctx, json, invalidate); }
  @Transaction() @Returns('string') async DecideControl(ctx: Context, json: string): Promise<string> { return exec(ctx, json, decideControl); }
  @Transaction() @Returns('string') async Release(ctx: Context, json: string): Promise<string> { return exec(ctx, json, release); }
  @Transaction() @Returns('string') async RefuseRelease(ctx: Context, json: string): Promise<string> { return exec(ctx, json, refuseRelease); }
  @Transaction() @Returns('string') async RecordCrossing(ctx: Context, json: string): Promise<string> { return exec(ctx, json, recordCrossing); }
  @Transaction() @Returns('string') async RecordIncident(ctx: Context, json: string): Promise<string> { return exec(ctx, json, recordIncident); }
  @Transaction() @Returns('string') async NotifyArrival(ctx: Context, json: string): Promise<string> { return exec(ctx, json, notifyArrival); }
  @Transaction() @Returns('string') async GrantUnloading(ctx: Context, json: string): Promise<string> { return exec(ctx, json, grantUnloading); }
  @Transaction() @Returns('string') async RecordUnloadingRemarks(ctx: Context, json: string): Promise<string> { return exec(ctx, json, recordUnloadingRemarks); }
  @Transaction() @Returns('string') async RecordControlResults(ctx: Context, json: string): Promise<string> { return exec(ctx, json, recordControlResults); }
  @Transaction() @Returns('string') async RecordDiscrepancies(ctx: Context, json: string): Promise<string> { return exec(ctx, json, recordDiscrepancies); }
  @Transaction() @Returns('string') async ResolveDiscrepancies(ctx: Context, json: string): Promise<string> { return exec(ctx, json, resolveDiscrepancies); }
  @Transaction() @Returns('string') async WriteOff(ctx: Context, json: string): Promise<string> { return exec(ctx, json, writeOff); }
  @Transaction() @Returns('string') async OpenEnquiry(ctx: Context, json: string): Promise<string> { return exec(ctx, json, openEnquiry); }
  @Transaction() @Returns('string') async AnswerEnquiry(ctx: Context, json: string): Promise<string> { return exec(ctx, json, answerEnquiry); }
  @Transaction() @Returns('string') async StartRecovery(ctx: Context, json: string): Promise<string> { return exec(ctx, json, startRecovery); }
  @Transaction() @Returns('string') async CompleteRecovery(ctx: Context, json: string): Promise<string> { return exec(ctx, json, completeRecovery); }

  @Transaction(false) @Returns('string') async Get(ctx: Context, json: string): Promise<string> { return exec(ctx, json, get); }
  @Transaction(false) @Returns('string') async GetByLrn(ctx: Context, json: string): Promise<string> { return exec(ctx, json, getByLrn); }
  @Transaction(false) @Returns('string') async History(ctx: Context, json: string): Promise<string> { return exec(ctx, json, history); }
  @Transaction(false) @Returns('string') async GetDetails(ctx: Context, json: string): Promise<string> { return exec(ctx, json, getDetails); }
}
