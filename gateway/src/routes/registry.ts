// /api/v1/offices, /countries, /organisations: the registry on the ledger, read as the caller.
import { Router } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidCountryCode, isValidOfficeCode } from '../../../chaincode/src/domain/identifiers';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../auth/authenticate';
import { evaluate } from '../fabric/evaluate';

export function registryRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/offices', async (req, res) => {
    const { country, role } = req.query;
    if (country !== undefined && !isValidCountryCode(country)) throw new CatsError('INVALID_IDENTIFIER', 'country: ISO alpha-2 expected', { field: 'country' });
    if (role !== undefined && typeof role !== 'string') throw new CatsError('VALIDATION_FAILED', 'role: give it once', { field: 'role' });
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'registry:ListOffices', { country, role }));
  });
  r.get('/offices/:code', async (req, res) => {
    if (!isValidOfficeCode(req.params.code)) throw new CatsError('INVALID_IDENTIFIER', `'${req.params.code}' is not an office code`, { field: 'code' });
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'registry:GetOffice', { code: req.params.code }));
  });
  r.get('/countries', async (req, res) => {
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'registry:ListCountries', {}));
  });
  r.get('/organisations', async (req, res) => {
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'registry:ListOrganisations', {}));
  });
  r.get('/parameters', async (req, res) => {
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'registry:GetParameters', {}));
  });
  return r;
}
