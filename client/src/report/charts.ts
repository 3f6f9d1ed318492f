// The report's charts, drawn once from the figures and used by both the HTML and the Markdown report.
import { money } from '../cli/format';
import { duration, type ReportData } from './metrics';
import { barChart, histogram } from './svg-charts';

export function charts(r: ReportData): Record<string, string> {
  const pct = (part: bigint, whole?: string) => (whole && /^\d+$/.test(whole) && BigInt(whole) > 0n ? Number((part * 10000n) / BigInt(whole)) / 100 : 0);
  return {
    corridors: barChart('Movements per corridor (office of departure → office of destination)', r.corridors.map(([label, value]) => ({ label, value })), { labelWidth: 380, width: 720 }),
    offices: barChart('Movements per office (departure + transit + destination)', r.offices.map((o) => ({ label: `${o.office} ${o.name}`.trim(), value: o.departure + o.transit + o.destination, text: `${o.departure} dep · ${o.transit} transit · ${o.destination} dest` })), { labelWidth: 260, width: 720 }),
    status: barChart('Movements by status', r.byStatus.map(([label, value]) => ({ label, value })), { color: '#8a6fb0' }),
    releaseToArrival: histogram('Release to arrival', r.releaseToArrival.map((x) => x.seconds), duration),
    borderCrossing: histogram('Release to border crossing', r.borderCrossings.map((x) => x.seconds), duration, { color: '#c08a3e' }),
    guarantees: barChart(
      'Guarantee utilisation: peak reserved at one time, % of the reference amount',
      r.guaranteeUse.map((g) => ({ label: `${g.guarantor} ${g.grn}`, value: pct(g.peak, g.referenceAmount), text: `${pct(g.peak, g.referenceAmount)} % (${money(g.peak.toString(), g.currency)})` })),
      { labelWidth: 260, width: 720, color: '#b5533c' },
    ),
  };
}

