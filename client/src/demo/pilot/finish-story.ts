// The end of every movement story: the guarantee's balance after the last step and the timeline read
// back from the ledger, in the shape the printer and the tests take.
import type { ApiClient } from '../../api-client';
import { balanceOf, type GuaranteeSpec } from './guarantees';
import { readTimeline } from './timeline';
import type { Balance, MovementStory, StoryKey } from './types';

export interface StoryEnd {
  key: StoryKey;
  title: string;
  file: string;
  lrn: string;
  mrn: string;
  /** who reads the movement back (an officer of the departure office) */
  reader: ApiClient;
  /** the holder, who asks the guarantee's balance with its access code */
  holder: ApiClient;
  guarantee: GuaranteeSpec;
  before: Balance;
  afterRelease: Balance;
  notes?: string[];
}

export async function finishStory(s: StoryEnd): Promise<MovementStory> {
  const after = await balanceOf(s.holder, s.guarantee);
  const { movement, timeline } = await readTimeline(s.reader, s.mrn);
  return {
    key: s.key,
    title: s.title,
    file: s.file,
    lrn: s.lrn,
    mrn: s.mrn,
    status: String(movement.status),
    legalEffect: movement.legalEffect === true,
    timeline,
    guarantee: { grn: s.guarantee.grn, before: s.before, afterRelease: s.afterRelease, after },
    movement,
    notes: s.notes ?? [],
  };
}
