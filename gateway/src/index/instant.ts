// Instants in filters and index keys. A filter instant MUST carry its UTC offset ('Z' or ±hh:mm): a bare
// local time is ambiguous across the AZ/GE/UZ time zones, so it is refused rather than guessed. Index keys
// hold instants as fixed-width UTC ('2025-03-10T08:40:00.000Z') so that key order is time order.
import { CatsError } from '../../../chaincode/src/domain/errors';

const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** '2025-03-10T12:40:00+04:00' → '2025-03-10T08:40:00.000Z'; VALIDATION_FAILED naming `field` otherwise. */
export function parseFilterInstant(value: string, field: string): string {
  const m = WITH_OFFSET.exec(value);
  if (!m) {
    const hint = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value) ? ' (add Z or an offset such as +04:00)' : '';
    throw new CatsError('VALIDATION_FAILED', `${field}: an ISO 8601 date-time with an explicit UTC offset is required${hint}`, { field, value });
  }
  const [, y, mo, d, h, mi, s] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +(s ?? 0) > 59) {
    throw new CatsError('VALIDATION_FAILED', `${field}: not a valid date-time`, { field, value });
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new CatsError('VALIDATION_FAILED', `${field}: not a valid date-time`, { field, value });
  // Date.parse rolls 2025-02-30 over to March: reject what does not round-trip to the same calendar day.
  const local = new Date(Date.UTC(+y, +mo - 1, +d));
  if (local.getUTCDate() !== +d) throw new CatsError('VALIDATION_FAILED', `${field}: not a valid date-time`, { field, value });
  return new Date(ms).toISOString();
}

/** Any instant the ledger gives (with Z) → the fixed-width form used in keys. */
export function keyInstant(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? '0000-00-00T00:00:00.000Z' : new Date(ms).toISOString();
}
