// Lodging a sample IE015 as its holder, dated today: the samples were prepared in 2025, and the ledger
// refuses to release goods expected at an office of transit before they leave (rule 12), so the
// message's dates are moved as a whole to now, keeping the planned hours between them. An LRN is unique
// per holder, so on a ledger that has already seen the sample's LRN (a rerun) the declaration is lodged
// again under a fresh LRN: the sample's LRN shortened, a story tag and a base-36 clock stamp (at most 22
// characters, the NCTS limit).
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, type ApiClient } from '../../api-client';

export interface Declared {
  mrn: string;
  lrn: string;
  xml: string;
  result: Record<string, unknown>;
}

export function withLrn(xml: string, lrn: string): string {
  return xml.replace(/<LRN>[^<]*<\/LRN>/, `<LRN>${lrn}</LRN>`);
}

const DATED = /<(preparationDateAndTime|arrivalDateAndTimeEstimated)>(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})<\/\1>/g;

/** The message's date-times (local, no offset, read as UTC as the ledger does) shifted so that it was prepared at `now`. */
export function datedNow(xml: string, now = Date.now()): string {
  const prepared = /<preparationDateAndTime>([^<]+)<\/preparationDateAndTime>/.exec(xml)?.[1];
  const base = prepared ? Date.parse(`${prepared}Z`) : NaN;
  if (!Number.isFinite(base)) return xml;
  const shift = Math.floor(now / 1000) * 1000 - base;
  return xml.replace(DATED, (_all, tag: string, value: string) => `<${tag}>${new Date(Date.parse(`${value}Z`) + shift).toISOString().slice(0, 19)}</${tag}>`);
}

export function sampleLrn(xml: string): string {
  const m = /<LRN>([^<]*)<\/LRN>/.exec(xml);
  if (!m) throw new Error('the sample has no <LRN>');
  return m[1]!;
}

/** A fresh LRN derived from the sample's: `<first 13>-<tag><stamp>`, never longer than 22. */
export function freshLrn(base: string, tag: string, now = Date.now()): string {
  const stamp = now.toString(36).toUpperCase().slice(-6);
  return `${base.slice(0, 13)}-${tag.slice(0, 2)}${stamp}`.slice(0, 22);
}

/**
 * Declares `file` as `trader`. `alwaysFresh` gives a new LRN even on a fresh ledger (a second lorry on
 * the same corridor). Retries only on DUPLICATE_LRN; every other rejection is the caller's to handle.
 */
export async function declareSample(trader: ApiClient, samplesDir: string, file: string, tag: string, alwaysFresh = false): Promise<Declared> {
  const original = datedNow(fs.readFileSync(path.join(samplesDir, file), 'utf8'));
  const base = sampleLrn(original);
  let lrn = alwaysFresh ? freshLrn(base, tag) : base;
  for (let attempt = 0; ; attempt++) {
    const xml = withLrn(original, lrn);
    try {
      const result = await trader.submit<Record<string, unknown>>('/movements', { xml });
      return { mrn: String(result.mrn), lrn, xml, result };
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'DUPLICATE_LRN' || attempt >= 5) throw err;
      lrn = freshLrn(base, tag, Date.now() + attempt);
    }
  }
}

/** One transition, submitted by `who` and waited for until committed: the ledger's result. */
export async function act(client: ApiClient, mrn: string, action: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  return client.submit<Record<string, unknown>>(`/movements/${mrn}/${action}`, { body });
}
