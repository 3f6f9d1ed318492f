// What the off-chain index keeps: a compact summary per movement (enough to filter and list), one feed
// entry per chaincode event, and the event-stream checkpoint.

export interface IndexedMovement {
  mrn: string;
  lrn?: string;
  status: string;
  holder?: string;
  offices: string[];
  countries: string[];
  grns: string[];
  createdAt: string;
  updatedAt: string;
  lastEvent: string;
  lastTxId: string;
}

export interface IndexedGuarantee {
  grn: string;
  status?: string;
  holder?: string;
  guarantorMspId?: string;
  updatedAt: string;
}

export interface FeedEvent {
  /** the transaction id: one event per transaction, so it identifies the event (webhook de-duplication) */
  id: string;
  cursor: string;
  name: string;
  blockNumber: string;
  transactionId: string;
  mrn?: string;
  grn?: string;
  payload: Record<string, unknown>;
}

/** Where the event stream resumes: after `transactionId` in `blockNumber` (fabric-gateway Checkpoint). */
export interface StoredCheckpoint {
  blockNumber: string;
  transactionId: string;
  ordinal: number;
}
