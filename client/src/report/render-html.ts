// report.html: one self-contained page (inline CSS and SVG, no scripts, no external assets).
import { money } from '../cli/format';
import { charts } from './charts';
import { duration, type ReportData } from './metrics';
import { esc } from './svg-charts';

const table = (head: string[], body: string[][]): string =>
  body.length === 0
    ? '<p class="none">none in the period</p>'
    : `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

export function renderHtml(r: ReportData): string {
  const c = charts(r);
  const i = r.input;
  const section = (title: string, body: string) => `<section><h2>${esc(title)}</h2>${body}</section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CATS/ICE operations report ${esc(i.from)} – ${esc(i.to)}</title>
<style>body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222;max-width:980px}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f2f2f2}.none{color:#777}.meta{color:#555;font-size:.9em}svg{display:block;margin:.6em 0}</style></head>
<body><h1>CATS/ICE operations report</h1>
<p class="meta">Movements accepted from ${esc(i.from)} to ${esc(i.to)} · overdue judged at ${esc(i.asOf)} · generated ${esc(i.generatedAt)} by ${esc(i.generatedBy)} from the ledger through its gateway · ${r.total} movement(s)</p>
${section('Movements', c.status + c.corridors + c.offices)}
${section('Release to arrival', c.releaseToArrival + table(['MRN', 'release → arrival'], r.releaseToArrival.map((x) => [x.mrn, duration(x.seconds)])))}
${section('Border crossings', c.borderCrossing + table(['office', 'crossings', 'median', '90th percentile', 'max'], r.borderStats.map((b) => [`${b.office} ${b.name}`, String(b.stats.count), duration(b.stats.median ?? 0), duration(b.stats.p90 ?? 0), duration(b.stats.max ?? 0)])))}
${section('Guarantee utilisation per guarantor', c.guarantees + table(['guarantor', 'GRN', 'reference', 'movements', 'reserved in total', 'peak at one time', 'still reserved'], r.guaranteeUse.map((g) => [g.guarantor, g.grn, g.referenceAmount ? money(g.referenceAmount, g.currency) : '(not visible)', String(g.movements), money(g.reservedTotal.toString(), g.currency), money(g.peak.toString(), g.currency), money(g.openAtEnd.toString(), g.currency)])))}
${section('Incidents', table(['MRN', 'office', 'code', 'when', 'by', 'what'], r.incidents.map((x) => [x.mrn, x.office, x.code, x.at, x.by, x.text])))}
${section('Discrepancies', table(['MRN', 'office', 'found', 'description', 'solved', 'resolution'], r.discrepancies.map((x) => [x.mrn, x.office, x.at, x.description, x.resolvedAt || 'NOT SOLVED', x.resolution])))}
${section('Overdue movements', table(['MRN', 'status', 'office of departure', 'time limit', 'overdue by'], r.overdue.map((x) => [x.mrn, x.status, x.office, x.timeLimit, duration(x.overdueSeconds)])))}
</body></html>
`;
}
