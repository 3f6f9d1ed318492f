// How far the index has read the ledger. The chaincode event stream only speaks when a block has an event
// of ours, so the last applied event's block can stay far behind the ledger's height for good: after a run
// of blocks without one (ops:Ping, channel and chaincode-definition updates) the gateway counted itself
// ever further behind and /health stayed 503, and a restarted network never became ready (issue 7's
// benchmark left ~100 such blocks). So the feed samples the peer's height every few seconds: when no event
// arrived since the previous sample and the stream was open all along, the stream has gone past that
// sample's height, and blocks below it have nothing left to deliver.
export class FeedProgress {
  private previous: { height: bigint; at: number } | undefined;
  private lastEventAt = 0;
  private openSince: number | undefined;
  private passed = 0n;

  opened(at: number): void {
    this.openSince = at;
  }

  closed(): void {
    this.openSince = undefined;
  }

  event(at: number): void {
    this.lastEventAt = at;
  }

  /** A height of the peer, read at `at` (epoch ms). */
  sample(height: bigint, at: number): void {
    const p = this.previous;
    if (p && this.openSince !== undefined && this.openSince <= p.at && this.lastEventAt <= p.at && p.height > this.passed) this.passed = p.height;
    this.previous = { height, at };
  }

  /** The height up to which the index has everything: past its checkpoint's block, or further when quiet. */
  doneHeight(checkpointBlock: bigint | undefined): bigint {
    const byEvents = checkpointBlock === undefined ? 0n : checkpointBlock + 1n;
    return byEvents > this.passed ? byEvents : this.passed;
  }
}
