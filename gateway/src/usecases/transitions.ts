// One REST action per movement transition (POST /movements/{mrn}/{action}) → the chaincode transaction,
// with the trader messages that may carry it as NCTS XML and the NCTS answer a committed write gives.
// The body's fields are passed through; the chaincode validates them (it cannot trust a gateway). What the
// token and the index alone can refuse is refused first (early-refusals.ts).
import type { Request } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidMrn } from '../../../chaincode/src/domain/identifiers';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../auth/authenticate';
import { evaluate } from '../fabric/evaluate';
import { endorsersFor, itineraryCountries } from '../fabric/endorsers';
import { bodyKind, bodyText, parseJsonObject } from '../http/media-type';
import type { WriteSpec } from '../http/write';
import { readIe007 } from '../ncts/ie007-reader';
import { readIe013 } from '../ncts/ie013-reader';
import { readIe014 } from '../ncts/ie014-reader';
import { readIe044 } from '../ncts/ie044-reader';
import { readIe170 } from '../ncts/ie170-reader';
import { buildIe004 } from '../ncts/ie004-writer';
import { ie056For, ie057For } from '../ncts/rejection-answer';
import type { CatsError as LedgerError } from '../../../chaincode/src/domain/errors';
import { buildIe009 } from '../ncts/ie009-writer';
import { buildIe025 } from '../ncts/ie025-writer';
import { buildIe029 } from '../ncts/ie029-writer';
import { buildIe043 } from '../ncts/ie043-writer';
import { buildIe045 } from '../ncts/ie045-writer';
import { buildIe051 } from '../ncts/ie051-writer';
import type { AnswerContext } from '../ncts/message-envelope';
import type { MovementView } from '../ncts/movement-view';
import { assertValidXml } from '../ncts/xsd-validator';
import { canonicalJson } from '../../../chaincode/src/domain/canonical-json';
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { extractAccessCodes, transientOf } from './access-codes';
import { refuseTransitionEarly } from './early-refusals';
import { grnsOfDeclaration, grnsOfMovement, orderingKeysOf } from './guarantee-ordering';
import { toMovementView } from './movement-view';

type Fields = Record<string, unknown>;

interface Action {
  transaction: string;
  /** the trader message that may carry this action, and how it becomes the transaction's fields */
  xml?: { root: string; read: (xml: string) => Fields };
  answer?: (m: MovementView, ctx: AnswerContext, body: Fields) => string;
  needsDeclaration?: boolean;
  /** the transition credits back or settles the movement's reservations: ordered per GRN */
  closesReservations?: boolean;
}

const ACTIONS: Record<string, Action> = {
  release: { transaction: 'movement:Release', answer: (m, ctx) => buildIe029(m, ctx), needsDeclaration: true },
  refuse: { transaction: 'movement:RefuseRelease', closesReservations: true, answer: (m, ctx, b) => buildIe051(m, { motivationCode: String(b.motivationCode ?? '99').slice(0, 2), motivationText: String(b.reason ?? 'release refused') }, ctx) },
  control: { transaction: 'movement:DecideControl' },
  cross: { transaction: 'movement:RecordCrossing' },
  incident: { transaction: 'movement:RecordIncident' },
  arrival: {
    transaction: 'movement:NotifyArrival',
    xml: { root: 'CC007C', read: (x) => { const a = readIe007(x); return { ...a, office: a.officeOfDestination, messageIdentification: a.header.messageIdentification, header: undefined }; } },
  },
  'unloading-permission': { transaction: 'movement:GrantUnloading', answer: (m, ctx) => buildIe043(m, ctx), needsDeclaration: true },
  'unloading-remarks': {
    transaction: 'movement:RecordUnloadingRemarks',
    xml: { root: 'CC044C', read: (x) => { const a = readIe044(x); return { ...a, office: a.officeOfDestination, messageIdentification: a.header.messageIdentification, header: undefined }; } },
  },
  'control-results': { transaction: 'movement:RecordControlResults', answer: (m, ctx, b) => buildIe025(m, {}, ctx) },
  discrepancies: { transaction: 'movement:RecordDiscrepancies' },
  'discrepancies-resolved': { transaction: 'movement:ResolveDiscrepancies' },
  'write-off': { transaction: 'movement:WriteOff', closesReservations: true, answer: (m, ctx) => buildIe045(m, ctx) },
  enquiry: { transaction: 'movement:OpenEnquiry' },
  'enquiry-answer': { transaction: 'movement:AnswerEnquiry' },
  recovery: { transaction: 'movement:StartRecovery' },
  recovered: { transaction: 'movement:CompleteRecovery', closesReservations: true },
  amend: {
    transaction: 'movement:Amend',
    xml: { root: 'CC013C', read: (x) => { const a = readIe013(x); return { mrn: a.mrn, lrn: a.lrn, guaranteeOnly: a.guaranteeOnly, declaration: a.declaration, messageIdentification: a.header.messageIdentification }; } },
    answer: (m, ctx) => buildIe004(m, { amendmentSubmittedAt: ctx.at }, ctx),
  },
  cancel: {
    transaction: 'movement:RequestCancellation',
    closesReservations: true,
    xml: { root: 'CC014C', read: (x) => { const a = readIe014(x); return { ...a, office: a.officeOfDeparture, reason: a.justification, messageIdentification: a.header.messageIdentification, header: undefined }; } },
    answer: (m, ctx, b) => buildIe009(m, { decision: true, initiatedByCustoms: false, requestedAt: b.requestDateAndTime as string | undefined, justification: b.reason as string | undefined }, ctx),
  },
  invalidate: { transaction: 'movement:Invalidate', closesReservations: true },
  present: {
    transaction: 'movement:Present',
    xml: { root: 'CC170C', read: (x) => { const a = readIe170(x); return { ...a, office: a.officeOfDeparture, messageIdentification: a.header.messageIdentification, header: undefined }; } },
  },
};

