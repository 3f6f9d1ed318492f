// The operations report's figures, computed from the ledger's movement records (GET /movements/{mrn})
// and the guarantees they use: no I/O here, so every figure can be tested on plain records.
type Row = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);
const secondsBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 1000;

export interface GuaranteeInfo {
  grn: string;
  guarantor: string;
  referenceAmount: string;
  currency: string;
}

export interface ReportInput {
  from: string;
  to: string;
  /** the instant the report judges "overdue" at: the end of the period, or now if earlier */
  asOf: string;
  generatedAt: string;
  generatedBy: string;
  movements: Row[];
  guarantees: Map<string, GuaranteeInfo>;
  officeNames: Map<string, string>;
}

export interface Stats {
  count: number;
  median?: number;
  p90?: number;
  max?: number;
}

export interface GuaranteeUse {
  grn: string;
  guarantor: string;
  currency: string;
  referenceAmount?: string;
  movements: number;
  /** total reserved by the period's movements (minor units) */
  reservedTotal: bigint;
  /** the highest amount reserved at one time by the period's movements (minor units) */
  peak: bigint;
  /** reserved by movements still open at asOf */
  openAtEnd: bigint;
}

export interface ReportData {
  input: Omit<ReportInput, 'movements' | 'guarantees' | 'officeNames'>;
  total: number;
  byStatus: [string, number][];
  corridors: [string, number][];
  offices: { office: string; name: string; departure: number; transit: number; destination: number }[];
  releaseToArrival: { mrn: string; seconds: number }[];
  borderCrossings: { mrn: string; office: string; seconds: number }[];
  borderStats: { office: string; name: string; stats: Stats }[];
  guaranteeUse: GuaranteeUse[];
  incidents: { mrn: string; office: string; code: string; text: string; at: string; by: string }[];
  discrepancies: { mrn: string; office: string; description: string; at: string; resolvedAt: string; resolution: string }[];
  overdue: { mrn: string; status: string; timeLimit: string; overdueSeconds: number; office: string }[];
}

export function stats(values: number[]): Stats {
  if (values.length === 0) return { count: 0 };
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { count: s.length, median: at(0.5), p90: at(0.9), max: s[s.length - 1] };
}

const countBy = (keys: string[]): [string, number][] => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
};

/** When a movement's reservation stopped counting (written off, cancelled, not released), if it did. */
function closedAt(m: Row): string | undefined {
  return str(m.writtenOffAt) || str((m.cancellation as Row | undefined)?.at) || str((m.refusal as Row | undefined)?.at) || undefined;
}

/** Peak of the sum of overlapping [start, end) intervals (end undefined: still open). */
export function peakOverlap(intervals: { start: string; end?: string; amount: bigint }[]): bigint {
  const events = intervals.flatMap((i) => [
    { t: Date.parse(i.start), d: i.amount },
    ...(i.end ? [{ t: Date.parse(i.end), d: -i.amount }] : []),
  ]);
  events.sort((a, b) => a.t - b.t || (a.d < b.d ? -1 : 1)); // a release at the same instant first
  let cur = 0n;
  let peak = 0n;
  for (const e of events) {
    cur += e.d;
    if (cur > peak) peak = cur;
  }
  return peak;
}

