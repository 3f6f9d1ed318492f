// The status resource of a write (/api/v1/transactions/{id}). Its id is the transaction id of the first
// proposal; when a read conflict forces a new proposal, the record follows it (transactionIds lists all),
// so the client keeps polling one address.
import type { ErrorCode, ErrorDetails } from '../../../chaincode/src/domain/errors';

export type TxState = 'PENDING' | 'COMMITTED' | 'FAILED';

export interface TxRecord {
  id: string;
  /** contract:Transaction, e.g. movement:Release */
  transaction: string;
  state: TxState;
  /** the proposal now pending or committed */
  transactionId: string;
  transactionIds: string[];
  /** who submitted it: Org:user */
  submittedBy: string;
  submittedAt: string;
  completedAt?: string;
  blockNumber?: string;
  /** the chaincode's answer (at endorsement while PENDING; final once COMMITTED) */
  result?: unknown;
  error?: { code: ErrorCode; message: string; details: ErrorDetails };
  /** transactions sent to ordering for this write: 1 unless an MVCC or phantom read conflict forced new ones */
  attempts?: number;
  /** endorsements asked again before ordering (a peer a block behind, or unreachable) */
  endorsementRetries?: number;
  /** set at commit: true when the first transaction sent to ordering committed */
  firstAttempt?: boolean;
  /** what the HTTP answer was about, for links and XML answers: {mrn} or {grn} */
  subject?: Record<string, string>;
}

export function txLinks(record: TxRecord): Record<string, string> {
  return { self: `/api/v1/transactions/${record.id}` };
}
