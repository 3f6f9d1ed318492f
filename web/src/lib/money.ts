// Minor units (strings, bigint arithmetic) shown as amounts with grouping: never binary floating point.
import { currencyExponent, isKnownCurrency } from '../../../chaincode/src/domain/money';

export function formatAmount(minor: string | undefined | null, currency: string | undefined | null, lang: 'en' | 'ru' = 'en'): string {
  if (minor === undefined || minor === null || !/^-?\d+$/.test(minor)) return '';
  const cur = currency ?? '';
  const exp = isKnownCurrency(cur) ? currencyExponent(cur) : 2;
  const neg = minor.startsWith('-');
  const digits = (neg ? minor.slice(1) : minor).padStart(exp + 1, '0');
  const int = digits.slice(0, digits.length - exp).replace(/^0+(?=\d)/, '');
  const frac = exp ? digits.slice(-exp) : '';
  const group = lang === 'ru' ? '\u00a0' : ',';
  const dec = lang === 'ru' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${neg ? '-' : ''}${grouped}${frac ? dec + frac : ''} ${cur}`.trim();
}

/** Percentage of `part` in `whole` (both minor units), one decimal, for bars. */
export function share(part: string, whole: string): number {
  const w = BigInt(whole || '0');
  if (w === 0n) return 0;
  return Number((BigInt(part || '0') * 1000n) / w) / 10;
}
