// A tiny SVG chart helper for the operations report: horizontal bar charts (labels can be long office
// or corridor names) and histograms (durations). Self-contained markup, no fonts or scripts to load, so
// the report opens offline and pastes into Markdown.

export interface Bar {
  label: string;
  value: number;
  /** printed at the end of the bar; the value itself by default */
  text?: string;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FONT = 'font-family="Helvetica,Arial,sans-serif" font-size="11"';

/** Horizontal bars, one row per label, scaled to the largest value. */
export function barChart(title: string, bars: Bar[], opts: { width?: number; labelWidth?: number; color?: string } = {}): string {
  const width = opts.width ?? 640;
  const labelWidth = opts.labelWidth ?? 230;
  const row = 20;
  const top = 24;
  const height = top + Math.max(bars.length, 1) * row + 8;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const span = width - labelWidth - 70;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`, `<title>${esc(title)}</title>`, `<text x="0" y="14" ${FONT} font-weight="bold">${esc(title)}</text>`];
  if (bars.length === 0) parts.push(`<text x="0" y="${top + 14}" ${FONT} fill="#666">no data in the period</text>`);
  bars.forEach((b, i) => {
    const y = top + i * row;
    const w = max > 0 ? Math.max(1, Math.round((b.value / max) * span)) : 1;
    parts.push(
      `<text x="${labelWidth - 6}" y="${y + 13}" ${FONT} text-anchor="end">${esc(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 6}" fill="${opts.color ?? '#3b6ea5'}"/>`,
      `<text x="${labelWidth + w + 4}" y="${y + 13}" ${FONT}>${esc(b.text ?? String(b.value))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Equal-width bins over [min, max] (one bin when all values are equal). */
export function bins(values: number[], count = 8): Bin[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const step = (max - min) / count;
  const out: Bin[] = Array.from({ length: count }, (_, i) => ({ from: min + i * step, to: min + (i + 1) * step, count: 0 }));
  for (const v of values) out[Math.min(count - 1, Math.floor((v - min) / step))]!.count++;
  return out;
}

/** Vertical bars over value ranges; `fmt` prints a bin edge (e.g. a duration). */
export function histogram(title: string, values: number[], fmt: (v: number) => string, opts: { width?: number; bins?: number; color?: string } = {}): string {
  const width = opts.width ?? 640;
  const height = 200;
  const top = 24;
  const bottom = 40;
  const left = 36;
  const data = bins(values, opts.bins ?? 8);
  const max = Math.max(0, ...data.map((b) => b.count));
  const plotH = height - top - bottom;
  const barW = data.length ? (width - left - 10) / data.length : 0;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`, `<title>${esc(title)}</title>`, `<text x="0" y="14" ${FONT} font-weight="bold">${esc(title)}</text>`];
  if (data.length === 0) parts.push(`<text x="0" y="${top + 20}" ${FONT} fill="#666">no data in the period</text>`);
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#333"/>`, `<text x="${left - 4}" y="${top + 8}" ${FONT} text-anchor="end">${max}</text>`, `<text x="${left - 4}" y="${top + plotH}" ${FONT} text-anchor="end">0</text>`);
  data.forEach((b, i) => {
    const h = max > 0 ? Math.round((b.count / max) * plotH) : 0;
    const x = left + i * barW;
    parts.push(
      `<rect x="${(x + 2).toFixed(1)}" y="${top + plotH - h}" width="${Math.max(1, barW - 4).toFixed(1)}" height="${h}" fill="${opts.color ?? '#5a9e6f'}"><title>${esc(`${fmt(b.from)}–${fmt(b.to)}: ${b.count}`)}</title></rect>`,
      b.count ? `<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH - h - 3}" ${FONT} text-anchor="middle">${b.count}</text>` : '',
      `<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH + 14}" ${FONT} text-anchor="middle">${esc(fmt(b.from))}</text>`,
    );
  });
  if (data.length) parts.push(`<text x="${width - 10}" y="${top + plotH + 30}" ${FONT} text-anchor="end">up to ${esc(fmt(data[data.length - 1]!.to))}</text>`);
  parts.push('</svg>');
  return parts.join('');
}
