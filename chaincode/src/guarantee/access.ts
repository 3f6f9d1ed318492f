// Who may read a guarantee: customs, auditors, its guarantor, and its holder (the balance needs the access code).

import type { Context } from 'fabric-contract-api';
import { type Caller, requireOrganisation } from '../access/caller';
import { CatsError } from '../domain/errors';
import type { Guarantee } from './model';

export async function requireReader(ctx: Context, caller: Caller, g: Guarantee): Promise<'CUSTOMS' | 'AUDITOR' | 'GUARANTOR' | 'HOLDER'> {
  const org = await requireOrganisation(ctx, caller);
  if (caller.role === 'trader') {
    if (caller.traderId === g.holderId) return 'HOLDER';
  } else if (org.kind === 'CUSTOMS' && caller.role) return 'CUSTOMS';
  else if (org.kind === 'AUDITOR' || caller.role === 'auditor') return 'AUDITOR';
  else if (org.kind === 'GUARANTOR' && caller.mspId === g.guarantorMspId) return 'GUARANTOR';
  throw new CatsError('FORBIDDEN', `grn: the caller may not read guarantee ${g.grn}`, { field: 'grn' });
}

/** The guarantor that issued `g`, acting with the guarantor role. */
export async function requireIssuer(ctx: Context, caller: Caller, g: Guarantee): Promise<void> {
  const org = await requireOrganisation(ctx, caller);
  if (org.kind !== 'GUARANTOR' || caller.role !== 'guarantor' || caller.mspId !== g.guarantorMspId) {
    throw new CatsError('FORBIDDEN', `grn: only the guarantor ${g.guarantorMspId} may change guarantee ${g.grn}`, { field: 'grn' });
  }
}
