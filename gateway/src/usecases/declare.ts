// Lodging a declaration (IE015 or its JSON form): checked at the gateway (XSD for XML), access codes moved
// to the transient map, submitted as movement:Declare under the holder's own identity. Nothing is
// submitted when the XML does not validate: the error names the element and the line. The declaration
// itself goes in the transient map (key `declaration`), never in the block.
import type { Request } from 'express';
import { canonicalJson } from '../../../chaincode/src/domain/canonical-json';
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { AppDeps } from '../app-deps';
import { endorsersFor, itineraryCountries } from '../fabric/endorsers';
import { bodyKind, bodyText, parseJsonObject } from '../http/media-type';
import type { WriteSpec } from '../http/write';
import { readIe015 } from '../ncts/ie015-reader';
import { buildIe028 } from '../ncts/ie028-writer';
import { ie056For } from '../ncts/rejection-answer';
import { assertValidXml } from '../ncts/xsd-validator';
import { principalOf } from '../auth/authenticate';
import { extractAccessCodes, transientOf } from './access-codes';
import { refuseDeclarationEarly } from './early-refusals';
import { grnsOfDeclaration, orderingKeysOf } from './guarantee-ordering';
import { toMovementView } from './movement-view';

export async function declarationFromRequest(req: Request): Promise<{ declaration: Declaration; accessCodes: Record<string, string>; messageIdentification?: string }> {
  const kind = bodyKind(req, ['json', 'xml']);
  const text = bodyText(req);
  if (kind === 'xml') {
    await assertValidXml(text, 'CC015C');
    const d = readIe015(text);
    return { ...extractAccessCodes(d), messageIdentification: d.messageIdentification };
  }
  const body = parseJsonObject(text);
  const raw = (body.declaration ?? body) as Record<string, unknown>;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new CatsError('VALIDATION_FAILED', 'declaration: a JSON object expected', { field: 'declaration' });
  const { accessCodes: _codes, declaration: _nested, ...declaration } = raw as Record<string, unknown>;
  return extractAccessCodes(declaration as unknown as Declaration, body.accessCodes);
}

export async function declareSpec(deps: AppDeps, req: Request): Promise<WriteSpec> {
  const { declaration, accessCodes, messageIdentification } = await declarationFromRequest(req);
  refuseDeclarationEarly(deps.config.network, principalOf(req), declaration);
  return {
    transaction: 'movement:Declare',
    // Goods and parties travel in the transient map: arguments are written into the blocks, which every
    // member reads; the chaincode keeps the details in the itinerary administrations' private collections.
    arg: {},
    transient: { ...transientOf(accessCodes), declaration: canonicalJson(declaration) },
    subject: { lrn: String(declaration.lrn ?? '') },
    endorsingOrganizations: endorsersFor(deps.config.network, deps.config.org, itineraryCountries(declaration)),
    orderingKeys: orderingKeysOf(grnsOfDeclaration(declaration)),
    successStatus: 201,
    xmlRejection: (err) => ie056For(toMovementView({}, declaration), '015', err, new Date().toISOString()),
    location: (r) => {
      const mrn = (r.result as { mrn?: unknown } | null)?.mrn;
      return typeof mrn === 'string' ? `/api/v1/movements/${mrn}` : undefined;
    },
    xmlAnswer: async (r) => {
      const movement = r.result as Record<string, unknown> | null;
      if (!movement?.mrn) return undefined;
      return buildIe028(toMovementView(movement, declaration), { at: String(movement.acceptedAt ?? r.completedAt), correlationIdentifier: messageIdentification });
    },
  };
}
