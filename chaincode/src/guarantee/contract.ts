// contract `guarantee`: issue and life cycle of guarantees (guarantor only), balance enquiry, and claims.

import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { callerOf, requireOrgKind, requireRole } from '../access/caller';
import { CatsError } from '../domain/errors';
import { GRN_GUARANTEE_TYPES } from '../domain/roles';
import { isValidAccessCode } from '../domain/identifiers';
import { subMinor } from '../domain/money';
import { parseArgs } from '../ledger/args';
import { requireEndorsers } from '../ledger/endorsement';
import { emit } from '../ledger/events';
import { accessCodeHash, saltFromTx } from '../ledger/hash';
import { run } from '../ledger/run';
import { putJson, transientString } from '../ledger/state';
import { txId, txTime } from '../ledger/tx';
import { findCountry } from '../registry/store';
import { requireIssuer, requireReader } from './access';
import { acceptClaim, contestClaim, getClaim, listClaims, payClaim, raiseClaim } from './claims';
import type { Guarantee } from './model';
import { parseGrnArg, parseIssue } from './parse';
import { accessCodeMatches } from './reservations';
import { findGuarantee, guaranteeKey, publicView, requireGuarantee, reservationsOf, reservedAmount } from './store';

type Move = { to: Guarantee['status']; from: Guarantee['status'][]; event: string };

const MOVES: Record<'Suspend' | 'Reinstate' | 'Revoke' | 'Expire', Move> = {
  Suspend: { to: 'SUSPENDED', from: ['ACTIVE'], event: 'GuaranteeSuspended' },
  Reinstate: { to: 'ACTIVE', from: ['SUSPENDED'], event: 'GuaranteeReinstated' },
  Revoke: { to: 'REVOKED', from: ['ACTIVE', 'SUSPENDED'], event: 'GuaranteeRevoked' },
  Expire: { to: 'EXPIRED', from: ['ACTIVE', 'SUSPENDED'], event: 'GuaranteeExpired' },
};

@Info({ title: 'guarantee', description: 'CATS/ICE guarantees, reservations and claims' })
export class GuaranteeContract extends Contract {
  constructor() {
    super('guarantee');
  }

