// The scenario as a reader follows it: one timeline per movement (time, step, office, who, what), the
// guarantee's reservation and credit back, the refused declaration, and the test pack as a table.
import { money, table } from '../../cli/format';
import type { Log } from './context';
import type { Balance, MovementStory, PilotResult, Refusal, TestPackAnswer } from './types';

const clock = (iso: string) => (/T(\d{2}:\d{2}:\d{2})/.exec(iso)?.[1] ?? iso).padEnd(8);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function officeLabel(code: string | undefined, names: Map<string, string>): string {
  if (!code) return '';
  const name = names.get(code);
  return name ? `${code} ${clip(name, 18)}` : code;
}

function reserved(b: Balance): string {
  return money(b.reserved, b.currency);
}

export function printStory(n: number, s: MovementStory, names: Map<string, string>, log: Log): void {
  log('');
  log(`━━ ${n}. ${s.title}`);
  log(`   ${s.file} · LRN ${s.lrn} · MRN ${s.mrn}${s.legalEffect ? '' : ' · no legal effect (PILOT)'}`);
  const rows = s.timeline.map((e) => ({ at: clock(e.at), what: e.what, office: officeLabel(e.office, names), by: e.by, detail: e.detail ?? '' }));
  for (const line of table(rows, [['at', 'TIME (UTC)'], ['what', 'STEP'], ['office', 'OFFICE'], ['by', 'BY'], ['detail', 'WHAT']])) log(`   ${line}`);
  const g = s.guarantee;
  const back = g.after.reserved === g.before.reserved ? 'credited back' : 'still reserved';
  log(`   → ${s.status} · guarantee ${g.grn}: reserved ${reserved(g.before)} → ${reserved(g.afterRelease)} → ${reserved(g.after)} (${back})`);
  for (const note of s.notes) log(`   note: ${note}`);
}

export function printRefusal(n: number, r: Refusal, log: Log): void {
  log('');
  log(`━━ ${n}. ${r.title}`);
  log(`   ${r.file} · LRN ${r.lrn}`);
  log(r.code === 'ACCEPTED' ? `   ACCEPTED: ${r.message}` : `   REFUSED ${r.status} ${r.code}: ${r.message}`);
}

export function printTestPack(answers: TestPackAnswer[], log: Log): void {
  const coded = answers.filter((a) => a.status >= 400 && a.status < 500).length;
  const crashed = answers.filter((a) => a.status >= 500 || a.status === 0).length;
  log('');
  log(`━━ National Phase 5 test pack (GB/XI offices, foreign MRNs): ${answers.length} messages, ${coded} coded rejections, ${crashed} server errors`);
  const rows = answers.map((a) => ({ ...a, answer: `${a.status} ${a.code}`, why: clip(a.message, 70) }));
  for (const line of table(rows, [['file', 'MESSAGE'], ['messageType', 'TYPE'], ['request', 'SENT AS'], ['answer', 'ANSWER'], ['why', 'WHY']])) log(`   ${line}`);
}

export function printSummary(r: PilotResult, log: Log): void {
  log('');
  const line = r.stories.map((s) => `${s.key} ${s.status}`).join(', ');
  const refused = r.refusals.map((x) => `${x.file.replace(/^cats-ie015-|\.xml$/g, '')} ${x.code}`).join(', ');
  log(`Pilot corridors done in ${(r.durationMs / 1000).toFixed(1)} s: ${line}; refused: ${refused}; test pack: ${r.testPack.length} answered.`);
}
