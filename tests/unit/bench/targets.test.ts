import { expect } from 'chai';
import { judgeTargets, type TargetInputs } from '../../bench/targets';

const base: TargetInputs = {
  ceilingTxPerSecond: 80,
  ceilingSaturated: true,
  lifeTxPerSecond: 48,
  lifeSaturated: true,
  txPerMovement: 6,
  half: { offeredMovementsPerSecond: 4, p99Ms: 240 },
};
const verdicts = (x: Partial<TargetInputs>) => judgeTargets({ ...base, ...x }).map((t) => t.verdict);

describe('benchmark targets: a rate that never saturated is a bound, not a ceiling (issue 7)', () => {
  it('judges every target when both phases saturated', () => {
    expect(verdicts({})).to.deep.equal(['not met', 'not met', 'met']);
    expect(verdicts({ lifeTxPerSecond: 190 })).to.deep.equal(['met', 'met', 'met']);
    expect(verdicts({ half: { offeredMovementsPerSecond: 4, p99Ms: 2000 } })[2]).to.equal('not met');
  });

  it('leaves undetermined what a lower bound cannot decide, and says why', () => {
    const t = judgeTargets({ ...base, ceilingSaturated: false, lifeSaturated: false });
    expect(t.map((x) => x.verdict)).to.deep.equal(['undetermined', 'undetermined', 'undetermined']);
    expect(t[0]!.note).to.contain('neither phase saturated');
    expect(t[1]!.note).to.contain('lower bound');
  });

  it('decides the ratio when the bound is on the right side', () => {
    // ceiling exact, life cycle a lower bound: a ratio already ≥ 0.8 can only grow
    expect(verdicts({ lifeSaturated: false, lifeTxPerSecond: 70 })[0]).to.equal('met');
    expect(verdicts({ lifeSaturated: false })[0]).to.equal('undetermined');
    // life cycle exact, ceiling a lower bound: a ratio already < 0.8 can only shrink
    expect(verdicts({ ceilingSaturated: false })[0]).to.equal('not met');
    expect(verdicts({ ceilingSaturated: false, lifeTxPerSecond: 70 })[0]).to.equal('undetermined');
  });

  it('meets the movement rate on a lower bound that already reaches it, and names the transactions per movement', () => {
    const t = judgeTargets({ ...base, lifeSaturated: false, lifeTxPerSecond: 186 });
    expect(t[1]!.verdict).to.equal('met');
    expect(t[1]!.target).to.contain('180 tx/s at 6 tx per movement');
  });

  it('cannot judge latency at half a rate that was never found, or without the half-rate step', () => {
    expect(verdicts({ lifeSaturated: false })[2]).to.equal('undetermined');
    expect(judgeTargets({ ...base, half: null })[2]).to.include({ verdict: 'undetermined', measured: 'not measured' });
  });
});
