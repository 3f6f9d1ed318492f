// The TAD as a PDF: page 1 the transit accompanying document, then the transit list of items (its
// header, with the MRN and the page count, on every page). Black on white A4; labels 5 pt, content
// Helvetica 7 pt as the guidelines ask (shrunk to 5 pt only when a box's text would not fit); the MRN
// as a Code 128 bar code. A movement without legal effect (a country of its itinerary in PILOT) carries
// the flag in the header and across the page.
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import type { GoodsItemBoxes, TadContent } from './tad-boxes';
import { TAD_BOXES, TAD_CAPTIONS, type BoxSpec } from './tad-layout';

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 22;
const GRID = { cols: 66, rows: 66 };
const CELL = { w: (A4.w - 2 * MARGIN) / GRID.cols, h: (A4.h - 2 * MARGIN - 14) / GRID.rows };
const TOP = MARGIN + 14;
const ITEMS_PER_PAGE = 6;

type Doc = PDFKit.PDFDocument;

/** The standard PDF fonts speak WinAnsi only: anything else is replaced, never printed as garbage. */
export function winAnsi(s: string): string {
  return s
    .replace(/[→⇒]/g, '->')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\n\x20-\x7E\xA0-\xFF]/g, '?');
}

export async function mrnBarcode(mrn: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text: mrn, scale: 3, height: 9, includetext: false, paddingwidth: 0, paddingheight: 0 });
}

function rect(doc: Doc, x: number, y: number, w: number, h: number, thick = false): void {
  doc.save().lineWidth(thick ? 1.4 : 0.5).rect(x, y, w, h).stroke().restore();
}

/** Writes `text` into the area, at 7 pt, or smaller down to 5 pt if it would not fit; clipped to the box. */
function fitText(doc: Doc, text: string, x: number, y: number, w: number, h: number, bold = false): void {
  const t = winAnsi(text);
  if (!t) return;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
  let size = 7;
  while (size > 5 && doc.fontSize(size).heightOfString(t, { width: w }) > h) size -= 0.5;
  doc.save().rect(x, y, w, h).clip();
  doc.fontSize(size).fillColor('black').text(t, x, y, { width: w, lineGap: 0 });
  doc.restore();
}

function drawBox(doc: Doc, b: BoxSpec, value: string): void {
  const x = MARGIN + b.x * CELL.w;
  const y = TOP + b.y * CELL.h;
  const w = b.w * CELL.w;
  const h = b.h * CELL.h;
  rect(doc, x, y, w, h, b.thick);
  doc.font('Helvetica').fontSize(5).fillColor('black');
  const label = winAnsi(b.label);
  doc.text(label, x + 1.5, y + 1.2, { width: w - 3, height: 6, ellipsis: true });
  if (b.inline) {
    const lw = doc.widthOfString(label) + 4;
    fitText(doc, value, x + 1.5 + lw, y + 0.5, w - 3 - lw, h - 1);
  } else fitText(doc, value, x + 2, y + 7, w - 4, h - 8);
}

function pilotWatermark(doc: Doc): void {
  doc.save().rotate(-35, { origin: [A4.w / 2, A4.h / 2] }).font('Helvetica-Bold').fontSize(44).fillColor('#d8d8d8', 0.5);
  doc.text('PILOT - NO LEGAL EFFECT', 0, A4.h / 2 - 22, { width: A4.w, align: 'center', lineBreak: false });
  doc.restore();
}

function header(doc: Doc, c: TadContent): void {
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text('CAREC - CATS/ICE', MARGIN, MARGIN, { lineBreak: false });
  doc.font('Helvetica-Bold').fontSize(7).text('TRANSIT ACCOMPANYING DOCUMENT', MARGIN + 110, MARGIN + 2.5, { lineBreak: false });
  if (!c.legalEffect) {
    const x = MARGIN + 2 * CELL.w;
    const y = TOP;
    rect(doc, x, y, 34 * CELL.w, 2 * CELL.h, true);
    doc.font('Helvetica-Bold').fontSize(8).text('NO LEGAL EFFECT (PILOT): a country of the itinerary is in pilot operation', x + 3, y + 7, { width: 34 * CELL.w - 6, lineBreak: false });
  }
  doc.font('Helvetica-Bold').fontSize(5).text('DECLARATION TYPE', MARGIN + 38 * CELL.w + 1.5, TOP + 0.2 * CELL.h, { lineBreak: false });
}

async function drawMrn(doc: Doc, mrn: string, x: number, y: number, w: number, h: number): Promise<void> {
  const png = await mrnBarcode(mrn);
  doc.image(png, x + 4, y + 8, { width: w - 8, height: h - 20 });
  doc.font('Helvetica-Bold').fontSize(9).text(mrn, x, y + h - 11, { width: w, align: 'center', lineBreak: false });
}

