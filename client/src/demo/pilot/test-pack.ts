// The national customs authority's public Phase 5 test pack (ie*.xml in the samples folder), sent through
// the gateway as the message says: trader messages to the route that takes them, as XML; the IE170 by
// looking up the pre-lodged declaration it presents (by LRN); the IE029, a customs-to-holder message
// nobody sends to a ledger, by asking the ledger for the movement it names.
// They name GB and XI offices and MRNs this ledger never issued, so each must come back as a coded
// rejection (4xx with a code from the closed list), never a crash.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, NetworkUnavailable } from '../../api-client';
import type { StoryContext } from './context';
import type { TestPackAnswer } from './types';

/** Trader message naming its MRN → the movement action that carries it. */
const ROUTES: Record<string, string> = { CC007C: 'arrival', CC013C: 'amend', CC014C: 'cancel', CC044C: 'unloading-remarks' };

const TRADER = 'CustomsAZ:trader1';
const OFFICER = 'CustomsAZ:officer1';

export function testPackFiles(samplesDir: string): string[] {
  return fs
    .readdirSync(samplesDir)
    .filter((f) => /^ie\d{3}.*\.xml$/.test(f))
    .sort();
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml)?.[1];

async function answerOne(ctx: StoryContext, file: string): Promise<TestPackAnswer> {
  const xml = fs.readFileSync(path.join(ctx.samplesDir, file), 'utf8');
  const messageType = tag(xml, 'messageType') ?? '?';
  const mrn = tag(xml, 'MRN');
  let request: string;
  let as: string;
  let send: () => Promise<unknown>;
  const lrn = tag(xml, 'LRN');
  const holder = /<HolderOfTheTransitProcedure>\s*<identificationNumber>([^<]*)</.exec(xml)?.[1];
  if (messageType === 'CC170C' && lrn) {
    // The presentation names its pre-lodged declaration by LRN: customs look it up for the holder.
    [request, as] = ['GET /movements/by-lrn/{LRN}', OFFICER];
    send = () => ctx.as(as).get(`/movements/by-lrn/${encodeURIComponent(lrn)}${holder ? `?holder=${encodeURIComponent(holder)}` : ''}`);
  } else if (messageType === 'CC015C') {
    [request, as] = ['POST /movements', TRADER];
    send = () => ctx.as(as).request('POST', '/movements', { xml, waitSeconds: 30 });
  } else if (ROUTES[messageType] && mrn) {
    [request, as] = [`POST /movements/{MRN}/${ROUTES[messageType]}`, TRADER];
    send = () => ctx.as(as).request('POST', `/movements/${mrn}/${ROUTES[messageType]}`, { xml, waitSeconds: 30 });
  } else if (mrn) {
    [request, as] = ['GET /movements/{MRN}', OFFICER];
    send = () => ctx.as(as).get(`/movements/${mrn}`);
  } else {
    [request, as] = ['POST /movements', TRADER];
    send = () => ctx.as(as).request('POST', '/movements', { xml, waitSeconds: 30 });
  }
  const base = { file, messageType: messageType.replace(/^CC(\d{3})C$/, 'IE$1'), request, as, mrn };
  try {
    await send();
    return { ...base, status: 200, code: 'ACCEPTED', message: 'accepted (unexpected for a foreign test message)' };
  } catch (err) {
    if (err instanceof NetworkUnavailable) throw err;
    if (err instanceof ApiError) return { ...base, status: err.status, code: err.code, message: err.message };
    return { ...base, status: 0, code: 'CLIENT_ERROR', message: (err as Error).message };
  }
}

/** Every test-pack message, answered one after the other (the gateway's XSD validation is CPU-bound). */
export async function runTestPack(ctx: StoryContext): Promise<TestPackAnswer[]> {
  const out: TestPackAnswer[] = [];
  for (const f of testPackFiles(ctx.samplesDir)) out.push(await answerOne(ctx, f));
  return out;
}
