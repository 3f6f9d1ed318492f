// Runs tasks one after another per key, different keys in parallel. Writes that reserve on or credit a
// guarantee all touch the same range of reservation records (chaincode guarantee/store.ts reservationsOf),
// so two of them endorsed before either commits are bound to fail with PHANTOM_READ_CONFLICT. Ordering
// them per GRN inside the gateway process makes the first attempt commit instead of relying on retries.
// A task with several keys waits for all of them; keys are registered synchronously, so two tasks can
// never wait for each other.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Waits until every earlier task on any of `keys` has finished, then holds the keys until `release`. */
  async acquire(keys: readonly string[]): Promise<() => void> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return () => undefined;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = unique.map((k) => this.tails.get(k) ?? Promise.resolve());
    for (const k of unique) this.tails.set(k, mine);
    mine.then(() => {
      // forget a key once nobody queues behind it, so the map does not grow with every GRN ever used
      for (const k of unique) if (this.tails.get(k) === mine) this.tails.delete(k);
    });
    await Promise.all(before);
    let released = false;
    return () => {
      if (!released) (released = true), release();
    };
  }

  /** Tasks currently holding or waiting for `key` (for tests and metrics). */
  has(key: string): boolean {
    return this.tails.has(key);
  }
}
