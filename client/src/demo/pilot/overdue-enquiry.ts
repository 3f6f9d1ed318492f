// Story 3, a second lorry of hazelnuts on Ganja → Red Bridge → Poti that does not report arrival in time.
// Ganja releases it with a short time limit of its own (Release takes `timeLimit`; the ledger's
// parameters are left as they are), then asks for an enquiry: the chaincode refuses with
// TIME_LIMIT_NOT_REACHED and the instant it is due until the transaction time is past the limit, so
// the story asks again at that instant — the ledger's clock decides, not a guess. The holder answers
// with alternative proof (the TAD stamped at Poti) and Ganja writes the movement off on that ground.
import crypto from 'node:crypto';
import { ApiError } from '../../api-client';
import type { StoryContext } from './context';
import { act, declareSample } from './declare-sample';
import { finishStory } from './finish-story';
import { PILOT_GUARANTEES, balanceOf } from './guarantees';
import { HAZELNUTS_ROUTE } from './hazelnuts-incident';
import type { MovementStory } from './types';

/** How far after release the time limit is set: long enough to commit the release, short for a demo. */
export const OVERDUE_AFTER_SECONDS = 3;

const PROOF = 'copy of the transit accompanying document stamped by Poti Sea Port customs on arrival; the IE007 was never sent';

function isoSeconds(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the enquiry, asking again at the instant the ledger says it is due; the number of refusals. */
async function openEnquiryWhenDue(client: ReturnType<StoryContext['as']>, mrn: string, office: string, log: StoryContext['log']): Promise<{ refusals: number; replyDue?: string }> {
  for (let refusals = 0; ; refusals++) {
    try {
      const opened = await act(client, mrn, 'enquiry', { office });
      return { refusals, replyDue: opened.replyDue as string | undefined };
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'TIME_LIMIT_NOT_REACHED' || refusals >= 20) throw err;
      const due = Date.parse(String((err.details as { due?: unknown } | undefined)?.due ?? ''));
      if (refusals === 0) log(`  … enquiry refused by the ledger (TIME_LIMIT_NOT_REACHED, due after ${isoSeconds(due)}): asking again then`);
      // The ledger compares whole seconds of the transaction time: ask just after the named second.
      await pause(Number.isFinite(due) ? Math.min(Math.max(due + 1000 - Date.now(), 200), 10_000) : 1000);
    }
  }
}

export async function overdueToEnquiry(ctx: StoryContext): Promise<MovementStory> {
  const r = HAZELNUTS_ROUTE;
  const g = PILOT_GUARANTEES.hazelnuts;
  const trader = ctx.as('CustomsAZ:trader1');
  const ganja = ctx.as('CustomsAZ:officer1');

  const before = await balanceOf(trader, g);
  const { mrn, lrn } = await declareSample(trader, ctx.samplesDir, r.file, 'OV', true);
  const released = await act(ganja, mrn, 'release', { office: r.departure, timeLimit: isoSeconds(Date.now() + OVERDUE_AFTER_SECONDS * 1000) });
  const afterRelease = await balanceOf(trader, g);
  const t0 = Date.now();
  const { refusals, replyDue } = await openEnquiryWhenDue(ganja, mrn, r.departure, ctx.log);
  const waited = ((Date.now() - t0) / 1000).toFixed(1);
  await act(trader, mrn, 'enquiry-answer', { proofFound: true, text: PROOF, evidenceHash: crypto.createHash('sha256').update(`${mrn}:${PROOF}`).digest('hex') });
  await act(ganja, mrn, 'write-off', { office: r.departure });
  return finishStory({
    key: 'enquiry',
    title: 'Ganja (AZ) → Red Bridge (GE) → Poti (GE), hazelnuts, second lorry: no arrival by the time limit, enquiry',
    file: r.file,
    lrn,
    mrn,
    reader: ganja,
    holder: trader,
    guarantee: g,
    before,
    afterRelease,
    notes: [
      `time limit ${String(released.timeLimit)} set at release; the enquiry was refused ${refusals} time(s) until the ledger's time passed it (${waited} s)`,
      ...(replyDue ? [`reply due by ${replyDue}`] : []),
    ],
  });
}
