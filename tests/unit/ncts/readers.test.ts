import { expect } from 'chai';
import { closeValidator, validateXml } from '../../../gateway/src/ncts/xsd-validator';
import { READERS, readableByRoot } from '../../../gateway/src/ncts/catalogue';
import { readIe015 } from '../../../gateway/src/ncts/ie015-reader';
import { readIe013 } from '../../../gateway/src/ncts/ie013-reader';
import { readIe014 } from '../../../gateway/src/ncts/ie014-reader';
import { readIe170 } from '../../../gateway/src/ncts/ie170-reader';
import { readIe007 } from '../../../gateway/src/ncts/ie007-reader';
import { readIe044 } from '../../../gateway/src/ncts/ie044-reader';
import { sample, sampleNames } from './helpers';

// Names in the three scripts of the corridor, byte for byte: Georgian, Cyrillic (one letter decomposed:
// и + U+0306, to prove nothing normalises), Uzbek Latin with U+02BB (ʻ), and markup characters.
const GEORGIAN = 'შპს „ქართული ღვინო“';
const CYRILLIC = 'ООО «Ташкент Тексти\u0438\u0306ль» & Co <1>';
const UZBEK = 'Toshkent Toʻqimachilik MChJ';
const CITY = 'Тбилиси — თბილისი';