export const ACTION_NAMES = Object.keys(ACTIONS);

function actionOf(name: string): Action {
  const a = Object.prototype.hasOwnProperty.call(ACTIONS, name) ? ACTIONS[name] : undefined;
  if (!a) throw new CatsError('NOT_FOUND', `no action '${name}' on a movement (known: ${ACTION_NAMES.join(', ')})`, { action: name });
  return a;
}

function stripUndefined(o: Fields): Fields {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export async function transitionSpec(deps: AppDeps, req: Request, mrn: string, actionName: string): Promise<WriteSpec> {
  const action = actionOf(actionName);
  if (!isValidMrn(mrn)) throw new CatsError('INVALID_IDENTIFIER', `'${mrn}' is not a valid MRN`, { field: 'mrn' });
  let fields: Fields = {};
  const hasBody = (req.rawBody?.length ?? 0) > 0;
  if (hasBody) {
    const kind = bodyKind(req, action.xml ? ['json', 'xml'] : ['json']);
    const text = bodyText(req);
    if (kind === 'xml' && action.xml) {
      await assertValidXml(text, action.xml.root);
      fields = action.xml.read(text);
      if (typeof fields.mrn === 'string' && fields.mrn !== mrn) {
        throw new CatsError('VALIDATION_FAILED', `the message is about ${fields.mrn}, not ${mrn}`, { field: 'MRN' });
      }
    } else fields = parseJsonObject(text);
  }
  let transient: Record<string, string> | undefined;
  let endorsingOrganizations: string[] | undefined;
  if (actionName === 'amend' && fields.declaration && typeof fields.declaration === 'object') {
    // As for Declare: the amended declaration and the access codes go in the transient map only.
    const { declaration, accessCodes } = extractAccessCodes(fields.declaration as Declaration, fields.accessCodes);
    fields = { ...fields, declaration: undefined, accessCodes: undefined };
    transient = { ...transientOf(accessCodes), declaration: canonicalJson(declaration) };
    endorsingOrganizations = endorsersFor(deps.config.network, deps.config.org, itineraryCountries(declaration));
  }
  const arg = stripUndefined({ ...fields, mrn });
  const principal = principalOf(req);
  const indexed = await deps.index.getMovement(mrn);
  refuseTransitionEarly(deps.config.org, principal, actionName, fields, indexed);
  let grns: string[] = [];
  // The index names the guarantees a movement has used (a superset after an amendment: ordering a little
  // more than needed is harmless); the ledger is asked only when the index does not know them yet, or for
  // an amendment, which may change them. Saves an evaluate per write-off (issue 7).
  if (action.closesReservations && indexed?.grns.length) grns = [...indexed.grns].sort();
  else if (action.closesReservations || actionName === 'amend') grns = await grnsOfMovement(deps, principal.userId, mrn);
  if (actionName === 'amend' && transient?.declaration) grns = [...new Set([...grns, ...grnsOfDeclaration(JSON.parse(transient.declaration) as Declaration)])].sort();
  return {
    transaction: action.transaction,
    arg,
    transient,
    endorsingOrganizations,
    orderingKeys: orderingKeysOf(grns),
    subject: { mrn },
    successStatus: 200,
    xmlRejection: action.xml ? (err) => rejectionOf(action.xml!.root, mrn, fields, principal.traderId ?? undefined, err) : undefined,
    xmlAnswer: action.answer
      ? async (r) => {
          const got = (await evaluate(deps.fabric, principal.userId, 'movement:Get', { mrn })) as Fields;
          const movement = (got.movement as Fields | undefined) ?? got;
          // IE029 and IE043 repeat the declaration: customs read it from their private collection.
          const details = action.needsDeclaration
            ? ((await evaluate(deps.fabric, principal.userId, 'movement:GetDetails', { mrn }).catch(() => undefined)) as Fields | undefined)
            : undefined;
          if (details?.declaration) got.declaration = details.declaration;
          const at = (r.result as Fields | null)?.timestamp ?? r.completedAt ?? new Date().toISOString();
          return action.answer!(toMovementView(movement, got.declaration as Declaration | undefined), { at: String(at), correlationIdentifier: fields.messageIdentification as string | undefined }, fields);
        }
      : undefined,
  };
}

/** IE056 for messages to the office of departure (IE013, IE014, IE170), IE057 for IE007 and IE044. */
function rejectionOf(root: string, mrn: string, fields: Fields, traderId: string | undefined, err: LedgerError): string | undefined {
  const type = root.slice(2, 5);
  const view = toMovementView({ mrn, lrn: typeof fields.lrn === 'string' ? fields.lrn : '' });
  const at = new Date().toISOString();
  if (type === '007' || type === '044') {
    const office = typeof fields.office === 'string' ? fields.office : '';
    return office ? ie057For(view, type, office, traderId ?? String(fields.traderAtDestination ?? ''), err, at) : undefined;
  }
  if (type === '013' || type === '014' || type === '170') return ie056For(view, type, err, at);
  return undefined;
}
