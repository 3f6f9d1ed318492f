// Full-jitter exponential backoff: many gateways retrying the same hot key must not retry in lockstep.
export function backoffMs(attempt: number, baseMs = 100, capMs = 3000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