describe('NCTS trader message readers', function () {
  this.timeout(20_000);
  after(closeValidator);

  for (const name of sampleNames()) {
    it(`reads sample ${name} without throwing`, async () => {
      const xml = sample(name);
      const v = await validateXml(xml);
      const readable = readableByRoot(v.messageType!);
      if (!readable) {
        expect(v.messageType).to.equal('CC029C'); // the only sample that is an answer, not a trader message
        return;
      }
      expect(v.valid, JSON.stringify(v.errors)).to.equal(true);
      expect(() => READERS[readable.ie](xml)).to.not.throw();
    });
  }

  it('maps the CAREC cotton yarn IE015 onto the Declaration model', () => {
    const d = readIe015(sample('cats-ie015-uz-tm-az-ge-cotton-yarn.xml'));
    expect(d).to.include({ lrn: 'TTS-2025-0312-004', messageIdentification: 'UZTT250312004', preparationDateAndTime: '2025-03-12T07:05:00' });
    expect(d).to.include({ declarationType: 'T1', additionalDeclarationType: 'A', security: '0', bindingItinerary: true, prelodged: false });
    expect(d.officeOfDeparture).to.equal('UZ000100');
    expect(d.officeOfDestination).to.equal('GE000700');
    expect(d.officesOfTransit.map((o) => o.referenceNumber)).to.deep.equal(['TM000200', 'AZ000200', 'GE000200']);
    expect(d.officesOfTransit[0].arrivalDateAndTimeEstimated).to.equal('2025-03-13T10:00:00');
    expect(d.holder).to.deep.equal({
      identificationNumber: 'UZ305421987',
      name: 'Toshkent Tekstil Savdo MChJ',
      address: { streetAndNumber: 'Amir Temur street 41', postcode: '100000', city: 'Tashkent', country: 'UZ' },
    });
    expect(d.guarantees).to.deep.equal([
      {
        sequenceNumber: 1,
        guaranteeType: '1',
        references: [{ sequenceNumber: 1, grn: '25UZ0000000004126', accessCode: 'P9X4', amountToBeCovered: { amount: '6120000', currency: 'USD' } }],
      },
    ]);
    const c = d.consignment;
    expect(c).to.include({ countryOfDispatch: 'UZ', countryOfDestination: 'GE', containerIndicator: true, inlandModeOfTransport: '3', grossMass: '25000000' });
    expect(c.countriesOfRouting).to.deep.equal(['UZ', 'TM', 'AZ', 'GE']);
    expect(c.transportEquipment).to.deep.equal([
      {
        sequenceNumber: 1,
        containerIdentificationNumber: 'TGHU8745126',
        numberOfSeals: 2,
        seals: [
          { sequenceNumber: 1, identifier: 'UZ7731205' },
          { sequenceNumber: 2, identifier: 'UZ7731206' },
        ],
      },
    ]);
    expect(c.transportMeans).to.deep.equal([{ typeOfIdentification: '30', identificationNumber: '01A777BA', nationality: 'UZ' }]);
    expect(c.consignee?.name).to.equal('Black Sea Yarn Trading Ltd');
    expect(c.houseConsignments[0].items[1]).to.deep.equal({
      goodsItemNumber: 2,
      declarationGoodsItemNumber: 2,
      descriptionOfGoods: 'Cotton yarn, single, uncombed, 34 Nm',
      harmonizedSystemSubHeadingCode: '520513',
      grossMass: '3150000',
      netMass: '3080000',
      packages: [{ typeOfPackages: 'BL', numberOfPackages: 62, shippingMarks: 'TTS-CY34' }],
    });
  });

  it('reads pre-lodged, security, multi-house (6-decimal masses) and simplified IE015 samples', () => {
    expect(readIe015(sample('ie015-prelodged.xml')).prelodged).to.equal(true);
    const security = readIe015(sample('ie015-security.xml'));
    expect(security.security).to.equal('1');
    expect(security.consignment.countriesOfRouting).to.deep.equal(['XI']);
    const multi = readIe015(sample('ie015-multi-house.xml'));
    expect(multi.consignment.grossMass).to.equal('1022000');
    expect(multi.guarantees[0].references[0].amountToBeCovered).to.deep.equal({ amount: '100000', currency: 'GBP' });
    expect(multi.consignment.houseConsignments.map((h) => [h.grossMass, h.consignor?.identificationNumber])).to.deep.equal([
      ['1000000', 'GB953574106000'],
      ['22000', 'XI175521246821'],
    ]);
    expect(readIe015(sample('ie015-invalid-grn.xml')).guarantees[0].references[0].grn).to.equal('23XI00000100000D0');
  });

  it('keeps Georgian, Cyrillic and Uzbek Latin names byte for byte', async () => {
    const xml = sample('cats-ie015-uz-tm-az-ge-cotton-yarn.xml')
      .replace('<name>Toshkent Tekstil Savdo MChJ</name>', `<name>${UZBEK}</name>`)
      .replace('<name>Black Sea Yarn Trading Ltd</name>', `<name>${GEORGIAN}</name>`)
      .replace('<city>Batumi</city>', `<city>${CITY}</city>`)
      .replace('<descriptionOfGoods>Cotton yarn, single, combed, 50 Nm</descriptionOfGoods>', `<descriptionOfGoods>${CYRILLIC.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</descriptionOfGoods>`)
      .replace('<shippingMarks>TTS-CY34</shippingMarks>', '<shippingMarks>&#x10D0;&#1046; TTS</shippingMarks>');
    const v = await validateXml(xml);
    expect(v.valid, JSON.stringify(v.errors)).to.equal(true);
    const d = readIe015(xml);
    const bytes = (s: string | undefined): string => Buffer.from(s ?? '', 'utf8').toString('hex');
    expect(bytes(d.holder.name)).to.equal(bytes(UZBEK));
    expect(d.holder.name).to.include('\u02BB');
    expect(bytes(d.consignment.consignee?.name)).to.equal(bytes(GEORGIAN));
    expect(bytes(d.consignment.consignee?.address?.city)).to.equal(bytes(CITY));
    expect(bytes(d.consignment.houseConsignments[0].items[0].descriptionOfGoods)).to.equal(bytes(CYRILLIC));
    expect(d.consignment.houseConsignments[0].items[1].packages?.[0].shippingMarks).to.equal('აЖ TTS');
  });

  it('reads IE013 amendment with its MRN and the new declaration', () => {
    const a = readIe013(sample('ie013-amendment.xml'));
    expect(a.mrn).to.equal('23GB000246NEXJ5OJ2');
    expect(a.lrn).to.equal(undefined);
    expect(a.guaranteeOnly).to.equal(false);
    expect(a.declaration.consignment.transportMeans[0].identificationNumber).to.equal('NC16REG');
    expect(a.declaration.guarantees[0].references[0].amountToBeCovered).to.deep.equal({ amount: '100000', currency: 'GBP' });
  });

  it('reads IE014 cancellation request', () => {
    expect(readIe014(sample('ie014-cancellation.xml'))).to.deep.include({
      mrn: '23GB000246MOQRAWJ2',
      officeOfDeparture: 'GB000246',
      holderId: 'GB953574106000',
      requestDateAndTime: '2025-03-10T10:00:00',
      justification: 'Journey with X Boxes of Wheat',
      initiatedByCustoms: false,
    });
  });

  it('reads IE170 presentation notification', () => {
    const p = readIe170(sample('ie170-presentation.xml'));
    expect(p).to.deep.include({ lrn: 'TRATESTGB222307051136', officeOfDeparture: 'GB000246', holderId: 'GB953574106000', containerIndicator: false });
    expect(p.location).to.deep.equal({ typeOfLocation: 'C', qualifierOfIdentification: 'U', unLocode: 'GBDVR' });
    expect(p.transportMeans[0].identificationNumber).to.equal('NC15REG');
  });

  it('reads IE007 arrival notifications, normal and simplified', () => {
    const normal = readIe007(sample('ie007-arrival-normal.xml'));
    expect(normal).to.deep.include({ mrn: '23XI000081WJZ6YJJ8', officeOfDestination: 'GB000246', simplified: false, incident: false, traderAtDestination: 'GB953574106000' });
    const simplified = readIe007(sample('ie007-arrival-simplified.xml'));
    expect(simplified.simplified).to.equal(true);
    expect(simplified.authorisations).to.deep.equal([{ type: 'C522', referenceNumber: 'GBAUTHDES01' }]);
    expect(simplified.location).to.deep.equal({ typeOfLocation: 'B', qualifierOfIdentification: 'Y', authorisationNumber: 'GB DES E20 1HZ' });
  });

  it('reads IE044 unloading remarks with the seals state and the seals found', () => {
    const differ = readIe044(sample('ie044-unloading-remarks-seals-differ.xml'));
    expect(differ).to.deep.include({ mrn: '23XI000081BE4VRFJ5', conform: true, sealsOk: true, unloadingDate: '2025-03-11' });
    expect(differ.transportEquipment).to.deep.equal([{ sequenceNumber: 1, seals: ['1255'] }]);
    const plain = readIe044(sample('ie044-unloading-remarks.xml'));
    expect(plain.sealsOk).to.equal(false);
    expect(plain.transportEquipment).to.deep.equal([]);
  });

  it('refuses a DOCTYPE even when called without validation', () => {
    const xxe = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n' + sample('ie014-cancellation.xml').replace('X Boxes', '&e;');
    expect(() => readIe014(xxe)).to.throw(/<!DOCTYPE is not accepted/);
  });

  it('refuses to read a message of another type', () => {
    expect(() => readIe015(sample('ie014-cancellation.xml'))).to.throw(/expected a CC015C message, got CC014C/);
  });
});