function drawCaptions(doc: Doc): void {
  for (const c of TAD_CAPTIONS) {
    const x = MARGIN;
    const y = TOP + c.y * CELL.h;
    const h = c.h * CELL.h;
    rect(doc, x, y, 2 * CELL.w, h, true);
    doc.save().rotate(-90, { origin: [x + 5, y + h] }).font('Helvetica-Bold').fontSize(5).text(c.text, x + 5, y + h, { width: h, align: 'center', lineBreak: false }).restore();
  }
}

async function tadPage(doc: Doc, c: TadContent, forms: string): Promise<void> {
  if (!c.legalEffect) pilotWatermark(doc);
  header(doc, c);
  drawCaptions(doc);
  for (const b of TAD_BOXES) {
    const value = b.id === 'forms' ? forms : b.id === 'mrn' ? '' : b.id ? (c.boxes[b.id] ?? '') : '';
    drawBox(doc, b, value);
    if (b.id === 'mrn') await drawMrn(doc, c.boxes.mrn!, MARGIN + b.x * CELL.w, TOP + b.y * CELL.h, b.w * CELL.w, b.h * CELL.h);
  }
  if (c.detailsWithheld) fitText(doc, `Consignment details not shown: ${c.detailsWithheld}`, MARGIN, A4.h - MARGIN - 6, A4.w - 2 * MARGIN, 8);
}

/** One goods item of the list of items: a thick frame, its boxes in two rows. */
function itemBlock(doc: Doc, it: GoodsItemBoxes, y: number, h: number): void {
  const L = MARGIN;
  const W = A4.w - 2 * MARGIN;
  rect(doc, L, y, W, h, true);
  const row = (cells: [string, string, number, boolean?][], top: number, height: number) => {
    let x = L;
    for (const [label, value, frac, thick] of cells) {
      const w = W * frac;
      drawBox(doc, { label, x: (x - MARGIN) / CELL.w, y: (top - TOP) / CELL.h, w: w / CELL.w, h: height / CELL.h, thick }, value);
      x += w;
    }
  };
  const r1 = h * 0.34;
  const r2 = h * 0.33;
  row([['Decl.goods it. Nr. [11 11]', it.declarationGoodsItemNumber, 0.13, true], ['Goods it. Nr. [11 03]', it.goodsItemNumber, 0.11, true], ['Type and number of packages, shipping marks [18 06]', it.packages, 0.32], ['Description of goods [18 05]', it.description, 0.44]], y, r1);
  row([['Consignor [13 02]', it.consignor, 0.3], ['ID', it.consignorId, 0.15], ['Consignee [13 03]', it.consignee, 0.3], ['ID', it.consigneeId, 0.25]], y + r1, r2);
  row([['Gross mass (kg) [18 04]', it.grossMass, 0.2], ['Net mass (kg) [18 01]', it.netMass, 0.2], ['Commodity Code [18 09]', it.commodityCode, 0.2], ['C. of disp. [16 06]', it.countryOfDispatch, 0.2], ['C. of dest. [16 03]', it.countryOfDestination, 0.2]], y + r1 + r2, h - r1 - r2);
}

function listPage(doc: Doc, c: TadContent, items: GoodsItemBoxes[], forms: string): void {
  if (!c.legalEffect) pilotWatermark(doc);
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text('TRANSIT LIST OF ITEMS', MARGIN, MARGIN, { lineBreak: false });
  drawBox(doc, { label: 'Forms', x: 30, y: -1, w: 8, h: 2.5 }, forms);
  drawBox(doc, { label: 'MRN', x: 40, y: -1, w: 26, h: 2.5, thick: true }, c.boxes.mrn ?? '');
  const top = TOP + 2.5 * CELL.h;
  const h = (A4.h - MARGIN - top) / ITEMS_PER_PAGE - 4;
  items.forEach((it, i) => itemBlock(doc, it, top + i * (h + 4), h));
}

/** The PDF bytes: the TAD, then the list of items (even for a single item, as the guidelines ask). */
export async function renderTad(c: TadContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `Transit accompanying document ${c.boxes.mrn}`, Creator: 'CATS/ICE cats tad', Subject: c.legalEffect ? 'TAD' : 'TAD (pilot, no legal effect)' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const pages: GoodsItemBoxes[][] = [];
  for (let i = 0; i < c.items.length; i += ITEMS_PER_PAGE) pages.push(c.items.slice(i, i + ITEMS_PER_PAGE));
  const total = 1 + pages.length;
  doc.addPage();
  await tadPage(doc, c, `1 ${total}`);
  pages.forEach((items, i) => {
    doc.addPage();
    listPage(doc, c, items, `${i + 2} ${total}`);
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
