// Dates in the time zone of the office concerned, always with the UTC offset shown. The CAREC
// administrations keep fixed offsets (no daylight saving), so the offset is a table by country, not a
// time-zone database lookup: AZ UTC+4, GE UTC+4, UZ UTC+5, TM UTC+5, KZ UTC+5, KG UTC+6.

export const COUNTRY_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  AZ: 240, GE: 240, UZ: 300, TM: 300, KZ: 300, KG: 360, TJ: 300, AF: 270, PK: 300, MN: 480, CN: 480,
};

/** The offset of an office (its code starts with its country); UTC for an unknown country. */
export function offsetOfOffice(officeOrCountry: string | undefined | null): number {
  const c = (officeOrCountry ?? '').slice(0, 2).toUpperCase();
  return COUNTRY_OFFSET_MINUTES[c] ?? 0;
}

export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant (ISO 8601 with Z or an offset; a local date-time without one is read as UTC) shown in the
 * office's time: `2026-12-03 21:39 UTC+04:00`. Seconds with `seconds: true`. Invalid input is returned as is.
 */
export function formatInOffice(iso: string | undefined | null, officeOrCountry?: string | null, opts: { seconds?: boolean } = {}): string {
  if (!iso) return '';
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  const t = Date.parse(hasZone || !/T/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(t)) return iso;
  const offset = offsetOfOffice(officeOrCountry);
  const d = new Date(t + offset * 60_000);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${opts.seconds ? `${base}:${pad(d.getUTCSeconds())}` : base} ${offsetLabel(offset)}`;
}

/** An <input type="datetime-local"> value, meant in the office's time, as an ISO instant with the offset. */
export function localInputToIso(value: string, officeOrCountry?: string | null): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return undefined;
  const offset = offsetOfOffice(officeOrCountry);
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** ISO instant `n` seconds before `now`, with Z (for the updatedUntil filter). */
export function isoSecondsBefore(now: number, seconds: number): string {
  return new Date(now - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
