// Small statistics for the benchmark: latency samples and their percentiles (nearest rank), counters
// by cause. No dependency: a sorted copy per summary is cheap at the sample counts a run produces.

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (q in 0..100); 0 for an empty array. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: number[]): LatencySummary {
  const s = [...samples].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { count: s.length, mean: r(s.length ? sum / s.length : 0), p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s.length ? s[s.length - 1]! : 0) };
}

/** Latencies (ms) per transaction type, and counters of retries and errors by cause. */
export class Recorder {
  readonly latencies = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  readonly retries = new Map<string, number>();
  /** completion instants (ms, performance.now()) of committed transactions */
  readonly completions: number[] = [];

  ok(type: string, ms: number, at = performance.now()): void {
    let l = this.latencies.get(type);
    if (!l) this.latencies.set(type, (l = []));
    l.push(ms);
    this.completions.push(at);
  }

  error(cause: string): void {
    this.errors.set(cause, (this.errors.get(cause) ?? 0) + 1);
  }

  retry(cause: string, n = 1): void {
    if (n > 0) this.retries.set(cause, (this.retries.get(cause) ?? 0) + n);
  }

  /** committed transactions whose completion falls in [from, to) */
  completedBetween(from: number, to: number): number {
    return this.completions.filter((t) => t >= from && t < to).length;
  }

  summaries(): Record<string, LatencySummary> {
    const out: Record<string, LatencySummary> = {};
    for (const [k, v] of [...this.latencies.entries()].sort(([a], [b]) => a.localeCompare(b))) out[k] = summarize(v);
    return out;
  }

  all(): number[] {
    return [...this.latencies.values()].flat();
  }

  errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}

export const toObject = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
