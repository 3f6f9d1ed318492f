// cats tad <MRN> [--out file.pdf]: the transit accompanying document, for the driver to carry, laid out
// after the NCTS P5 printing guidelines (gateway/src/tad/, which also serves it as PDF). Read as the acting user: customs of the
// itinerary and the holder get the goods and parties; others a TAD without them (and a warning).
import fs from 'node:fs';
import path from 'node:path';
import { loadTadSource } from '../tad/tad-data';
import { tadContent } from '../../../gateway/src/tad/tad-boxes';
import { renderTad } from '../../../gateway/src/tad/tad-pdf';
import type { OptionSpec } from './args';
import type { Command } from './command';
import { UsageError } from './errors';
import { checkMrn } from './movement-actions';

export const OUT_FILE: OptionSpec = { name: 'out', type: 'string', metavar: '<path>', description: 'the PDF file to write (default: TAD-<MRN>.pdf)' };

/** A path we can write to: its folder must exist (nothing is created behind the user's back). */
export function writablePath(file: string): string {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--out: the folder ${dir} does not exist`, 'USAGE');
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) throw new UsageError(`--out: ${abs} is a folder; give a file name`, 'USAGE');
  return abs;
}

const tad: Command = {
  name: 'tad',
  summary: 'write the transit accompanying document (PDF, MRN as a Code 128 bar code) of a movement',
  args: [{ name: 'MRN', description: 'the movement reference number' }],
  options: [OUT_FILE],
  identity: true,
  details: [
    'Page 1 is the TAD (offices, itinerary, seals, guarantee, holder, parties, controls, recorded incidents),',
    'then the transit list of items. A movement without legal effect is flagged NO LEGAL EFFECT (PILOT).',
    'Goods and parties come from GET /movements/{MRN}/details: customs of the itinerary and the holder.',
  ],
  examples: ['cats tad 26AZH1TC5WM6G2WPJ5 --out tad.pdf --as CustomsAZ:officer1'],
  async run(ctx, args) {
    const mrn = checkMrn(args[0]);
    const out = writablePath(ctx.opts.str('out') ?? `TAD-${mrn}.pdf`);
    const t0 = performance.now();
    const content = tadContent(await loadTadSource(ctx.client(), mrn));
    const pdf = await renderTad(content);
    try {
      fs.writeFileSync(out, pdf);
    } catch (e) {
      throw new UsageError(`--out: cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const ms = Math.round(performance.now() - t0);
    if (content.detailsWithheld) ctx.env.err(`cats: warning: the TAD has no goods or parties: ${content.detailsWithheld}`);
    ctx.print({ mrn, file: out, bytes: pdf.length, goodsItems: content.items.length, legalEffect: content.legalEffect, detailsWithheld: content.detailsWithheld ?? null, ms }, () => [
      `TAD of ${mrn} written to ${out} (${(pdf.length / 1024).toFixed(1)} KiB, ${content.items.length} goods item(s)${content.legalEffect ? '' : ', NO LEGAL EFFECT (PILOT)'}) in ${ms} ms`,
    ]);
  },
};

export const DOCUMENT_COMMANDS: Command[] = [tad];
