// How every write answers: Idempotency-Key (same key and body → the stored first answer), then submit;
// then either 202 Accepted with the status resource, or — with `Prefer: wait=N` — the committed result
// (200/201), or 202 if the commit takes longer than N seconds.
import type { Request, Response } from 'express';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../auth/authenticate';
import { fingerprintOf, type OnSubmitted, type StoredResponse } from '../idempotency/idempotency-store';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { assertCommitted } from '../transactions/submitter';
import { txLinks, type TxRecord } from '../transactions/tx-record';
import { wantsXml } from './media-type';
import { preferredWaitSeconds } from './prefer-wait';

export interface WriteSpec {
  transaction: string;
  arg: unknown;
  transient?: Record<string, string>;
  subject?: Record<string, string>;
  endorsingOrganizations?: string[];
  /** keys that order this write after earlier ones on the same guarantee (transactions/keyed-queue.ts) */
  orderingKeys?: string[];
  successStatus?: 200 | 201;
  location?: (record: TxRecord) => string | undefined;
  /** the NCTS answer for a committed write, when the client asked for XML */
  xmlAnswer?: (record: TxRecord) => Promise<string | undefined>;
  /** the NCTS rejection (IE056/IE057) of a business refusal, when the client asked for XML */
  xmlRejection?: (err: CatsError) => string | undefined;
}

export function recordView(r: TxRecord): Record<string, unknown> {
  return {
    id: r.id,
    transaction: r.transaction,
    state: r.state,
    transactionId: r.transactionId,
    transactionIds: r.transactionIds,
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt,
    completedAt: r.completedAt,
    attempts: r.attempts,
    endorsementRetries: r.endorsementRetries,
    firstAttempt: r.firstAttempt,
    blockNumber: r.blockNumber,
    result: r.result,
    error: r.error,
    links: txLinks(r),
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): StoredResponse => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
  headers,
});

async function execute(deps: AppDeps, req: Request, build: () => Promise<WriteSpec>, onSubmitted?: OnSubmitted): Promise<StoredResponse> {
  const spec = await build();
  try {
    return await submitAndAnswer(deps, req, spec, onSubmitted);
  } catch (err) {
    // A business refusal (4xx from the ledger) answered as the NCTS message the trader's software expects.
    if (err instanceof CatsError && err.status < 500 && spec.xmlRejection && wantsXml(req)) {
      const xml = spec.xmlRejection(err);
      if (xml) return { status: err.status, contentType: 'application/xml; charset=utf-8', body: xml, headers: { 'X-Cats-Error-Code': err.code } };
    }
    throw err;
  }
}

async function submitAndAnswer(deps: AppDeps, req: Request, spec: WriteSpec, onSubmitted?: OnSubmitted): Promise<StoredResponse> {
  const principal = principalOf(req);
  const { record } = await deps.submitter.submit({ principal, transaction: spec.transaction, arg: spec.arg, transient: spec.transient, subject: spec.subject, endorsingOrganizations: spec.endorsingOrganizations, orderingKeys: spec.orderingKeys });
  // the Idempotency-Key remembers the transaction before its outcome is known (a crash now loses only the answer)
  await onSubmitted?.(record.id);
  const wait = preferredWaitSeconds(req, deps.config.maxWaitSeconds);
  const final = wait ? ((await deps.submitter.status(record.id, wait * 1000)) ?? record) : record;
  return answerFor(req, spec, final, wait);
}

/**
 * The answer for a write whose earlier run with the same Idempotency-Key submitted `transactionId` and
 * then lost its process: from the status record, which the submitter completes from the ledger when
 * nobody follows it any more. Undefined when the transaction is unknown here.
 */
async function resumeWrite(deps: AppDeps, req: Request, build: () => Promise<WriteSpec>, transactionId: string): Promise<StoredResponse | undefined> {
  const record = await deps.submitter.status(transactionId);
  if (!record) return undefined;
  const spec = await build();
  try {
    return await answerFor(req, spec, record, 0);
  } catch (err) {
    if (err instanceof CatsError && err.status < 500 && spec.xmlRejection && wantsXml(req)) {
      const xml = spec.xmlRejection(err);
      if (xml) return { status: err.status, contentType: 'application/xml; charset=utf-8', body: xml, headers: { 'X-Cats-Error-Code': err.code } };
    }
    throw err;
  }
}

async function answerFor(req: Request, spec: WriteSpec, final: TxRecord, wait: number): Promise<StoredResponse> {
  const headers: Record<string, string> = wait ? { 'Preference-Applied': `wait=${wait}` } : {};
  if (final.state === 'PENDING') return json(202, recordView(final), { ...headers, Location: txLinks(final).self });
  assertCommitted(final);
  const location = spec.location?.(final);
  if (location) headers.Location = location;
  const status = spec.successStatus ?? 200;
  if (spec.xmlAnswer && wantsXml(req)) {
    const xml = await spec.xmlAnswer(final);
    if (xml) return { status, contentType: 'application/xml; charset=utf-8', body: xml, headers };
  }
  return json(status, recordView(final), headers);
}

/** Runs a write with idempotency and sends its answer. `build` parses and checks the request. */
export async function runWrite(deps: AppDeps, req: Request, res: Response, build: () => Promise<WriteSpec>): Promise<void> {
  const key = req.get('idempotency-key');
  let response: StoredResponse;
  let replayed = false;
  if (key !== undefined) {
    const p = principalOf(req);
    const fp = fingerprintOf(req.method, req.originalUrl.split('?')[0], req.get('content-type') ?? '', req.rawBody ?? Buffer.alloc(0));
    ({ response, replayed } = await deps.idempotency.run(`${p.org}:${p.userId}`, key, fp, (onSubmitted) => execute(deps, req, build, onSubmitted), (txId) => resumeWrite(deps, req, build, txId)));
  } else {
    response = await execute(deps, req, build);
  }
  res.status(response.status).set(response.headers ?? {}).type(response.contentType);
  if (replayed) res.set('Idempotent-Replayed', 'true');
  res.send(response.body);
}
