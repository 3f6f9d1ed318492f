// Story 1, Ganja (AZ) → Red Bridge (GE) → Poti (GE), cats-ie015-az-ge-hazelnuts.xml: at the border the
// Georgian officer finds a seal broken, records the incident (IE180) at the office of transit with the
// number of the new seal he affixes, and lets the lorry cross; Poti finds the new seal intact, the
// controls are satisfactory and Ganja writes the movement off, crediting the guarantee back.
import type { StoryContext } from './context';
import { act, declareSample } from './declare-sample';
import { finishStory } from './finish-story';
import { PILOT_GUARANTEES, balanceOf } from './guarantees';
import type { MovementStory } from './types';

export const HAZELNUTS_ROUTE = { file: 'cats-ie015-az-ge-hazelnuts.xml', departure: 'AZ000600', transit: 'GE000200', destination: 'GE000600', brokenSeal: 'AZC0418833' };

/** NCTS incident code 2: seals broken or tampered with for reasons beyond the carrier's control. */
export const SEAL_INCIDENT_CODE = '2';

/** The seal the border officer affixes: his office's prefix and a number of his own register. */
export function replacementSeal(mrn: string): string {
  return `GERB${mrn.slice(-7, -1)}`;
}

export async function hazelnutsWithIncident(ctx: StoryContext): Promise<MovementStory> {
  const r = HAZELNUTS_ROUTE;
  const g = PILOT_GUARANTEES.hazelnuts;
  const trader = ctx.as('CustomsAZ:trader1');
  const ganja = ctx.as('CustomsAZ:officer1');
  const redBridge = ctx.as('CustomsGE:officer2');
  const poti = ctx.as('CustomsGE:officer1');

  const before = await balanceOf(trader, g);
  const { mrn, lrn } = await declareSample(trader, ctx.samplesDir, r.file, 'SI');
  await act(ganja, mrn, 'release', { office: r.departure });
  const afterRelease = await balanceOf(trader, g);
  const seal = replacementSeal(mrn);
  await act(redBridge, mrn, 'incident', {
    office: r.transit,
    code: SEAL_INCIDENT_CODE,
    text: `seal ${r.brokenSeal} found broken at the checkpoint; load checked against the declaration, nothing missing; new seal ${seal} affixed`,
  });
  await act(redBridge, mrn, 'cross', { office: r.transit });
  await act(poti, mrn, 'arrival', { office: r.destination, sealsOk: true });
  await act(poti, mrn, 'control-results', { office: r.destination, code: 'A1', remarks: `replacement seal ${seal} intact` });
  await act(ganja, mrn, 'write-off', { office: r.departure });
  return finishStory({
    key: 'incident',
    title: 'Ganja (AZ) → Red Bridge (GE) → Poti (GE), hazelnuts: a broken seal replaced at the border',
    file: r.file,
    lrn,
    mrn,
    reader: ganja,
    holder: trader,
    guarantee: g,
    before,
    afterRelease,
    notes: [`new seal ${seal} recorded with the incident at ${r.transit}`],
  });
}
