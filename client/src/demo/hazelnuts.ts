// The thin path of one real declaration: guarantee issued by the guarantor, IE015 lodged by the holder
// at Azerbaijan's gateway, release at Ganja (AZ), crossing at Red Bridge (GE), arrival and control at
// Poti (GE), write-off at Ganja (AZ); the guarantee balance before, during and after.
import fs from 'node:fs';
import path from 'node:path';
import { ApiClient, ApiError } from '../api-client';
import { datedNow } from './pilot/declare-sample';

export const HAZELNUTS = {
  file: 'cats-ie015-az-ge-hazelnuts.xml',
  lrn: 'GAE2025031000017',
  grn: '25AZ0000000000715',
  accessCode: '7K2Q',
  holder: 'AZ1700123451',
  departure: 'AZ000600',
  transit: 'GE000200',
  destination: 'GE000600',
};

export interface Balance {
  referenceAmount: string;
  reserved: string;
  available: string;
  currency: string;
}

export interface HazelnutsResult {
  mrn: string;
  before: Balance;
  afterRelease: Balance;
  after: Balance;
  movement: { status: string; timeline?: TimelineEntry[] };
}

export interface TimelineEntry {
  status?: string;
  event?: string;
  office?: string;
  timestamp?: string;
  at?: string;
  actor?: { mspId?: string; user?: string };
}

type Log = (line: string) => void;

const fmt = (minor: string, currency: string) => `${(BigInt(minor) / 100n).toLocaleString('en')}.${(BigInt(minor) % 100n).toString().padStart(2, '0')} ${currency}`;

/** A rerun on the same ledger needs a new LRN (an LRN is unique per holder): the run number is appended. */
function lrnFor(run: number): string {
  return run === 0 ? HAZELNUTS.lrn : `${HAZELNUTS.lrn}R${run}`;
}

async function ensureGuarantee(guarantor: ApiClient, log: Log): Promise<void> {
  try {
    await guarantor.get(`/guarantees/${HAZELNUTS.grn}`);
    return;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
  }
  await guarantor.post('/guarantees', {
    grn: HAZELNUTS.grn,
    type: '1',
    holderId: HAZELNUTS.holder,
    referenceAmount: { amount: '50000000', currency: 'USD' },
    countries: ['AZ', 'GE'],
    validFrom: '2025-01-01',
    validTo: '2030-12-31',
    accessCode: HAZELNUTS.accessCode,
  });
  log(`GuarantorPool issued comprehensive guarantee ${HAZELNUTS.grn} for ${HAZELNUTS.holder}: 500,000.00 USD, valid in AZ and GE`);
}

async function balance(client: ApiClient): Promise<Balance> {
  return client.post<Balance>(`/guarantees/${HAZELNUTS.grn}/balance`, { accessCode: HAZELNUTS.accessCode }, { waitSeconds: undefined });
}

export async function runHazelnuts(as: (who: string) => ApiClient, samplesDir: string, log: Log = console.log): Promise<HazelnutsResult> {
  const guarantor = as('GuarantorPool:guarantor1');
  const trader = as('CustomsAZ:trader1');
  const azOfficer = as('CustomsAZ:officer1');
  const geBorder = as('CustomsGE:officer2');
  const geOfficer = as('CustomsGE:officer1');

  log(`\nCAREC corridor Ganja (AZ) → Red Bridge (GE) → Poti (GE): ${HAZELNUTS.file}`);
  await ensureGuarantee(guarantor, log);
  const before = await balance(trader);
  const show = (label: string, b: Balance) => log(`  ${label.padEnd(22)} reserved ${fmt(b.reserved, b.currency).padStart(16)}   available ${fmt(b.available, b.currency).padStart(16)}`);
  log(`\nGuarantee ${HAZELNUTS.grn}`);
  show('before', before);

  // dated today: the ledger will not release goods expected at the border before they leave (rule 12)
  let xml = datedNow(fs.readFileSync(path.join(samplesDir, HAZELNUTS.file), 'utf8'));
  let declared: { mrn: string } | undefined;
  for (let run = 0; !declared; run++) {
    const lrn = lrnFor(run);
    xml = xml.replace(/<LRN>[^<]*<\/LRN>/, `<LRN>${lrn}</LRN>`);
    try {
      declared = await trader.submit<{ mrn: string }>('/movements', { xml });
      if (run > 0) log(`  (LRN ${HAZELNUTS.lrn} was used by an earlier run on this ledger; declared as ${lrn})`);
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'DUPLICATE_LRN' || run > 50) throw err;
    }
  }
  const { mrn } = declared;
  log(`\nMovement ${mrn}`);
  await azOfficer.submit(`/movements/${mrn}/release`, { body: { office: HAZELNUTS.departure } });
  const afterRelease = await balance(trader);
  await geBorder.submit(`/movements/${mrn}/cross`, { body: { office: HAZELNUTS.transit } });
  await geOfficer.submit(`/movements/${mrn}/arrival`, { body: { office: HAZELNUTS.destination, sealsOk: true } });
  await geOfficer.submit(`/movements/${mrn}/control-results`, { body: { office: HAZELNUTS.destination, code: 'A1' } });
  await azOfficer.submit(`/movements/${mrn}/write-off`, { body: { office: HAZELNUTS.departure } });
  const view = await azOfficer.get<{ movement: { status: string }; timeline: TimelineEntry[] }>(`/movements/${mrn}`);
  const movement = { status: view.movement.status, timeline: view.timeline };
  for (const e of movement.timeline ?? []) {
    log(`  ${(e.at ?? e.timestamp ?? '').padEnd(22)} ${(e.status ?? e.event ?? '').padEnd(22)} ${(e.office ?? '').padEnd(9)} ${e.actor?.user ?? ''}@${e.actor?.mspId ?? ''}`);
  }
  log(`  final status: ${movement.status}`);
  const after = await balance(trader);
  log(`\nGuarantee ${HAZELNUTS.grn}`);
  show('before declaration', before);
  show('after release', afterRelease);
  show('after write-off', after);
  return { mrn, before, afterRelease, after, movement };
}
