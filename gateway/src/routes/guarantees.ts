// /api/v1/guarantees: issue (guarantor), read, balance (holder with its access code in the body, or the
// guarantor), suspend / reinstate / revoke, reservations, claims.
import { Router, type Request } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidAccessCode, isValidGrn, isValidMrn } from '../../../chaincode/src/domain/identifiers';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../auth/authenticate';
import { evaluate } from '../fabric/evaluate';
import { jsonBody } from '../http/media-type';
import { runWrite } from '../http/write';
import { orderingKey } from '../usecases/guarantee-ordering';

function grnParam(req: Request): string {
  const grn = req.params.grn as string;
  if (!isValidGrn(grn)) throw new CatsError('INVALID_IDENTIFIER', `'${grn}' is not a valid GRN`, { field: 'grn' });
  return grn;
}

function mrnParam(req: Request): string {
  const mrn = req.params.mrn as string;
  if (!isValidMrn(mrn)) throw new CatsError('INVALID_IDENTIFIER', `'${mrn}' is not a valid MRN`, { field: 'mrn' });
  return mrn;
}

function accessCodeTransient(code: unknown): Record<string, string> | undefined {
  if (code === undefined) return undefined;
  if (!isValidAccessCode(code)) throw new CatsError('VALIDATION_FAILED', 'accessCode: 4 alphanumerics expected', { field: 'accessCode' });
  return { accessCode: code };
}

const optionalBody = (req: Request): Record<string, unknown> => ((req.rawBody?.length ?? 0) > 0 ? jsonBody(req) : {});

export function guaranteeRoutes(deps: AppDeps): Router {
  const r = Router();
  r.post('/guarantees', (req, res) =>
    runWrite(deps, req, res, async () => {
      const { accessCode, ...body } = jsonBody(req);
      return {
        transaction: 'guarantee:Issue',
        arg: body,
        transient: accessCodeTransient(accessCode),
        subject: { grn: String(body.grn ?? '') },
        successStatus: 201,
        location: () => (typeof body.grn === 'string' ? `/api/v1/guarantees/${body.grn}` : undefined),
      };
    }),
  );
  r.get('/guarantees/:grn', async (req, res) => {
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'guarantee:Get', { grn: grnParam(req) }));
  });
  // A read, but POST: the access code is a secret and must not appear in a URL or an access log.
  r.post('/guarantees/:grn/balance', async (req, res) => {
    const grn = grnParam(req);
    const body = optionalBody(req);
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'guarantee:Balance', { grn }, accessCodeTransient(body.accessCode)));
  });
  r.get('/guarantees/:grn/reservations', async (req, res) => {
    const balance = (await evaluate(deps.fabric, principalOf(req).userId, 'guarantee:Balance', { grn: grnParam(req) })) as { reservations?: unknown };
    res.json({ grn: req.params.grn, reservations: balance?.reservations ?? [] });
  });
  for (const [action, transaction] of [
    ['suspend', 'guarantee:Suspend'],
    ['reinstate', 'guarantee:Reinstate'],
    ['revoke', 'guarantee:Revoke'],
  ] as const) {
    r.post(`/guarantees/:grn/${action}`, (req, res) =>
      runWrite(deps, req, res, async () => {
        const grn = grnParam(req);
        // the guarantee record is read by every declaration on it: ordered with them (usecases/guarantee-ordering.ts)
        return { transaction, arg: { ...optionalBody(req), grn }, subject: { grn }, orderingKeys: [orderingKey(grn)] };
      }),
    );
  }
  r.get('/guarantees/:grn/claims', async (req, res) => {
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'guarantee:ListClaims', { grn: grnParam(req) }));
  });
  r.post('/guarantees/:grn/claims', (req, res) =>
    runWrite(deps, req, res, async () => {
      const grn = grnParam(req);
      return { transaction: 'guarantee:RaiseClaim', arg: { ...jsonBody(req), grn }, subject: { grn }, successStatus: 201 };
    }),
  );
  r.get('/guarantees/:grn/claims/:mrn', async (req, res) => {
    res.json(await evaluate(deps.fabric, principalOf(req).userId, 'guarantee:GetClaim', { grn: grnParam(req), mrn: mrnParam(req) }));
  });
  for (const [action, transaction] of [
    ['accept', 'guarantee:AcceptClaim'],
    ['contest', 'guarantee:ContestClaim'],
    ['pay', 'guarantee:PayClaim'],
  ] as const) {
    r.post(`/guarantees/:grn/claims/:mrn/${action}`, (req, res) =>
      runWrite(deps, req, res, async () => {
        const grn = grnParam(req);
        const mrn = mrnParam(req);
        return { transaction, arg: { ...optionalBody(req), grn, mrn }, subject: { grn, mrn } };
      }),
    );
  }
  return r;
}
