import { expect } from 'chai';
import { XMLParser } from 'fast-xml-parser';
import { closeValidator, validateXml } from '../../../gateway/src/ncts/xsd-validator';
import { FUNCTIONAL_ERROR, REJECTION_CODE } from '../../../gateway/src/ncts/functional-error';
import { messageIdentification } from '../../../gateway/src/ncts/message-envelope';
import type { MovementView } from '../../../gateway/src/ncts/movement-view';
import { buildIe004 } from '../../../gateway/src/ncts/ie004-writer';
import { buildIe009 } from '../../../gateway/src/ncts/ie009-writer';
import { buildIe025 } from '../../../gateway/src/ncts/ie025-writer';
import { buildIe028 } from '../../../gateway/src/ncts/ie028-writer';
import { buildIe029 } from '../../../gateway/src/ncts/ie029-writer';
import { buildIe043 } from '../../../gateway/src/ncts/ie043-writer';
import { buildIe045 } from '../../../gateway/src/ncts/ie045-writer';
import { buildIe051 } from '../../../gateway/src/ncts/ie051-writer';
import { buildIe055 } from '../../../gateway/src/ncts/ie055-writer';
import { buildIe056 } from '../../../gateway/src/ncts/ie056-writer';
import { buildIe057 } from '../../../gateway/src/ncts/ie057-writer';
import { readIe015 } from '../../../gateway/src/ncts/ie015-reader';
import { cottonMovement, sample } from './helpers';

const AT = '2025-03-12T09:30:00.000Z';

async function expectValid(xml: string, type: string): Promise<void> {
  const r = await validateXml(xml, type);
  expect(r.errors, xml).to.deep.equal([]);
  expect(r.valid).to.equal(true);
}

/** A movement whose declaration came from a test-pack sample (GB/XI) with a bare holder (id only). */
function testPackMovement(): MovementView {
  const d = readIe015(sample('ie015-multi-house.xml'));
  return {
    mrn: '23GB000246NEXJ5OJ2',
    lrn: d.lrn,
    status: 'ACCEPTED',
    officeOfDeparture: d.officeOfDeparture,
    officeOfDestination: d.officeOfDestination,
    holder: d.holder,
    declaration: d,
    timestamps: { submittedAt: '2025-03-10T09:15:00Z', acceptedAt: '2025-03-10T09:15:02Z' },
    traderAtDestination: 'XI175521246821',
  };
}

