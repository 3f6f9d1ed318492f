// Reading the movement named by a transaction's `mrn` argument, and its `office` argument.

import type { Context } from 'fabric-contract-api';
import { isValidMrn, isValidOfficeCode } from '../domain/identifiers';
import { type Args, ident, parseArgs } from '../ledger/args';
import type { Movement } from './model';
import { requireMovement } from './store';

export async function loadMovement(ctx: Context, json: string): Promise<{ a: Args; m: Movement }> {
  const a = parseArgs(json);
  return { a, m: await requireMovement(ctx, ident(a, 'mrn', isValidMrn, 'MRN')) };
}

export const officeArg = (a: Args, field = 'office'): string => ident(a, field, isValidOfficeCode, 'office code');
