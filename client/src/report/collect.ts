// Reading what the report needs from one gateway as the acting user: the movement index page by page
// (GET /movements, updated since the start of the period), each movement's ledger record, the
// guarantees they use and the office names. Movements accepted outside the period are left out.
import { ApiError, type ApiClient } from '../api-client';
import type { GuaranteeInfo } from './metrics';

type Row = Record<string, unknown>;

export interface Collected {
  movements: Row[];
  guarantees: Map<string, GuaranteeInfo>;
  officeNames: Map<string, string>;
  skipped: { mrn: string; code: string }[];
}

/** Runs `work` over `items` with at most `n` at a time, keeping the order of the results. */
async function pool<T, R>(items: T[], n: number, work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

export async function collect(client: ApiClient, fromIso: string, toIso: string, progress: (line: string) => void): Promise<Collected> {
  const [from, to] = [Date.parse(fromIso), Date.parse(toIso)];
  const inPeriod = (t: number) => t >= from && t <= to;
  const mrns: string[] = [];
  let cursor: string | null | undefined;
  do {
    const q = new URLSearchParams({ limit: '200', updatedSince: fromIso });
    if (cursor) q.set('cursor', cursor);
    const page = await client.get<{ items?: Row[]; nextCursor?: string | null }>(`/movements?${q}`);
    for (const m of page.items ?? []) {
      const created = Date.parse(String(m.createdAt ?? ''));
      if (!Number.isFinite(created) || inPeriod(created)) mrns.push(String(m.mrn));
    }
    cursor = page.nextCursor;
    progress(`listed ${mrns.length} movement(s) of the period`);
  } while (cursor);

  const skipped: Collected['skipped'] = [];
  let done = 0;
  const records = await pool(mrns, 4, async (mrn) => {
    try {
      const body = await client.get<Row>(`/movements/${mrn}`);
      return (body.movement ?? body) as Row;
    } catch (err) {
      // A movement the user may not read (e.g. a holder's other movements) is counted as skipped.
      if (err instanceof ApiError && err.status < 500) {
        skipped.push({ mrn, code: err.code });
        return undefined;
      } else throw err;
    } finally {
      if (++done % 25 === 0 || done === mrns.length) progress(`read ${done}/${mrns.length} movement(s)`);
    }
  });
  const movements = records.filter((m): m is Row => !!m && inPeriod(Date.parse(String(m.acceptedAt ?? ''))));

  const grns = [...new Set(movements.flatMap((m) => (Array.isArray(m.guarantees) ? (m.guarantees as Row[]).map((g) => String(g.grn)) : [])))];
  const guarantees = new Map<string, GuaranteeInfo>();
  await pool(grns, 4, async (grn) => {
    try {
      const g = await client.get<Row>(`/guarantees/${grn}`);
      const ref = (g.referenceAmount ?? {}) as Row;
      guarantees.set(grn, { grn, guarantor: String(g.guarantorMspId ?? '?').replace(/MSP$/, ''), referenceAmount: String(ref.amount ?? ''), currency: String(ref.currency ?? '') });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
    }
  });

  const offices = await client.get<unknown>('/offices');
  const list = (Array.isArray(offices) ? offices : ((offices as Row).items ?? (offices as Row).offices ?? [])) as Row[];
  const officeNames = new Map(list.map((o) => [String(o.referenceNumber ?? o.code), String(o.name ?? '')]));
  return { movements, guarantees, officeNames, skipped };
}
