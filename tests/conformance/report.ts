// The conformance test report the pilot countries read: reports/conformance.json (every case) and
// reports/conformance.md (a summary line, then one table per rule of spec §7). A skipped case is listed
// as skipped with its reason and is never counted as passed.
import fs from 'node:fs';
import path from 'node:path';

export type Outcome = 'pass' | 'fail' | 'skip';

export interface CaseResult {
  rule: number;
  ruleText: string;
  case: string;
  kind: 'positive' | 'negative';
  expected: string;
  observed: string;
  outcome: Outcome;
  pass: boolean;
  ms: number;
}

export interface Report {
  network: string;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  totals: { cases: number; passed: number; failed: number; skipped: number };
  results: CaseResult[];
}

export function buildReport(network: string, startedAt: Date, results: CaseResult[]): Report {
  const finished = new Date();
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  return {
    network,
    startedAt: startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: Math.round((finished.getTime() - startedAt.getTime()) / 100) / 10,
    totals: { cases: results.length, passed: count('pass'), failed: count('fail'), skipped: count('skip') },
    results: [...results].sort((a, b) => a.rule - b.rule || (a.kind === b.kind ? 0 : a.kind === 'positive' ? -1 : 1)),
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const mark = (o: Outcome) => (o === 'pass' ? 'pass' : o === 'fail' ? '**FAIL**' : 'skipped (not a pass)');

export function markdown(r: Report): string {
  const t = r.totals;
  const lines = [
    '# CATS/ICE conformance test report',
    '',
    `**${t.passed} of ${t.cases} cases passed, ${t.failed} failed, ${t.skipped} skipped** — spec §7 rules 1–22, each as a positive and a negative case, ` +
      `run against the real network \`${r.network}\` through the organisations' REST gateways on ${r.startedAt.slice(0, 10)} (${r.seconds} s).`,
    '',
    'Every negative case asserts the coded error and re-reads the ledger to show that nothing changed. A skipped case is not a pass.',
    '',
  ];
  const rules = [...new Set(r.results.map((x) => x.rule))].sort((a, b) => a - b);
  for (const rule of rules) {
    const rows = r.results.filter((x) => x.rule === rule);
    const ok = rows.every((x) => x.outcome === 'pass');
    lines.push(`## Rule ${rule}${ok ? '' : rows.some((x) => x.outcome === 'fail') ? ' — FAILED' : ' — incomplete'}`, '', `> ${rows[0].ruleText}`, '');
    lines.push('| case | kind | expected | observed | result |', '|---|---|---|---|---|');
    for (const x of rows) lines.push(`| ${cell(x.case)} | ${x.kind} | ${cell(x.expected)} | ${cell(x.observed)} | ${mark(x.outcome)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export function writeReports(r: Report, dir = path.join(__dirname, '..', '..', 'reports')): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'conformance.json');
  const md = path.join(dir, 'conformance.md');
  fs.writeFileSync(json, JSON.stringify(r, null, 2) + '\n');
  fs.writeFileSync(md, markdown(r) + '\n');
  return { json, md };
}
