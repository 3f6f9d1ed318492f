// Feeds the index from the chaincode's events. The stream is opened with a checkpoint read from the
// index (last applied block + transaction id), so the peer resumes right after it; on any stream error
// the feed reconnects from the checkpoint with backoff. Lag is the ledger height (qscc GetChainInfo, every
// 5 s) minus what the index has (feed-progress.ts: the checkpoint's block, or further when quiet).
import type { Checkpoint, CloseableAsyncIterable, ChaincodeEvent } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import type { FabricConnections } from '../fabric/connections';
import { log } from '../observability/log';
import type { GatewayMetrics } from '../observability/metrics';
import { backoffMs, sleep } from '../transactions/backoff';
import { FeedProgress } from './feed-progress';
import type { MovementIndex } from './movement-index';

const decoder = new TextDecoder();
const REFRESH_MIN_MS = 250;

function checkpointOf(index: MovementIndex): Checkpoint {
  const cp = index.checkpoint();
  return {
    getBlockNumber: () => (cp ? BigInt(cp.blockNumber) : undefined),
    getTransactionId: () => cp?.transactionId,
  };
}

function parsePayload(bytes: Uint8Array): Record<string, unknown> {
  try {
    const v = JSON.parse(decoder.decode(bytes)) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return {};
  }
}

export class EventFeed {
  private stream: CloseableAsyncIterable<ChaincodeEvent> | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;
  private lagTimer: NodeJS.Timeout | undefined;
  private readonly progress = new FeedProgress();
  private refreshing: Promise<bigint | undefined> | undefined;
  private refreshedAt = 0;
  /** ledger height seen last; undefined until the peer answered */
  height: bigint | undefined;
  connected = false;

  constructor(
    private readonly fabric: FabricConnections,
    private readonly index: MovementIndex,
    private readonly serviceUser: string,
    private readonly metrics: GatewayMetrics,
  ) {}

  start(): void {
    this.running = this.loop();
    this.metrics.indexLagBlocks.set(() => Number(this.lag() ?? -1));
    void this.sampleHeight();
    this.lagTimer = setInterval(() => void this.sampleHeight(), 5000);
    this.lagTimer.unref();
  }

  /** Blocks committed on the peer that the index has not reached; undefined when unknown. */
  lag(): bigint | undefined {
    if (this.height === undefined) return undefined;
    const cp = this.index.checkpoint();
    const lag = this.height - this.progress.doneHeight(cp ? BigInt(cp.blockNumber) : undefined);
    return lag < 0n ? 0n : lag;
  }

  private async sampleHeight(): Promise<void> {
    const at = Date.now();
    const height = await this.refreshHeight();
    if (height !== undefined) this.progress.sample(height, at);
  }

  /**
   * The peer's height, asked at most every REFRESH_MIN_MS and once at a time whoever asks (requests waiting
   * for a block, min-block.ts, share the answer rather than each sending a query).
   */
  refreshHeight(): Promise<bigint | undefined> {
    if (this.refreshing) return this.refreshing;
    if (this.height !== undefined && Date.now() - this.refreshedAt < REFRESH_MIN_MS) return Promise.resolve(this.height);
    this.refreshing = this.askHeight().finally(() => {
      this.refreshedAt = Date.now();
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async askHeight(): Promise<bigint | undefined> {
    try {
      const qscc = this.fabric.systemContract(this.serviceUser, 'qscc');
      const bytes = await qscc.evaluateTransaction('GetChainInfo', this.fabric.network.channel);
      this.height = BigInt(common.BlockchainInfo.deserializeBinary(bytes).getHeight());
    } catch (e) {
      log.warn('ledger height unknown', { error: (e as Error).message });
    }
    return this.height;
  }

  private async loop(): Promise<void> {
    for (let failures = 0; !this.stopped; ) {
      try {
        const network = this.fabric.channel(this.serviceUser);
        this.stream = await network.getChaincodeEvents(this.fabric.network.chaincode, { checkpoint: checkpointOf(this.index), startBlock: 0n });
        this.connected = true;
        this.progress.opened(Date.now());
        for await (const ev of this.stream) {
          this.progress.event(Date.now());
          await this.index.apply({ blockNumber: ev.blockNumber, transactionId: ev.transactionId, eventName: ev.eventName, payload: parsePayload(ev.payload) });
          this.metrics.indexEvents.inc({ event: ev.eventName });
          if (this.height === undefined || ev.blockNumber >= this.height) this.height = ev.blockNumber + 1n;
          failures = 0;
        }
      } catch (e) {
        if (this.stopped) break;
        this.connected = false;
        this.progress.closed();
        log.warn('event stream interrupted; resuming from checkpoint', { error: (e as Error).message, checkpoint: this.index.checkpoint() });
        await sleep(backoffMs(failures++, 200, 10000));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.lagTimer) clearInterval(this.lagTimer);
    this.stream?.close();
    await this.running?.catch(() => undefined);
  }
}
