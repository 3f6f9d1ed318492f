// Issue 7's three targets, judged from one run. A phase that stopped rising before it saturated (the
// run's time budget or its step count ran out) measured a lower bound of its rate, not its ceiling: a
// target that depends on that rate is then 'undetermined' unless the bound already decides it.

export type Verdict = 'met' | 'not met' | 'undetermined';

export interface Target {
  name: string;
  target: string;
  measured: string;
  verdict: Verdict;
  /** why a verdict is undetermined */
  note?: string;
}

export interface TargetInputs {
  ceilingTxPerSecond: number;
  ceilingSaturated: boolean;
  lifeTxPerSecond: number;
  lifeSaturated: boolean;
  txPerMovement: number;
  /** the step at half the life-cycle rate, when it ran */
  half: { offeredMovementsPerSecond: number; p99Ms: number } | null;
}

const RATIO = 0.8;
const MOVEMENTS_PER_SECOND = 30;
const P99_MS = 2000;
const NOT_SATURATED = 'saturation not reached in this run: the rate is a lower bound';

/** The life cycle's rate over the ceiling's, as reported and as judged (3 decimals). */
export function lifeToCeilingRatio(lifeTxPerSecond: number, ceilingTxPerSecond: number): number {
  return ceilingTxPerSecond ? Math.round((lifeTxPerSecond / ceilingTxPerSecond) * 1000) / 1000 : 0;
}

export function judgeTargets(x: TargetInputs): Target[] {
  const ratio = lifeToCeilingRatio(x.lifeTxPerSecond, x.ceilingTxPerSecond);
  const movements = x.lifeTxPerSecond / x.txPerMovement;
  return [
    {
      name: 'life-cycle tx rate / no-op ceiling (same run)',
      target: `≥ ${RATIO.toFixed(2)}`,
      measured: ratio.toFixed(2),
      ...ratioVerdict(ratio, x.ceilingSaturated, x.lifeSaturated),
    },
    {
      name: 'movements per second sustained',
      target: `≥ ${MOVEMENTS_PER_SECOND} movements/s (${MOVEMENTS_PER_SECOND * x.txPerMovement} tx/s at ${x.txPerMovement} tx per movement)`,
      measured: `${movements.toFixed(2)} movements/s = ${x.lifeTxPerSecond.toFixed(1)} tx/s`,
      ...rateVerdict(movements >= MOVEMENTS_PER_SECOND, x.lifeSaturated),
    },
    {
      name: 'p99 submit latency at half the saturation rate',
      target: `< ${P99_MS} ms`,
      measured: x.half ? `${x.half.p99Ms} ms at ${x.half.offeredMovementsPerSecond} movements/s` : 'not measured',
      ...halfRateVerdict(x.half, x.lifeSaturated),
    },
  ];
}

/** A rate that did not saturate is a lower bound: enough to meet a minimum, not to miss it. */
function rateVerdict(meets: boolean, saturated: boolean): Pick<Target, 'verdict' | 'note'> {
  if (meets) return { verdict: 'met' };
  return saturated ? { verdict: 'not met' } : { verdict: 'undetermined', note: NOT_SATURATED };
}

/** Half of a lower bound is not half the saturation rate. */
function halfRateVerdict(half: TargetInputs['half'], lifeSaturated: boolean): Pick<Target, 'verdict' | 'note'> {
  if (!half) return { verdict: 'undetermined', note: 'the half-rate step did not run' };
  if (!lifeSaturated) return { verdict: 'undetermined', note: `${NOT_SATURATED}, and so is its half` };
  return { verdict: half.p99Ms < P99_MS ? 'met' : 'not met' };
}

/**
 * The measured ratio is exact when both phases saturated. With only the ceiling saturated the life cycle
 * could go higher, so the true ratio is at least the measured one; with only the life cycle saturated, at
 * most.
 */
function ratioVerdict(ratio: number, ceilingSaturated: boolean, lifeSaturated: boolean): Pick<Target, 'verdict' | 'note'> {
  const meets = ratio >= RATIO;
  if (ceilingSaturated && lifeSaturated) return { verdict: meets ? 'met' : 'not met' };
  if (ceilingSaturated && meets) return { verdict: 'met' };
  if (lifeSaturated && !meets) return { verdict: 'not met' };
  const unsaturated = ceilingSaturated ? 'the life cycle did not saturate' : lifeSaturated ? 'the ceiling did not saturate' : 'neither phase saturated';
  return { verdict: 'undetermined', note: `${unsaturated} in this run, so the ratio is only a bound` };
}
