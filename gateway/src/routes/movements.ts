// /api/v1/movements: lodge, list (index), read (ledger), and one POST per transition.
import { Router } from 'express';
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { tadContent } from '../tad/tad-boxes';
import type { TadSource } from '../tad/tad-source';
import type * as TadPdf from '../tad/tad-pdf';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { evaluate } from '../fabric/evaluate';
import { runWrite } from '../http/write';
import { declareSpec } from '../usecases/declare';
import { listMovements } from '../usecases/list-movements';
import { checkMrn, readMovement } from '../usecases/movement-read';
import { transitionSpec } from '../usecases/transitions';

export function movementRoutes(deps: AppDeps): Router {
  const r = Router();
  r.post('/movements', (req, res) => runWrite(deps, req, res, () => declareSpec(deps, req)));
  r.get('/movements', async (req, res) => {
    res.json(await listMovements(deps, principalOf(req), req.query as Record<string, unknown>));
  });
  // An IE170 (presentation of pre-lodged goods) names its declaration by LRN, as NCTS correlates it: the
  // holder's own LRN for a trader, customs name the holder (?holder=).
  r.get('/movements/by-lrn/:lrn', async (req, res) => {
    const holder = req.query.holder;
    if (holder !== undefined && typeof holder !== 'string') throw new CatsError('VALIDATION_FAILED', 'holder: give it once', { field: 'holder' });
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'movement:GetByLrn', { lrn: req.params.lrn, holderId: holder }));
  });
  r.get('/movements/:mrn', async (req, res) => {
    res.json(await readMovement(deps, principalOf(req), req.params.mrn));
  });
  r.get('/movements/:mrn/details', async (req, res) => {
    res.json(await readDetails(deps, principalOf(req), req.params.mrn));
  });
  // The transit accompanying document as PDF, for the web console; the same renderer as `cats tad`.
  r.get('/movements/:mrn/tad', async (req, res) => {
    const p = principalOf(req);
    const body = (await readMovement(deps, p, req.params.mrn)) as Record<string, unknown>;
    const movement = ((body.movement as Record<string, unknown> | undefined) ?? body) as Record<string, unknown>;
    const details = (await readDetails(deps, p, req.params.mrn).catch((err: unknown) => {
      if (err instanceof CatsError && (err.status === 403 || err.status === 404)) return undefined; // printed without goods and parties
      throw err;
    })) as { declaration?: Declaration } | undefined;
    const source: TadSource = { mrn: req.params.mrn, movement, declaration: details?.declaration, detailsWithheld: details ? undefined : 'not entitled to the consignment details' };
    // pdfkit and bwip-js weigh some 30 MB: loaded on the first TAD asked for, not by every gateway at start.
    const { renderTad } = require('../tad/tad-pdf') as typeof TadPdf;
    const pdf = await renderTad(tadContent(source));
    res.type('application/pdf').set('Content-Disposition', `attachment; filename="TAD-${req.params.mrn}.pdf"`).send(pdf);
  });
  r.post('/movements/:mrn/:action', (req, res) => runWrite(deps, req, res, () => transitionSpec(deps, req, req.params.mrn, req.params.action)));
  return r;
}

/**
 * The consignment details (parties, goods, seals) of a movement, for the transit accompanying document.
 * Only customs and holders see them (spec §1). Customs read them from their own implicit collection as themselves (the chaincode decides). The
 * chaincode lets no trader read a collection, so for the holder the gateway of its own administration
 * reads them with its service identity, once the ledger has confirmed (movement:Get as the holder) that
 * the caller is the movement's holder.
 */
async function readDetails(deps: AppDeps, p: Principal, mrn: string): Promise<unknown> {
  checkMrn(mrn);
  if (deps.config.org.kind !== 'CUSTOMS') {
    throw new CatsError('FORBIDDEN', 'consignment details are kept by the customs administrations of the itinerary and the holder only', { field: 'mrn' });
  }
  if (p.role !== 'trader') return evaluate(deps.fabric, p.userId, 'movement:GetDetails', { mrn });
  const got = (await evaluate(deps.fabric, p.userId, 'movement:Get', { mrn })) as { movement?: { holderId?: string }; holderId?: string };
  const holderId = got.movement?.holderId ?? got.holderId;
  if (!p.traderId || holderId !== p.traderId) throw new CatsError('FORBIDDEN', `mrn: movement ${mrn} belongs to another holder`, { field: 'mrn' });
  return evaluate(deps.fabric, deps.config.serviceUser, 'movement:GetDetails', { mrn });
}
