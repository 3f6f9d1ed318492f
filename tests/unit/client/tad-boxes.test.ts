// The TAD's box texts follow the printing guidelines' rules (sequence numbers, "; ", final full stop,
// seal runs, "(…)" for too many occurrences), and the PDF renders with the MRN as text.
import { expect } from 'chai';
import { PDFParse } from 'pdf-parse';
import { done, kg, occurrences, sealRun, tadContent } from '../../../gateway/src/tad/tad-boxes';
import { renderTad, winAnsi } from '../../../gateway/src/tad/tad-pdf';

const movement = {
  mrn: '26AZH1TC5WM6G2WPJ5', lrn: 'L1', status: 'RELEASED', declarationType: 'T1', security: '0', holderId: 'AZ1700123451',
  officeOfDeparture: 'AZ000600', officeOfDestination: 'GE000600', officesOfTransit: ['GE000200'], officesOfExit: [], countries: ['AZ', 'GE'],
  guarantees: [{ grn: '25AZ0000000000715', type: '1', amount: '3850000', currency: 'USD' }], sealsCount: 2, legalEffect: false, timeLimit: '2026-12-11T17:34:01Z',
  incidents: [{ office: 'GE000200', code: '2', text: 'seal broken; new seal GE1 affixed', at: '2026-12-03T17:36:31Z' }],
};

describe('TAD boxes', () => {
  it('ends a box with a full stop and joins occurrences with "; ", or first;(…);last', () => {
    expect(done('1/AZ; 2/GE')).to.equal('1/AZ; 2/GE.');
    expect(done('')).to.equal('');
    expect(occurrences(['1/A', '2/B'])).to.equal('1/A; 2/B');
    expect(occurrences(Array.from({ length: 12 }, (_, i) => `${i + 1}/X`))).to.equal('1/X;(…);12/X');
  });

  it('prints masses in kg and seal runs as first-last', () => {
    expect(kg('19000000')).to.equal('19000.0');
    expect(kg('11250500')).to.equal('11250.5');
    expect(sealRun(['AZC0418832', 'AZC0418833', 'AZC0418834'])).to.equal('AZC0418832-AZC0418834');
    expect(sealRun(['AB1', 'AB5', 'CD6'])).to.equal('AB1, AB5, CD6');
  });

  it('builds the boxes from the public record alone when the details are withheld', () => {
    const c = tadContent({ mrn: movement.mrn, movement, detailsWithheld: 'FORBIDDEN: no' });
    expect(c.boxes.officesOfTransit).to.equal('1/GE000200.');
    expect(c.boxes.guarantee).to.equal('1/1/25AZ0000000000715.');
    expect(c.boxes.countriesOfRouting).to.equal('1/AZ; 2/GE.');
    expect(c.boxes.limitDate).to.equal('2026-12-11');
    expect(c.boxes.incident1Code).to.equal('2');
    expect(c.items).to.deep.equal([]);
    expect(c.legalEffect).to.equal(false);
  });

  it('keeps text within WinAnsi for the standard fonts', () => {
    expect(winAnsi('Ganja → Poti “ok” – Ł')).to.equal('Ganja -> Poti "ok" - ?');
  });

  it('renders a PDF whose text carries the MRN and the pilot flag', async function () {
    this.timeout(20_000);
    const pdf = await renderTad(tadContent({ mrn: movement.mrn, movement }));
    const parser = new PDFParse({ data: pdf });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).to.contain(movement.mrn).and.contain('NO LEGAL EFFECT (PILOT)').and.contain('GE000200');
  });
});
