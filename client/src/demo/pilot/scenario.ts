// The CAREC pilot corridors on real input (the end of `npm start`, and `npm run demo`): the guarantees
// issued first, three movements through their whole life cycle — an incident en route, a discrepancy
// at destination, an overdue movement going to enquiry — a declaration refused because one country on
// its way has not acceded, and the national test pack answered message by message. Each story runs and
// is printed in turn; everything is also returned for the tests.
import type { ApiClient } from '../../api-client';
import type { Log, StoryContext } from './context';
import { cottonRefused } from './cotton-refused';
import { PILOT_GUARANTEES, ensureGuarantee } from './guarantees';
import { hazelnutsWithIncident } from './hazelnuts-incident';
import { overdueToEnquiry } from './overdue-enquiry';
import { printRefusal, printStory, printSummary, printTestPack } from './printer';
import { runTestPack } from './test-pack';
import type { PilotResult } from './types';
import { wineWithDiscrepancy } from './wine-discrepancy';

async function officeNames(client: ApiClient): Promise<Map<string, string>> {
  const body = await client.get<unknown>('/offices');
  const list = (Array.isArray(body) ? body : ((body as { items?: unknown[]; offices?: unknown[] }).items ?? (body as { offices?: unknown[] }).offices ?? [])) as Record<string, unknown>[];
  return new Map(list.map((o) => [String(o.referenceNumber ?? o.code), String(o.name ?? '')]));
}

export async function runPilot(as: (who: string) => ApiClient, samplesDir: string, log: Log = console.log): Promise<PilotResult> {
  const t0 = Date.now();
  const startedAt = new Date(t0).toISOString();
  const ctx: StoryContext = { as, samplesDir, log, officeNames: await officeNames(as('CustomsAZ:officer1')) };
  log('\nCAREC pilot corridors: real declarations through the gateways, each step signed by the organisation whose office acts');

  const guarantees = [];
  for (const g of Object.values(PILOT_GUARANTEES)) {
    const issued = await ensureGuarantee(as('GuarantorPool:guarantor1'), g);
    guarantees.push({ grn: g.grn, issued, description: g.description });
    log(`  GuarantorPool ${issued ? 'issued' : 'reuses'} guarantee ${g.grn} (type ${g.type}) for ${g.holderId}: ${g.description}`);
  }

  const stories = [];
  let n = 0;
  for (const story of [hazelnutsWithIncident, wineWithDiscrepancy, overdueToEnquiry]) {
    const s = await story(ctx);
    stories.push(s);
    printStory(++n, s, ctx.officeNames, log);
  }
  const refusals = [await cottonRefused(ctx)];
  printRefusal(++n, refusals[0]!, log);
  const testPack = await runTestPack(ctx);
  printTestPack(testPack, log);

  const result: PilotResult = { startedAt, durationMs: Date.now() - t0, guarantees, stories, refusals, testPack };
  printSummary(result, log);
  return result;
}
