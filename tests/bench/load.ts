// Open-loop load: arrivals at a fixed rate, bounded in count and in time, whatever the system answers.
// A task that is due while `maxInFlight` tasks are still running is shed (counted, not queued): the
// driver never turns into a closed loop that would hide saturation.
export interface OpenLoopOptions {
  ratePerSecond: number;
  durationMs: number;
  maxCount: number;
  maxInFlight: number;
  /** after the arrivals stop, how long running tasks may take before they are given up on */
  drainMs: number;
}

export interface OpenLoopOutcome {
  launched: number;
  shed: number;
  finished: number;
  /** tasks still running when the drain bound ran out */
  abandoned: number;
  inFlightPeak: number;
  startedAt: number;
  arrivalsEndedAt: number;
  endedAt: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `task(i, dueAt)` at `ratePerSecond`; `dueAt` is the scheduled instant (performance.now()). */
export async function openLoop(o: OpenLoopOptions, task: (i: number, dueAt: number) => Promise<void>): Promise<OpenLoopOutcome> {
  const startedAt = performance.now();
  const interval = 1000 / o.ratePerSecond;
  let launched = 0;
  let shed = 0;
  let finished = 0;
  let inFlight = 0;
  let inFlightPeak = 0;
  const running = new Set<Promise<void>>();
  let due = 0; // arrivals scheduled so far (launched + shed)
  while (due < o.maxCount) {
    const now = performance.now();
    if (now - startedAt >= o.durationMs) break;
    const target = Math.min(o.maxCount, Math.floor((now - startedAt) / interval) + 1);
    while (due < target) {
      const dueAt = startedAt + due * interval;
      const i = due++;
      if (inFlight >= o.maxInFlight) {
        shed++;
        continue;
      }
      launched++;
      inFlight++;
      inFlightPeak = Math.max(inFlightPeak, inFlight);
      const p: Promise<void> = task(i, dueAt)
        .catch(() => undefined)
        .finally(() => {
          inFlight--;
          finished++;
          running.delete(p);
        });
      running.add(p);
    }
    await sleep(Math.max(1, Math.min(20, startedAt + due * interval - performance.now())));
  }
  const arrivalsEndedAt = performance.now();
  const deadline = arrivalsEndedAt + o.drainMs;
  while (running.size > 0 && performance.now() < deadline) await Promise.race([sleep(Math.max(1, deadline - performance.now())), ...running]);
  return { launched, shed, finished, abandoned: running.size, inFlightPeak, startedAt, arrivalsEndedAt, endedAt: performance.now() };
}