describe('NCTS answer writers', function () {
  this.timeout(20_000);
  after(closeValidator);
  const m = cottonMovement();
  const ctx = { at: AT, correlationIdentifier: 'UZTT250312004' };

  const cases: [string, string, () => string][] = [
    ['IE028', 'CC028C', () => buildIe028(m, ctx)],
    ['IE029', 'CC029C', () => buildIe029(m, ctx)],
    ['IE029 (test-pack declaration, multi-house)', 'CC029C', () => buildIe029(testPackMovement(), ctx)],
    ['IE004', 'CC004C', () => buildIe004(m, { amendmentSubmittedAt: '2025-03-12T08:00:00Z' }, ctx)],
    ['IE009 (holder request granted)', 'CC009C', () => buildIe009(m, { decision: true, initiatedByCustoms: false, requestedAt: '2025-03-12T08:10:00Z', justification: 'Buyer cancelled the order' }, ctx)],
    ['IE009 (customs initiative)', 'CC009C', () => buildIe009(m, { decision: true, initiatedByCustoms: true }, ctx)],
    ['IE051', 'CC051C', () => buildIe051(m, { motivationCode: 'G1', motivationText: 'Guarantee not regularised after IE055' }, ctx)],
    ['IE055', 'CC055C', () => buildIe055(m, { references: [{ sequenceNumber: 1, grn: '25UZ0000000004126', reasons: [{ code: 'G02', text: 'amount exceeds the available balance' }] }] }, ctx)],
    [
      'IE056 (rejected IE015, no MRN yet)',
      'CC056C',
      () =>
        buildIe056(
          { ...m, mrn: '' },
          {
            businessRejectionType: '015',
            rejectionCode: REJECTION_CODE.FUNCTIONAL_ERRORS,
            errors: [{ errorPointer: '/CC015C/Guarantee[1]/GuaranteeReference[1]/GRN', errorCode: FUNCTIONAL_ERROR.RULE_VIOLATION, errorReason: 'CATS02', originalAttributeValue: '25UZ0000000004127' }],
          },
          ctx,
        ),
    ],
    [
      'IE056 (IE014 after release: out of sequence)',
      'CC056C',
      () =>
        buildIe056(
          m,
          {
            businessRejectionType: '014',
            rejectionCode: REJECTION_CODE.OTHER,
            rejectionReason: 'The movement is already released',
            errors: [{ errorPointer: '/CC014C/TransitOperation/MRN', errorCode: FUNCTIONAL_ERROR.OUT_OF_SEQUENCE, errorReason: 'CATS07' }],
          },
          ctx,
        ),
    ],
    [
      'IE057',
      'CC057C',
      () =>
        buildIe057(
          m,
          {
            businessRejectionType: '007',
            rejectionCode: REJECTION_CODE.FUNCTIONAL_ERRORS,
            errors: [{ errorPointer: '/CC007C/CustomsOfficeOfDestinationActual/referenceNumber', errorCode: FUNCTIONAL_ERROR.RULE_VIOLATION, errorReason: 'CATS16' }],
            officeOfDestinationActual: 'GE000700',
            traderAtDestination: 'GE404987654',
          },
          ctx,
        ),
    ],
    ['IE043', 'CC043C', () => buildIe043(m, ctx)],
    ['IE043 (test-pack declaration, holder without address)', 'CC043C', () => buildIe043(testPackMovement(), ctx)],
    ['IE025', 'CC025C', () => buildIe025(m, {}, ctx)],
    ['IE045', 'CC045C', () => buildIe045({ ...m, timestamps: { ...m.timestamps, writtenOffAt: '2025-03-20T10:00:00Z' } }, ctx)],
  ];

  for (const [label, type, build] of cases) {
    it(`${label} validates against ${type.toLowerCase()}.xsd`, async () => {
      await expectValid(build(), type);
    });
  }

  it('derives message identification from MRN, type and instant only', () => {
    const a = buildIe028(m, ctx);
    expect(buildIe028(m, ctx)).to.equal(a);
    const id = messageIdentification(m.mrn, 'CC028C', AT);
    expect(id).to.have.length(35);
    expect(a).to.include(`<messageIdentification>${id}</messageIdentification>`);
    expect(messageIdentification(m.mrn, 'CC028C', '2025-03-12T09:30:00')).to.equal(id); // same instant, other spelling
    expect(messageIdentification(m.mrn, 'CC029C', AT)).to.not.equal(id);
    expect(messageIdentification(m.mrn, 'CC028C', '2025-03-12T09:30:01Z')).to.not.equal(id);
  });

  it('writes header, dates and amounts in NCTS formats and never the access code', () => {
    const xml = buildIe029(m, ctx);
    expect(xml).to.include('<messageSender>NTA.UZ</messageSender>');
    expect(xml).to.include('<messageRecipient>UZ305421987</messageRecipient>');
    expect(xml).to.include('<preparationDateAndTime>2025-03-12T09:30:00</preparationDateAndTime>');
    expect(xml).to.include('<correlationIdentifier>UZTT250312004</correlationIdentifier>');
    expect(xml).to.include('<declarationAcceptanceDate>2025-03-12</declarationAcceptanceDate>');
    expect(xml).to.include('<amountToBeCovered>61200.00</amountToBeCovered>');
    expect(xml).to.include('<grossMass>25000.000</grossMass>');
    expect(xml).to.not.include('accessCode');
    expect(xml).to.not.include('P9X4');
  });

  it('round-trips Georgian, Cyrillic and Uzbek Latin names through IE015 → ledger model → IE029', async () => {
    const names = { holder: 'Toshkent Toʻqimachilik MChJ', consignee: 'შპს „ქართული ღვინო“', goods: 'Пряжа хлопковая & <чёсаная>' };
    const xml015 = sample('cats-ie015-uz-tm-az-ge-cotton-yarn.xml')
      .replace('<name>Toshkent Tekstil Savdo MChJ</name>', `<name>${names.holder}</name>`)
      .replace('<name>Black Sea Yarn Trading Ltd</name>', `<name>${names.consignee}</name>`)
      .replace('Cotton yarn, single, combed, 50 Nm', 'Пряжа хлопковая &amp; &lt;чёсаная&gt;');
    await expectValid(xml015, 'CC015C');
    const d = readIe015(xml015);
    const xml029 = buildIe029({ ...m, holder: d.holder, declaration: d }, ctx);
    await expectValid(xml029, 'CC029C');
    const back = new XMLParser({ removeNSPrefix: true, parseTagValue: false, trimValues: false }).parse(xml029).CC029C;
    expect(back.HolderOfTheTransitProcedure.name).to.equal(names.holder);
    expect(back.Consignment.Consignee.name).to.equal(names.consignee);
    expect(back.Consignment.HouseConsignment.ConsignmentItem[0].Commodity.descriptionOfGoods).to.equal(names.goods);
    expect(Buffer.from(xml029, 'utf8').includes(Buffer.from(names.holder, 'utf8'))).to.equal(true);
  });

  it('refuses to write what the XSD or a condition would reject', () => {
    expect(() => buildIe029({ ...m, declaration: undefined }, ctx)).to.throw(/no declaration/);
    expect(() => buildIe025({ ...m, traderAtDestination: undefined }, {}, ctx)).to.throw(/trader at destination/);
    expect(() => buildIe056(m, { businessRejectionType: '013', rejectionCode: '4', errors: [] }, ctx)).to.throw(/C0492/);
    expect(() => buildIe055(m, { references: [] }, ctx)).to.throw(/at least one/);
  });
});
