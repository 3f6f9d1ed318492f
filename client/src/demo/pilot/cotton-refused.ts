// Story 4, Tashkent (UZ) → Farap (TM) → Alat (AZ) → Red Bridge (GE) → Batumi (GE),
// cats-ie015-uz-tm-az-ge-cotton-yarn.xml: Turkmenistan has not acceded, so the ledger refuses the
// declaration with COUNTRY_NOT_MEMBER naming TM, and nothing is reserved on the guarantee.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../api-client';
import type { StoryContext } from './context';
import { declareSample, sampleLrn } from './declare-sample';
import type { Refusal } from './types';

export const COTTON_FILE = 'cats-ie015-uz-tm-az-ge-cotton-yarn.xml';

export async function cottonRefused(ctx: StoryContext): Promise<Refusal> {
  const title = 'Tashkent (UZ) → Farap (TM) → Alat (AZ) → Red Bridge (GE) → Batumi (GE), cotton yarn';
  try {
    const d = await declareSample(ctx.as('CustomsUZ:trader1'), ctx.samplesDir, COTTON_FILE, 'CY');
    // Accepted: Turkmenistan has acceded on this ledger. Reported as such, not as a refusal.
    return { title, file: COTTON_FILE, lrn: d.lrn, status: 201, code: 'ACCEPTED', message: `accepted as ${d.mrn}: TM is a member on this ledger` };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const lrn = sampleLrn(fs.readFileSync(path.join(ctx.samplesDir, COTTON_FILE), 'utf8'));
    return { title, file: COTTON_FILE, lrn, status: err.status, code: err.code, message: err.message, details: err.details };
  }
}
