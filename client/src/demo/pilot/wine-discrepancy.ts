// Story 2, Tbilisi (GE) → Red Bridge (AZ) → Baku (AZ), cats-ie015-ge-az-wine.xml, on an individual
// guarantee: Baku counts 280 cartons of mineral water instead of 300 and records control results B1
// (major discrepancies); Tbilisi, the departure administration, records the discrepancies (IE019),
// solves them with the holder's loading list (IE049) and writes the movement off.
import type { StoryContext } from './context';
import { act, declareSample } from './declare-sample';
import { finishStory } from './finish-story';
import { PILOT_GUARANTEES, balanceOf } from './guarantees';
import type { MovementStory } from './types';

export const WINE_ROUTE = { file: 'cats-ie015-ge-az-wine.xml', departure: 'GE000100', transit: 'AZ000300', destination: 'AZ000100' };

export const WINE_DISCREPANCY = 'goods item 2: 280 cartons of mineral water found, 300 declared';
export const WINE_RESOLUTION = 'holder produced the loading list: 20 cartons were unloaded at Tbilisi before sealing; declaration corrected, no duty at stake';

export async function wineWithDiscrepancy(ctx: StoryContext): Promise<MovementStory> {
  const r = WINE_ROUTE;
  const g = PILOT_GUARANTEES.wine;
  const trader = ctx.as('CustomsGE:trader1');
  const tbilisi = ctx.as('CustomsGE:officer1');
  const redBridge = ctx.as('CustomsAZ:officer2');
  const baku = ctx.as('CustomsAZ:officer1');

  const before = await balanceOf(trader, g);
  const { mrn, lrn } = await declareSample(trader, ctx.samplesDir, r.file, 'WD');
  await act(tbilisi, mrn, 'release', { office: r.departure });
  const afterRelease = await balanceOf(trader, g);
  await act(redBridge, mrn, 'cross', { office: r.transit });
  await act(baku, mrn, 'arrival', { office: r.destination, sealsOk: true });
  await act(baku, mrn, 'control-results', { office: r.destination, code: 'B1', remarks: WINE_DISCREPANCY });
  await act(tbilisi, mrn, 'discrepancies', { office: r.departure, description: WINE_DISCREPANCY });
  await act(tbilisi, mrn, 'discrepancies-resolved', { office: r.departure, resolution: WINE_RESOLUTION });
  await act(tbilisi, mrn, 'write-off', { office: r.departure });
  return finishStory({
    key: 'discrepancy',
    title: 'Tbilisi (GE) → Red Bridge (AZ) → Baku (AZ), wine: a discrepancy found at destination and solved',
    file: r.file,
    lrn,
    mrn,
    reader: tbilisi,
    holder: trader,
    guarantee: g,
    before,
    afterRelease,
    notes: [],
  });
}
