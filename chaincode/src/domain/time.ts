// Calendar arithmetic on epoch seconds without Date: chaincode time comes only from the transaction
// timestamp, and these conversions must give the same answer on every peer. Civil-date algorithms after
// Howard Hinnant's "chrono-compatible low-level date algorithms" (proleptic Gregorian, UTC).

export const SECONDS_PER_DAY = 86400n;

/** Days since 1970-01-01 for a civil date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** Epoch seconds → "2025-03-10T08:40:00Z". */
export function isoFromEpochSeconds(seconds: bigint): string {
  const days = seconds / SECONDS_PER_DAY - (seconds % SECONDS_PER_DAY < 0n ? 1n : 0n);
  const rest = Number(seconds - days * SECONDS_PER_DAY);
  const { y, m, d } = civilFromDays(Number(days));
  return `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}T${p2(Math.floor(rest / 3600))}:${p2(Math.floor((rest % 3600) / 60))}:${p2(rest % 60)}Z`;
}

/** Epoch seconds → "2025-03-10". */
export function isoDateFromEpochSeconds(seconds: bigint): string {
  return isoFromEpochSeconds(seconds).slice(0, 10);
}

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const DATE_TIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?(Z)?$/;

function validCivil(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const next = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
  return d <= next - daysFromCivil(y, m, 1);
}

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE.exec(s);
  return !!m && validCivil(+m[1], +m[2], +m[3]);
}

/** "2025-03-10" → epoch seconds at 00:00:00 UTC. */
export function epochSecondsOfDate(s: string): bigint {
  const m = DATE.exec(s);
  if (!m || !validCivil(+m[1], +m[2], +m[3])) throw new RangeError(`not an ISO date: ${s}`);
  return BigInt(daysFromCivil(+m[1], +m[2], +m[3])) * SECONDS_PER_DAY;
}

/** "2025-03-10T16:00:00" (local, as in NCTS messages) or with Z → epoch seconds read as UTC; undefined if malformed. */
export function epochSecondsOfDateTime(s: unknown): bigint | undefined {
  if (typeof s !== 'string') return undefined;
  const m = DATE_TIME.exec(s);
  if (!m || !validCivil(+m[1], +m[2], +m[3])) return undefined;
  const [h, min, sec] = [+m[4], +m[5], +(m[6] ?? '0')];
  if (h > 23 || min > 59 || sec > 59) return undefined;
  return BigInt(daysFromCivil(+m[1], +m[2], +m[3])) * SECONDS_PER_DAY + BigInt(h * 3600 + min * 60 + sec);
}
