// Turns whatever the Fabric client throws into one CatsError from the closed set. A chaincode rejection
// travels as `CATS:{json}` inside the endorsement error text (message or per-peer details) and comes back
// unchanged; everything else is classified by stage and gRPC status, and the raw gRPC text never reaches
// an HTTP client (it goes to the log instead).
import { status as GrpcStatus } from '@grpc/grpc-js';
import { CommitError, CommitStatusError, EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { CatsError, decodeError } from '../../../chaincode/src/domain/errors';
import { log } from '../observability/log';

const MVCC_READ_CONFLICT = 11;
const PHANTOM_READ_CONFLICT = 12;

const VALIDATION_NAMES: Record<number, string> = {
  10: 'ENDORSEMENT_POLICY_FAILURE',
  11: 'MVCC_READ_CONFLICT',
  12: 'PHANTOM_READ_CONFLICT',
};

/** Every text a Fabric error carries: its message and each endorser's / orderer's detail. */
export function errorTexts(err: unknown): string[] {
  if (!(err instanceof Error)) return [String(err)];
  const texts = [err.message];
  if (err instanceof GatewayError) for (const d of err.details ?? []) texts.push(d.message);
  return texts;
}

/** The chaincode's own CatsError, when the failure was a rule the chaincode enforced. */
export function chaincodeError(err: unknown): CatsError | undefined {
  for (const t of errorTexts(err)) {
    const decoded = decodeError(t);
    if (decoded) return decoded;
  }
  return undefined;
}

export function isConflict(err: unknown): boolean {
  return err instanceof CommitError && (err.code === MVCC_READ_CONFLICT || err.code === PHANTOM_READ_CONFLICT);
}

const UNAVAILABLE_TEXT = /unavailable|failed to connect|connection refused|no peers available|failed to select|endorsing peers? .*not|no combination of peers/i;

/**
 * The endorsement could not be collected because a peer was unreachable (not because the chaincode said
 * no): a new proposal may succeed. A chaincode rejection is never retried.
 */
export function isEndorsementUnavailable(err: unknown): boolean {
  if (!(err instanceof EndorseError) || chaincodeError(err)) return false;
  if (err.code === GrpcStatus.UNAVAILABLE) return true;
  return err.code === GrpcStatus.ABORTED && err.details.some((d) => UNAVAILABLE_TEXT.test(d.message));
}

/**
 * The endorsing peers answered with different read sets: one of them had not yet committed the block the
 * others had (typically the previous write on the same guarantee, milliseconds earlier). Nothing reached
 * the orderer; a new proposal a moment later sees equal ledgers.
 */
export function isEndorsementMismatch(err: unknown): boolean {
  return err instanceof EndorseError && !chaincodeError(err) && errorTexts(err).some((t) => /ProposalResponsePayloads do not match/i.test(t));
}

/** Retry with a NEW proposal: endorsement unavailability or mismatch, and read conflicts only. */
export function isRetryable(err: unknown): boolean {
  return isConflict(err) || isEndorsementUnavailable(err) || isEndorsementMismatch(err);
}

export function isDeadline(err: unknown): boolean {
  return err instanceof GatewayError && err.code === GrpcStatus.DEADLINE_EXCEEDED;
}

// SubmitError is exported as a type only, so it is recognised by name.
const isSubmitError = (err: unknown): boolean => err instanceof GatewayError && err.name === 'SubmitError';

function txIdOf(err: unknown): string | undefined {
  const id = (err as { transactionId?: unknown } | undefined)?.transactionId;
  return typeof id === 'string' ? id : undefined;
}

function stageOf(err: unknown): string {
  if (err instanceof EndorseError) return 'endorse';
  if (isSubmitError(err)) return 'submit';
  if (err instanceof CommitStatusError) return 'commit-status';
  if (err instanceof CommitError) return 'commit';
  if (err instanceof GatewayError) return 'evaluate';
  return 'gateway';
}

/** The one error an HTTP client sees for `err`; what it hides (raw gRPC and peer texts) goes to the log. */
export function toCatsError(err: unknown): CatsError {
  const mapped = classify(err);
  if (mapped.status >= 500 && !(err instanceof CatsError)) log.warn('fabric failure', { code: mapped.code, stage: mapped.details.stage, texts: errorTexts(err) });
  return mapped;
}

function classify(err: unknown): CatsError {
  if (err instanceof CatsError) return err;
  const fromChaincode = chaincodeError(err);
  if (fromChaincode) return fromChaincode;
  const transactionId = txIdOf(err);
  const stage = stageOf(err);
  const base = transactionId ? { stage, transactionId } : { stage };
  if (err instanceof CommitError) {
    const validationCode = VALIDATION_NAMES[err.code] ?? String(err.code);
    if (isConflict(err)) {
      return new CatsError('NETWORK_UNAVAILABLE', 'the ledger was busy with concurrent changes to the same records; try again', { ...base, validationCode });
    }
    return new CatsError('INTERNAL', `the transaction was not valid when committed (${validationCode})`, { ...base, validationCode });
  }
  if (err instanceof GatewayError) {
    switch (err.code) {
      case GrpcStatus.DEADLINE_EXCEEDED:
        return new CatsError('TIMEOUT', `the network did not answer in time (${stage})`, base);
      case GrpcStatus.UNAVAILABLE:
        return new CatsError('NETWORK_UNAVAILABLE', `the organisation's peer cannot be reached (${stage})`, base);
      case GrpcStatus.PERMISSION_DENIED:
        return new CatsError('FORBIDDEN', 'the network refused this identity', base);
      default:
        if (isEndorsementUnavailable(err)) return new CatsError('NETWORK_UNAVAILABLE', 'not enough endorsing peers are reachable', base);
        return new CatsError('INTERNAL', `the network refused the transaction (${stage})`, base);
    }
  }
  return new CatsError('INTERNAL', 'unexpected gateway failure', base);
}