  /**
   * {grn, type, holderId, referenceAmount:{amount,currency}, countries[], validFrom, validTo, shares?} with the
   * access code in the transient key `accessCode`. Only the guarantor role of a GUARANTOR organisation.
   */
  @Transaction()
  @Returns('string')
  async Issue(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const caller = callerOf(ctx);
      requireRole(caller, ['guarantor']);
      await requireOrgKind(ctx, caller, 'GUARANTOR');
      const a = parseIssue(parseArgs(json));
      for (const [i, c] of a.countries.entries()) {
        if (!(await findCountry(ctx, c))) throw new CatsError('UNKNOWN_COUNTRY', `countries[${i}]: ${c} is not on the registry`, { field: `countries[${i}]`, country: c });
      }
      const code = transientString(ctx, 'accessCode');
      if (code !== undefined && !isValidAccessCode(code)) throw new CatsError('VALIDATION_FAILED', 'transient.accessCode: 4 alphanumerics expected', { field: 'transient.accessCode' });
      if (code === undefined && GRN_GUARANTEE_TYPES.includes(a.type)) {
        throw new CatsError('VALIDATION_FAILED', `transient.accessCode: required for a type ${a.type} guarantee`, { field: 'transient.accessCode' });
      }
      if (await findGuarantee(ctx, a.grn)) throw new CatsError('ALREADY_EXISTS', `grn: guarantee ${a.grn} already exists`, { field: 'grn' });
      const now = txTime(ctx).iso;
      const salt = code === undefined ? undefined : saltFromTx(txId(ctx));
      const g: Guarantee = {
        ...a,
        guarantorMspId: caller.mspId,
        status: 'ACTIVE',
        accessCodeSalt: salt,
        accessCodeHash: code === undefined ? undefined : accessCodeHash(a.grn, code, salt!),
        issuedAt: now,
        updatedAt: now,
        txId: txId(ctx),
      };
      const k = guaranteeKey(ctx, a.grn);
      await putJson(ctx, k, g);
      await requireEndorsers(ctx, k, [caller.mspId]);
      emit(ctx, 'GuaranteeIssued', caller, { grn: g.grn, status: g.status, holderId: g.holderId, guarantorMspId: g.guarantorMspId, referenceAmount: g.referenceAmount });
      return publicView(g);
    });
  }

  /** {grn, reason?} */
  @Transaction()
  @Returns('string')
  async Suspend(ctx: Context, json: string): Promise<string> {
    return run(() => this.move(ctx, json, 'Suspend'));
  }

  @Transaction()
  @Returns('string')
  async Reinstate(ctx: Context, json: string): Promise<string> {
    return run(() => this.move(ctx, json, 'Reinstate'));
  }

  @Transaction()
  @Returns('string')
  async Revoke(ctx: Context, json: string): Promise<string> {
    return run(() => this.move(ctx, json, 'Revoke'));
  }

  /** Only after validTo, judged by the transaction date. */
  @Transaction()
  @Returns('string')
  async Expire(ctx: Context, json: string): Promise<string> {
    return run(() => this.move(ctx, json, 'Expire'));
  }

  private async move(ctx: Context, json: string, name: keyof typeof MOVES): Promise<unknown> {
    const caller = callerOf(ctx);
    const a = parseArgs(json);
    const grn = parseGrnArg(a);
    const g = await requireGuarantee(ctx, grn);
    await requireIssuer(ctx, caller, g);
    const rule = MOVES[name];
    if (!rule.from.includes(g.status)) {
      throw new CatsError('INVALID_STATE_TRANSITION', `grn: guarantee ${grn} is ${g.status}; ${name} needs ${rule.from.join(' or ')}`, { field: 'grn', status: g.status });
    }
    const now = txTime(ctx);
    if (name === 'Expire' && now.date <= g.validTo) {
      throw new CatsError('TIME_LIMIT_NOT_REACHED', `grn: guarantee ${grn} is valid until ${g.validTo}`, { field: 'grn', validTo: g.validTo });
    }
    const next: Guarantee = { ...g, status: rule.to, updatedAt: now.iso };
    await putJson(ctx, guaranteeKey(ctx, grn), next);
    const reason = typeof a.reason === 'string' ? a.reason.slice(0, 512) : undefined;
    emit(ctx, rule.event, caller, { grn, status: next.status, holderId: g.holderId, reason });
    return publicView(next);
  }

  /** {grn}: customs, auditors, the guarantor, the holder. */
  @Transaction(false)
  @Returns('string')
  async Get(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const g = await requireGuarantee(ctx, parseGrnArg(parseArgs(json)));
      await requireReader(ctx, callerOf(ctx), g);
      return publicView(g);
    });
  }

  /** {grn} → {referenceAmount, reserved, available, currency, reservations[]}; the holder gives transient `accessCode` (IE034/IE037). */
  @Transaction(false)
  @Returns('string')
  async Balance(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const g = await requireGuarantee(ctx, parseGrnArg(parseArgs(json)));
      const who = await requireReader(ctx, callerOf(ctx), g);
      if (who === 'HOLDER' && !accessCodeMatches(g, transientString(ctx, 'accessCode'))) {
        throw new CatsError('ACCESS_CODE_MISMATCH', 'transient.accessCode: missing or wrong', { field: 'transient.accessCode', grn: g.grn });
      }
      const reservations = await reservationsOf(ctx, g.grn);
      const reserved = reservedAmount(reservations);
      return {
        grn: g.grn,
        status: g.status,
        currency: g.referenceAmount.currency,
        referenceAmount: g.referenceAmount.amount,
        reserved,
        available: subMinor(g.referenceAmount.amount, reserved),
        reservations: reservations.map((r) => ({ mrn: r.mrn, amount: r.amount, status: r.status, reservedAt: r.reservedAt, closedAt: r.closedAt })),
      };
    });
  }

  /** {grn, mrn, office, amount, evidenceHash}: customs of the country where the debt arose, after recovery started. */
  @Transaction()
  @Returns('string')
  async RaiseClaim(ctx: Context, json: string): Promise<string> {
    return run(() => raiseClaim(ctx, callerOf(ctx), parseArgs(json)));
  }

  /** {grn, mrn} */
  @Transaction()
  @Returns('string')
  async AcceptClaim(ctx: Context, json: string): Promise<string> {
    return run(() => acceptClaim(ctx, callerOf(ctx), parseArgs(json)));
  }

  /** {grn, mrn, reason} */
  @Transaction()
  @Returns('string')
  async ContestClaim(ctx: Context, json: string): Promise<string> {
    return run(() => contestClaim(ctx, callerOf(ctx), parseArgs(json)));
  }

  /** {grn, mrn}: pays and splits the amount over the fronting and reinsurance shares of the claim's country. */
  @Transaction()
  @Returns('string')
  async PayClaim(ctx: Context, json: string): Promise<string> {
    return run(() => payClaim(ctx, callerOf(ctx), parseArgs(json)));
  }

  @Transaction(false)
  @Returns('string')
  async GetClaim(ctx: Context, json: string): Promise<string> {
    return run(() => getClaim(ctx, callerOf(ctx), parseArgs(json)));
  }

  /** {grn} */
  @Transaction(false)
  @Returns('string')
  async ListClaims(ctx: Context, json: string): Promise<string> {
    return run(() => listClaims(ctx, callerOf(ctx), parseArgs(json)));
  }
}