export function computeReport(input: ReportInput): ReportData {
  const { movements, officeNames } = input;
  const name = (o: string) => (officeNames.get(o) ? `${o} ${officeNames.get(o)}` : o);
  const corridors = countBy(movements.map((m) => `${name(str(m.officeOfDeparture))} → ${name(str(m.officeOfDestination))}`));
  const officeRows = new Map<string, { departure: number; transit: number; destination: number }>();
  const bump = (o: string, k: 'departure' | 'transit' | 'destination') => {
    const r = officeRows.get(o) ?? { departure: 0, transit: 0, destination: 0 };
    r[k]++;
    officeRows.set(o, r);
  };
  for (const m of movements) {
    bump(str(m.officeOfDeparture), 'departure');
    for (const t of Array.isArray(m.officesOfTransit) ? (m.officesOfTransit as unknown[]) : []) bump(String(t), 'transit');
    bump(str((m.arrival as Row | undefined)?.office) || str(m.officeOfDestination), 'destination');
  }
  const releaseToArrival = movements
    .filter((m) => str(m.releasedAt) && str((m.arrival as Row | undefined)?.arrivedAt))
    .map((m) => ({ mrn: str(m.mrn), seconds: secondsBetween(str(m.releasedAt), str((m.arrival as Row).arrivedAt)) }));
  const borderCrossings = movements.flatMap((m) => (str(m.releasedAt) ? rows(m.crossings).map((c) => ({ mrn: str(m.mrn), office: str(c.office), seconds: secondsBetween(str(m.releasedAt), str(c.at)) })) : []));
  const byBorder = new Map<string, number[]>();
  for (const c of borderCrossings) byBorder.set(c.office, [...(byBorder.get(c.office) ?? []), c.seconds]);

  const uses = new Map<string, GuaranteeUse & { intervals: { start: string; end?: string; amount: bigint }[] }>();
  for (const m of movements) {
    for (const g of rows(m.guarantees)) {
      const grn = str(g.grn);
      const info = input.guarantees.get(grn);
      const u = uses.get(grn) ?? { grn, guarantor: info?.guarantor ?? '?', currency: str(g.currency), referenceAmount: info?.referenceAmount, movements: 0, reservedTotal: 0n, peak: 0n, openAtEnd: 0n, intervals: [] };
      const amount = /^\d+$/.test(str(g.amount)) ? BigInt(str(g.amount)) : 0n;
      const end = closedAt(m);
      u.movements++;
      u.reservedTotal += amount;
      u.intervals.push({ start: str(m.acceptedAt), end, amount });
      if (!end || end > input.asOf) u.openAtEnd += amount;
      uses.set(grn, u);
    }
  }
  const guaranteeUse = [...uses.values()].map(({ intervals, ...u }) => ({ ...u, peak: peakOverlap(intervals) })).sort((a, b) => (a.guarantor + a.grn < b.guarantor + b.grn ? -1 : 1));

  const asOf = Date.parse(input.asOf);
  const overdue = movements
    .filter((m) => {
      const limit = Date.parse(str(m.timeLimit));
      if (!Number.isFinite(limit) || limit >= asOf) return false;
      return (m.status === 'RELEASED' && !m.arrival) || m.status === 'ENQUIRY' || m.status === 'RECOVERY';
    })
    .map((m) => ({ mrn: str(m.mrn), status: str(m.status), timeLimit: str(m.timeLimit), overdueSeconds: Math.round((asOf - Date.parse(str(m.timeLimit))) / 1000), office: str(m.officeOfDeparture) }));

  return {
    input: { from: input.from, to: input.to, asOf: input.asOf, generatedAt: input.generatedAt, generatedBy: input.generatedBy },
    total: movements.length,
    byStatus: countBy(movements.map((m) => str(m.status))),
    corridors,
    offices: [...officeRows.entries()].map(([office, r]) => ({ office, name: officeNames.get(office) ?? '', ...r })).sort((a, b) => b.departure + b.transit + b.destination - (a.departure + a.transit + a.destination) || (a.office < b.office ? -1 : 1)),
    releaseToArrival,
    borderCrossings,
    borderStats: [...byBorder.entries()].map(([office, v]) => ({ office, name: officeNames.get(office) ?? '', stats: stats(v) })),
    guaranteeUse,
    incidents: movements.flatMap((m) => rows(m.incidents).map((i) => ({ mrn: str(m.mrn), office: str(i.office), code: str(i.code), text: str(i.text), at: str(i.at), by: (str((i.actor as Row | undefined)?.user) ? `${str((i.actor as Row).user)}@` : '') + (str((i.actor as Row | undefined)?.mspId) || str(i.mspId)).replace(/MSP$/, '') }))),
    discrepancies: movements
      .filter((m) => m.discrepancies)
      .map((m) => {
        const d = m.discrepancies as Row;
        return { mrn: str(m.mrn), office: str(d.office), description: str(d.description), at: str(d.at), resolvedAt: str(d.resolvedAt), resolution: str(d.resolution) };
      }),
    overdue,
  };
}

/** 3725 → "1 h 02 min", 42 → "42 s". */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.floor(s / 60)} min`;
  if (s < 172800) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  return `${(s / 86400).toFixed(1)} d`;
}
