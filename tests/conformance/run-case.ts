// Runs one conformance case and records it for the report: what was expected, what the ledger showed,
// and the outcome. A case skipped for its stated reason is recorded as skipped, never as passed.
import type { Case, World } from './cases';
import { RULES } from './cases';
import type { CaseResult } from './report';

export async function runCase(w: World, c: Case): Promise<CaseResult> {
  const base = { rule: c.rule, ruleText: RULES[c.rule], case: c.case, kind: c.kind, expected: c.expected };
  const t0 = performance.now();
  const skip = c.skipUnless?.(w);
  if (skip) return { ...base, observed: `skipped: ${skip}`, outcome: 'skip', pass: false, ms: 0 };
  try {
    const observed = await c.run(w);
    return { ...base, observed, outcome: 'pass', pass: true, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { ...base, observed: `${err.code ? err.code + ': ' : ''}${err.message ?? String(e)}`, outcome: 'fail', pass: false, ms: Math.round(performance.now() - t0) };
  }
}
