// Writes through the Fabric Gateway in explicit stages (endorse → submit → commit status), each timed.
// Retries are narrow, because a retry is a NEW transaction:
//   - endorsement unavailable (a peer could not be reached): a new proposal, bounded, jittered backoff;
//   - endorsements that differ (one peer a block behind the others): a new proposal after a short pause;
//   - MVCC_READ_CONFLICT / PHANTOM_READ_CONFLICT at commit: a new proposal, bounded, jittered backoff;
//   - a commit-status timeout is NOT a failure of the transaction: the same transaction id is asked again,
//     never resubmitted (that could apply a write twice). Only when that same transaction id is found
//     neither committed nor on the ledger long after it was sent (`lostAfterMs`: a Raft leader that
//     crashed with it in its unordered batch loses it for good) is it settled as FAILED
//     (NETWORK_UNAVAILABLE, nothing written): the caller sends the request again; the gateway does not.
// Writes that name ordering keys (the GRNs whose reservations they read or change) go one after another
// per key, from endorsement until their commit is known (keyed-queue.ts), so they do not conflict with
// each other in the first place; the conflict retry above stays as the safety net. Each record says
// whether the first transaction it sent to ordering committed (`firstAttempt`: no MVCC or phantom
// conflict), and how many endorsements had to be asked again; /metrics counts both.
// Chaincode rejections come back at once as the chaincode's CatsError.
import { CommitError, CommitStatusError, type SubmittedTransaction } from '@hyperledger/fabric-gateway';
import { common, peer } from '@hyperledger/fabric-protos';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { Principal } from '../auth/principal';
import type { FabricConnections } from '../fabric/connections';
import { isConflict, isEndorsementMismatch, isEndorsementUnavailable, toCatsError } from '../fabric/fabric-errors';
import { fromResult, toArgument } from '../fabric/ledger-json';
import { log } from '../observability/log';
import type { GatewayMetrics } from '../observability/metrics';
import { backoffMs, sleep } from './backoff';
import { KeyedQueue } from './keyed-queue';
import type { TxRecord } from './tx-record';
import type { TxStore } from './tx-store';

export interface SubmitRequest {
  principal: Principal;
  transaction: string;
  arg: unknown;
  /** secrets for the chaincode only (access codes): never in the arguments, never on the ledger */
  transient?: Record<string, string>;
  subject?: Record<string, string>;
  /** set when transient data must only reach these organisations (fabric/endorsers.ts) */
  endorsingOrganizations?: string[];
  /** writes with a common key are endorsed and committed one after another (e.g. `grn:<GRN>`) */
  orderingKeys?: string[];
}

export interface SubmitOptions {
  maxAttempts: number;
  baseDelayMs: number;
  /** how long one commit-status call may take before it is asked again */
  commitStatusDeadlineMs: number;
  /** how long the same transaction id is asked about before the record is left PENDING */
  commitPatienceMs: number;
  /** a transaction neither committed nor on the ledger this long after it was sent was lost by ordering */
  lostAfterMs: number;
}

const DEFAULTS: SubmitOptions = { maxAttempts: 4, baseDelayMs: 100, commitStatusDeadlineMs: 15000, commitPatienceMs: 5 * 60000, lostAfterMs: 30000 };

export class Submitter {
  private readonly following = new Map<string, Promise<TxRecord>>();
  private readonly ordering = new KeyedQueue();
  private readonly opts: SubmitOptions;

