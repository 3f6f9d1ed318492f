// Lodging a sample IE015 as its holder. An LRN is unique per holder, so on a ledger that has already
// seen the sample's LRN (a rerun) the declaration is lodged again under a fresh LRN: the sample's LRN
// shortened, a story tag and a base-36 clock stamp (at most 22 characters, the NCTS limit).
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
  const original = fs.readFileSync(path.join(samplesDir, file), 'utf8');
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
