// The guarantees the scenario's movements use, issued by the GuarantorPool guarantor before anything is
// declared (a guarantee already on the ledger from an earlier run is reused as it is), and the balance
// a holder reads with its access code.
import { ApiError, type ApiClient } from '../../api-client';
import type { Balance } from './types';

export interface GuaranteeSpec {
  grn: string;
  accessCode: string;
  type: '1' | '2';
  holderId: string;
  /** reference amount in minor units */
  amount: string;
  currency: string;
  countries: string[];
  description: string;
}

export const PILOT_GUARANTEES: Record<'hazelnuts' | 'wine' | 'cotton', GuaranteeSpec> = {
  hazelnuts: {
    grn: '25AZ0000000000715', accessCode: '7K2Q', type: '1', holderId: 'AZ1700123451', amount: '50000000', currency: 'USD', countries: ['AZ', 'GE'],
    description: 'comprehensive, 500,000.00 USD, AZ and GE',
  },
  wine: {
    grn: '25GE0000000033182', accessCode: 'W1N3', type: '2', holderId: 'GE211345678', amount: '2740000', currency: 'USD', countries: ['GE', 'AZ'],
    description: 'individual, 27,400.00 USD (the amount of the declaration), GE and AZ',
  },
  // Turkmenistan is not on the registry, so a guarantee cannot name it yet: valid in the three members.
  cotton: {
    grn: '25UZ0000000004126', accessCode: 'P9X4', type: '1', holderId: 'UZ305421987', amount: '25000000', currency: 'USD', countries: ['UZ', 'AZ', 'GE'],
    description: 'comprehensive, 250,000.00 USD, UZ, AZ and GE',
  },
};

/** Issues the guarantee unless the ledger has it; true when it was issued now. */
export async function ensureGuarantee(guarantor: ApiClient, g: GuaranteeSpec): Promise<boolean> {
  try {
    await guarantor.get(`/guarantees/${g.grn}`);
    return false;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
  }
  await guarantor.submit('/guarantees', {
    body: {
      grn: g.grn,
      type: g.type,
      holderId: g.holderId,
      referenceAmount: { amount: g.amount, currency: g.currency },
      countries: g.countries,
      validFrom: '2025-01-01',
      validTo: '2030-12-31',
      accessCode: g.accessCode,
    },
  });
  return true;
}

/** The holder's view of the balance: POST with the access code in the body (never in a URL). */
export function balanceOf(holder: ApiClient, g: GuaranteeSpec): Promise<Balance> {
  return holder.post<Balance>(`/guarantees/${g.grn}/balance`, { accessCode: g.accessCode }, { waitSeconds: undefined });
}
