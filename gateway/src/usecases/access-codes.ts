// Access codes are secrets of the holder: they travel to the chaincode in the transient map only (never
// in the arguments, so never on the ledger or in a block), as {grn: code}.
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidAccessCode, isValidGrn } from '../../../chaincode/src/domain/identifiers';

/** Removes every accessCode from the declaration's guarantee references and returns them by GRN. */
export function extractAccessCodes(d: Declaration, extra: unknown = undefined): { declaration: Declaration; accessCodes: Record<string, string> } {
  const accessCodes: Record<string, string> = {};
  if (extra !== undefined) {
    if (!extra || typeof extra !== 'object' || Array.isArray(extra)) throw new CatsError('VALIDATION_FAILED', 'accessCodes: an object {grn: code} expected', { field: 'accessCodes' });
    for (const [grn, code] of Object.entries(extra as Record<string, unknown>)) {
      if (!isValidGrn(grn)) throw new CatsError('INVALID_IDENTIFIER', `accessCodes: '${grn}' is not a GRN`, { field: 'accessCodes' });
      if (!isValidAccessCode(code)) throw new CatsError('VALIDATION_FAILED', `accessCodes.${grn}: 4 alphanumerics expected`, { field: `accessCodes.${grn}` });
      accessCodes[grn] = code;
    }
  }
  const guarantees = (Array.isArray(d.guarantees) ? d.guarantees : []).map((g) => ({
    ...g,
    references: (Array.isArray(g?.references) ? g.references : []).map((r) => {
      const { accessCode, ...rest } = r;
      if (accessCode !== undefined && r.grn) {
        if (!isValidAccessCode(accessCode)) throw new CatsError('VALIDATION_FAILED', `access code for ${r.grn}: 4 alphanumerics expected`, { field: 'guarantees.references.accessCode' });
        accessCodes[r.grn] ??= accessCode;
      }
      return rest;
    }),
  }));
  return { declaration: { ...d, guarantees }, accessCodes };
}

export function transientOf(accessCodes: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(accessCodes).length ? { accessCodes: JSON.stringify(accessCodes) } : undefined;
}