  constructor(
    private readonly fabric: FabricConnections,
    private readonly store: TxStore,
    private readonly metrics: GatewayMetrics,
    opts: Partial<SubmitOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /**
   * Endorses and sends `req` to ordering; resolves once the orderer has it (the record is PENDING, with the
   * endorsed result), while `done` resolves when the commit outcome is known. Throws the CatsError of a
   * rejected endorsement.
   */
  async submit(req: SubmitRequest): Promise<{ record: TxRecord; done: Promise<TxRecord> }> {
    const t0 = performance.now();
    const release = await this.ordering.acquire(req.orderingKeys ?? []);
    if (req.orderingKeys?.length) this.metrics.orderingWaitSeconds.observe((performance.now() - t0) / 1000, { transaction: req.transaction });
    let submitted: SubmittedTransaction;
    let retriedEndorsements = 0;
    try {
      submitted = await this.endorseAndSubmit(req, () => retriedEndorsements++);
    } catch (e) {
      release();
      throw e;
    }
    const id = submitted.getTransactionId();
    const record: TxRecord = {
      id,
      transaction: req.transaction,
      state: 'PENDING',
      transactionId: id,
      transactionIds: [id],
      submittedBy: `${req.principal.org}:${req.principal.userId}`,
      submittedAt: new Date().toISOString(),
      result: fromResult(submitted.getResult()),
      subject: req.subject,
      attempts: 1,
      endorsementRetries: retriedEndorsements,
    };
    await this.store.put(record).catch((e: unknown) => {
      release();
      throw e;
    });
    this.metrics.inFlight.inc();
    const done = this.follow(record, submitted, req).finally(() => {
      release();
      this.metrics.inFlight.dec();
      this.following.delete(id);
    });
    this.following.set(id, done);
    return { record: { ...record }, done };
  }

  /** The record of `id`, waiting up to `waitMs` for its commit outcome when it is still being followed. */
  async status(id: string, waitMs = 0): Promise<TxRecord | undefined> {
    const pending = this.following.get(id);
    if (pending && waitMs > 0) {
      const timer = sleep(waitMs).then(() => undefined);
      const settled = await Promise.race([pending, timer]);
      if (settled) return settled;
    }
    const record = await this.store.get(id);
    // PENDING and followed by nobody: the gateway stopped while the transaction was in flight. The ledger
    // knows how it ended; without this the record (and a replayed Idempotency-Key) stayed PENDING forever.
    if (record?.state === 'PENDING' && !this.following.has(id)) return this.completeFromLedger(record);
    return record;
  }

  /** Settles a record nobody follows from the ledger (qscc); unchanged while the ledger has no such transaction. */
  private async completeFromLedger(record: TxRecord): Promise<TxRecord> {
    const userId = record.submittedBy.split(':').slice(1).join(':');
    let processed: peer.ProcessedTransaction;
    let blockNumber: string;
    try {
      const qscc = this.fabric.systemContract(userId, 'qscc');
      processed = peer.ProcessedTransaction.deserializeBinary(await qscc.evaluateTransaction('GetTransactionByID', this.fabric.network.channel, record.transactionId));
      const block = common.Block.deserializeBinary(await qscc.evaluateTransaction('GetBlockByTxID', this.fabric.network.channel, record.transactionId));
      blockNumber = String(block.getHeader()?.getNumber() ?? '');
    } catch {
      return record; // not (yet) on the ledger, or the peer cannot say now
    }
    const code = processed.getValidationcode();
    if (code === 0) {
      Object.assign(record, { state: 'COMMITTED', blockNumber, completedAt: new Date().toISOString(), firstAttempt: record.attempts === 1 });
    } else {
      const err = toCatsError(new CommitError({ code: code as ConstructorParameters<typeof CommitError>[0]['code'], transactionId: record.transactionId }));
      Object.assign(record, { state: 'FAILED', error: err.toJSON(), completedAt: new Date().toISOString() });
    }
    await this.store.put(record);
    return record;
  }

  /** `onRetry` is told of every new proposal after a failed endorsement, so the record counts it. */
  private async endorseAndSubmit(req: SubmitRequest, onRetry: () => void = () => undefined): Promise<SubmittedTransaction> {
    const contract = this.fabric.contract(req.principal.userId);
    for (let attempt = 0, mismatches = 0; ; attempt++) {
      const proposal = contract.newProposal(req.transaction, { arguments: [toArgument(req.arg)], transientData: req.transient, endorsingOrganizations: req.endorsingOrganizations });
      const t0 = performance.now();
      try {
        const endorsed = await proposal.endorse();
        this.stage('endorse', t0, req.transaction);
        const t1 = performance.now();
        const submitted = await endorsed.submit();
        this.stage('submit', t1, req.transaction);
        return submitted;
      } catch (e) {
        if (isEndorsementMismatch(e) && ++mismatches < 3 * this.opts.maxAttempts) {
          this.metrics.retries.inc({ reason: 'endorsement_mismatch' });
          onRetry();
          await sleep(backoffMs(Math.min(mismatches - 1, 3), this.opts.baseDelayMs / 4));
          attempt--;
          continue;
        }
        if (isEndorsementUnavailable(e) && attempt + 1 < this.opts.maxAttempts) {
          onRetry();
          this.metrics.retries.inc({ reason: 'endorsement_unavailable' });
          log.warn('endorsement unavailable, new proposal', { transaction: req.transaction, attempt, txId: proposal.getTransactionId() });
          await sleep(backoffMs(attempt, this.opts.baseDelayMs));
          continue;
        }
        throw toCatsError(e);
      }
    }
  }

  private async follow(record: TxRecord, first: SubmittedTransaction, req: SubmitRequest): Promise<TxRecord> {
    let current = first;
    try {
      for (let attempt = 0; ; attempt++) {
        const status = await this.commitStatus(current, req.transaction, req.principal.userId);
        if (status === 'LOST') {
          this.metrics.retries.inc({ reason: 'lost_in_ordering' });
          throw new CatsError('NETWORK_UNAVAILABLE', `transaction ${current.getTransactionId()} was lost by the ordering service: it is not on the ledger and nothing was written; send the request again`, {
            transactionId: current.getTransactionId(),
          });
        }
        if (!status) {
          log.warn('commit status still unknown; record left PENDING', { id: record.id, txId: current.getTransactionId() });
          return record;
        }
        if (status.successful) {
          Object.assign(record, {
            state: 'COMMITTED',
            blockNumber: status.blockNumber.toString(),
            result: fromResult(current.getResult()),
            completedAt: new Date().toISOString(),
            firstAttempt: record.attempts === 1,
          });
          this.metrics.commits.inc({ transaction: req.transaction, first_attempt: String(record.attempts === 1), endorsement_retried: String((record.endorsementRetries ?? 0) > 0) });
          await this.store.put(record);
          return record;
        }
        const failure = new CommitError({ code: status.code, transactionId: status.transactionId });
        if (isConflict(failure) && attempt + 1 < this.opts.maxAttempts) {
          this.metrics.retries.inc({ reason: status.code === 11 ? 'mvcc_read_conflict' : 'phantom_read_conflict' });
          await sleep(backoffMs(attempt, this.opts.baseDelayMs));
          current = await this.endorseAndSubmit(req, () => (record.endorsementRetries = (record.endorsementRetries ?? 0) + 1));
          record.attempts = (record.attempts ?? 1) + 1;
          record.transactionId = current.getTransactionId();
          record.transactionIds.push(record.transactionId);
          record.result = fromResult(current.getResult());
          await this.store.put(record);
          continue;
        }
        throw failure;
      }
    } catch (e) {
      const err = toCatsError(e);
      Object.assign(record, { state: 'FAILED', error: err.toJSON(), completedAt: new Date().toISOString() });
      await this.store.put(record);
      return record;
    }
  }

  /**
   * Asks the status of the same transaction until it is known, patience runs out (undefined), or the
   * same transaction id is found lost by ordering ('LOST').
   */
  private async commitStatus(commit: SubmittedTransaction, transaction: string, userId: string) {
    const t0 = performance.now();
    const sentAt = Date.now();
    const giveUpAt = sentAt + this.opts.commitPatienceMs;
    for (let ask = 0; ; ask++) {
      try {
        const status = await commit.getStatus({ deadline: Date.now() + this.opts.commitStatusDeadlineMs });
        this.stage('commit', t0, transaction);
        return status;
      } catch (e) {
        if (!(e instanceof CommitStatusError) || Date.now() > giveUpAt) {
          if (e instanceof CommitStatusError) return undefined;
          throw e;
        }
        if (Date.now() - sentAt >= this.opts.lostAfterMs && !(await this.onLedger(userId, commit.getTransactionId()))) return 'LOST' as const;
        this.metrics.retries.inc({ reason: 'commit_status' });
        await sleep(backoffMs(ask, this.opts.baseDelayMs * 5));
      }
    }
  }

  /** Whether the peer has the transaction in a block (valid or not); an unreachable peer counts as yes. */
  private async onLedger(userId: string, txId: string): Promise<boolean> {
    try {
      await this.fabric.systemContract(userId, 'qscc').evaluateTransaction('GetTransactionByID', this.fabric.network.channel, txId);
      return true;
    } catch (e) {
      const text = `${(e as Error).message} ${JSON.stringify((e as { details?: unknown }).details ?? '')}`;
      return !/not found|no such transaction|Failed to get transaction with id/i.test(text);
    }
  }

  private stage(stage: string, t0: number, transaction: string): void {
    this.metrics.submitStageSeconds.observe((performance.now() - t0) / 1000, { stage, transaction });
  }
}

export function assertCommitted(record: TxRecord): TxRecord {
  if (record.state === 'FAILED' && record.error) throw new CatsError(record.error.code, record.error.message, { ...record.error.details, transactionId: record.transactionId });
  return record;
}
