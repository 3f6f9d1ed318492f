// Identifier formats of spec §2 (MRN, GRN, LRN, office, trader, container, country) and the check digit
// they share with ISO 6346. Pure functions: the gateway, the client and the chaincode all use them.

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A=10, B=12 … Z=38: the letters count up from 10, skipping the multiples of 11 (ISO 6346). */
const CHAR_VALUE: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  for (let d = 0; d <= 9; d++) table[String(d)] = d;
  let v = 10;
  for (const letter of LETTERS) {
    if (v % 11 === 0) v++;
    table[letter] = v++;
  }
  return table;
})();

/** Check digit over `body`: sum of value × 2^position (0 from the left), mod 11, then mod 10. */
export function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = CHAR_VALUE[body[i]];
    if (value === undefined) throw new RangeError(`checkDigit: character '${body[i]}' not allowed`);
    sum += value * 2 ** i; // at most 38 × 2^23 × 24 < 2^53: exact in a double
  }
  return String((sum % 11) % 10);
}

function hasValidCheckDigit(s: string): boolean {
  return checkDigit(s.slice(0, -1)) === s.slice(-1);
}

export type SecurityIndicator = '0' | '1' | '2' | '3';
export type ProcedureLetter = 'J' | 'K' | 'L' | 'M';

const LETTER_BY_SECURITY: Readonly<Record<SecurityIndicator, ProcedureLetter>> = { '0': 'J', '1': 'L', '2': 'K', '3': 'M' };

/** Transit procedure letter: J transit only, K with exit summary (2), L with entry summary (1), M both (3). */
export function mrnProcedureLetter(security: SecurityIndicator): ProcedureLetter {
  const letter = LETTER_BY_SECURITY[security];
  if (!letter) throw new RangeError(`mrnProcedureLetter: security indicator '${String(security)}' not in 0..3`);
  return letter;
}

const MRN_PATTERN = /^[0-9]{2}[A-Z]{2}[A-Z0-9]{12}[JKLM][0-9]$/;

/** A transit MRN: 18 chars, YY + country + 12 alphanumerics + J/K/L/M + check digit; optionally the letter for `security`. */
export function isValidMrn(s: unknown, security?: SecurityIndicator): s is string {
  if (typeof s !== 'string' || !MRN_PATTERN.test(s) || !hasValidCheckDigit(s)) return false;
  return security === undefined || s[16] === mrnProcedureLetter(security);
}

export function buildMrn(yy: string, country: string, twelve: string, letter: ProcedureLetter): string {
  if (!/^[0-9]{2}$/.test(yy)) throw new RangeError('buildMrn: yy must be 2 digits');
  if (!isValidCountryCode(country)) throw new RangeError('buildMrn: country must be ISO alpha-2');
  if (!/^[A-Z0-9]{12}$/.test(twelve)) throw new RangeError('buildMrn: 12 uppercase alphanumerics expected');
  if (!/^[JKLM]$/.test(letter)) throw new RangeError('buildMrn: letter must be J, K, L or M');
  const body = yy + country + twelve + letter;
  return body + checkDigit(body);
}

const GRN_PATTERN = /^[0-9]{2}[A-Z]{2}[A-Z0-9]{12}[0-9]$/;
const VOUCHER_SUFFIX = /^[A-Z][0-9]{6}$/;

/** GRN: 17 chars with check digit over the first 16; a voucher (type 4) adds 7 chars (letter + 6 digits). */
export function isValidGrn(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  if (s.length === 24) return VOUCHER_SUFFIX.test(s.slice(17)) && isValidGrn(s.slice(0, 17));
  return GRN_PATTERN.test(s) && hasValidCheckDigit(s);
}

/** The country that issued a GRN (chars 3–4). */
export function grnCountry(grn: string): string {
  return grn.slice(2, 4);
}

/** LRN: 1–22 printable ASCII characters without spaces, chosen by the holder. */
export function isValidLrn(s: unknown): s is string {
  return typeof s === 'string' && /^[\x21-\x7E]{1,22}$/.test(s);
}

/** Customs office reference number: ISO country + 6 alphanumerics, e.g. AZ000600. */
export function isValidOfficeCode(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Z]{2}[A-Z0-9]{6}$/.test(s);
}

export function officeCountry(code: string): string {
  return code.slice(0, 2);
}

/** Trader id (EORI-like or national TIN with country prefix): 3–17 chars. */
export function isValidTraderId(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Z]{2}[A-Za-z0-9]{1,15}$/.test(s);
}

/** ISO 6346 container: owner code (3 letters) + category U/J/Z + 6 digits + check digit. */
export function isValidContainerNumber(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Z]{3}[UJZ][0-9]{7}$/.test(s) && hasValidCheckDigit(s);
}

export function isValidCountryCode(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Z]{2}$/.test(s);
}

/** TIR carnet reference, e.g. XA12345678: 2 letters + 8 or 9 digits. */
export function isValidTirCarnet(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Z]{2}[0-9]{8,9}$/.test(s);
}

/** Guarantee access code: 4 alphanumerics. */
export function isValidAccessCode(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Za-z0-9]{4}$/.test(s);
}
