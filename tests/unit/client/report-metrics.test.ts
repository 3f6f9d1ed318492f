// The operations report's figures on plain movement records, and its SVG charts.
import { expect } from 'chai';
import { computeReport, duration, peakOverlap, stats } from '../../../client/src/report/metrics';
import { barChart, bins, histogram } from '../../../client/src/report/svg-charts';

const base = { officeOfDeparture: 'AZ000600', officeOfDestination: 'GE000600', officesOfTransit: ['GE000200'], status: 'WRITTEN_OFF' };
const movements = [
  { ...base, mrn: 'M1', acceptedAt: '2025-03-10T08:00:00Z', releasedAt: '2025-03-10T09:00:00Z', writtenOffAt: '2025-03-11T09:00:00Z', arrival: { office: 'GE000600', arrivedAt: '2025-03-10T19:00:00Z' }, crossings: [{ office: 'GE000200', at: '2025-03-10T15:00:00Z' }], guarantees: [{ grn: 'G', amount: '100', currency: 'USD' }], incidents: [{ office: 'GE000200', code: '2', text: 'seal', at: '2025-03-10T14:00:00Z', actor: { mspId: 'CustomsGEMSP', user: 'officer2' } }] },
  { ...base, mrn: 'M2', acceptedAt: '2025-03-10T10:00:00Z', releasedAt: '2025-03-10T10:30:00Z', status: 'RELEASED', timeLimit: '2025-03-12T10:30:00Z', guarantees: [{ grn: 'G', amount: '50', currency: 'USD' }], discrepancies: { office: 'AZ000600', at: 'x', description: 'short' } },
];

describe('operations report figures', () => {
  it('counts corridors and offices, times and overdue movements', () => {
    const r = computeReport({ from: '2025-03-01T00:00:00Z', to: '2025-03-31T23:59:59Z', asOf: '2025-03-20T00:00:00Z', generatedAt: 'now', generatedBy: 'me', movements, guarantees: new Map([['G', { grn: 'G', guarantor: 'GuarantorPool', referenceAmount: '1000', currency: 'USD' }]]), officeNames: new Map([['AZ000600', 'Ganja']]) });
    expect(r.total).to.equal(2);
    expect(r.corridors).to.deep.equal([['AZ000600 Ganja → GE000600', 2]]);
    expect(r.offices.find((o) => o.office === 'GE000200')).to.include({ transit: 2 });
    expect(r.releaseToArrival).to.deep.equal([{ mrn: 'M1', seconds: 36000 }]);
    expect(r.borderCrossings).to.deep.equal([{ mrn: 'M1', office: 'GE000200', seconds: 21600 }]);
    expect(r.overdue.map((o) => o.mrn)).to.deep.equal(['M2']);
    expect(r.incidents[0]).to.include({ by: 'officer2@CustomsGE', code: '2' });
    expect(r.discrepancies.map((d) => d.mrn)).to.deep.equal(['M2']);
    const g = r.guaranteeUse[0]!;
    expect([g.reservedTotal, g.peak, g.openAtEnd]).to.deep.equal([150n, 150n, 50n]);
  });

  it('finds the peak of overlapping reservations, a release at the same instant first', () => {
    expect(peakOverlap([{ start: '2025-01-01T00:00:00Z', end: '2025-01-02T00:00:00Z', amount: 5n }, { start: '2025-01-02T00:00:00Z', amount: 7n }])).to.equal(7n);
    expect(stats([5, 1, 3])).to.deep.equal({ count: 3, median: 3, p90: 5, max: 5 });
    expect(duration(42)).to.equal('42 s');
    expect(duration(3725)).to.equal('62 min');
  });

  it('draws self-contained SVG, escaping labels', () => {
    const svg = barChart('A & B', [{ label: '<x>', value: 2 }]);
    expect(svg).to.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/).and.contain('&lt;x&gt;').and.contain('A &amp; B');
    expect(svg).to.not.match(/href=|<script/);
    expect(bins([1, 1, 1])).to.deep.equal([{ from: 1, to: 1, count: 3 }]);
    expect(histogram('t', [], String)).to.contain('no data in the period');
  });
});
