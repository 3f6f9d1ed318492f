// A client whose requests keep being refused is slowed down, so one misbehaving system (a national system
// in a retry loop, a script sending garbage) cannot take the gateway's CPU from everyone else. Each
// authenticated user has a budget of refusals (any 4xx the gateway answers, a 429 excepted): `burst` at
// once, refilled at `perSecond`. A user over budget is answered 429 RATE_LIMITED with Retry-After right
// after authentication: before the body is read, parsed, validated or endorsed. Accepted requests cost
// nothing from the budget, so a well-behaved client never meets it.
import type { NextFunction, Request, Response } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';

export interface BudgetOptions {
  burst: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RefusalBudget {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly opts: BudgetOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private bucket(key: string): Bucket {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.opts.burst, at: t };
    b.tokens = Math.min(this.opts.burst, b.tokens + ((t - b.at) / 1000) * this.opts.perSecond);
    b.at = t;
    if (b.tokens >= this.opts.burst) this.buckets.delete(key); // full again: nothing to remember
    else this.buckets.set(key, b);
    return b;
  }

  /** Seconds until `key` may be served again, or 0 when it may be now. */
  waitSeconds(key: string): number {
    const b = this.bucket(key);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / this.opts.perSecond);
  }

  refused(key: string): void {
    const b = this.bucket(key);
    b.tokens -= 1;
    this.buckets.set(key, b);
  }

  /** users currently holding less than a full budget (for /metrics and tests) */
  get tracked(): number {
    return this.buckets.size;
  }
}

/** After authenticate(): 429 for a user over budget; every refusal answered to a user is counted. */
export function refusalBudget(budget: RefusalBudget) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const p = req.principal;
    if (!p) return next();
    const key = `${p.org}:${p.userId}`;
    const wait = budget.waitSeconds(key);
    if (wait > 0) return next(new CatsError('RATE_LIMITED', `too many refused requests from ${p.userId}: wait ${wait} s`, { retryAfterSeconds: wait }));
    res.on('finish', () => {
      if (res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 429) budget.refused(key);
    });
    next();
  };
}
