// The OpenAPI 3.1 description of /api/v1, written by hand: small enough to read, and it says what the
// gateway actually does (media types, idempotency, Prefer: wait, the closed error set).
import { ERROR_STATUS } from '../../../chaincode/src/domain/errors';
import { MOVEMENT_STATUSES } from '../../../chaincode/src/domain/roles';
import { ACTION_NAMES } from '../usecases/transitions';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });

const writeResponses = (created = false) => ({
  [created ? '201' : '200']: { description: 'Committed (with Prefer: wait=N). NCTS XML when Accept: application/xml.', content: { 'application/json': { schema: ref('Transaction') }, 'application/xml': { schema: { type: 'string' } } } },
  '202': { description: 'Accepted: submitted for ordering; poll the status resource in Location.', headers: { Location: { schema: { type: 'string' } } }, content: { 'application/json': { schema: ref('Transaction') } } },
  '400': err('Validation failed (identifier, JSON, XML well-formedness or XSD: errors name element and line)'),
  '401': err('Missing, expired or foreign token'),
  '403': err('Role, office or access code not allowed'),
  '404': err('Unknown movement / guarantee'),
  '409': err('Duplicate LRN, state transition not allowed, out of sequence'),
  '413': err('Body above 1 MiB of JSON or 5 MiB of XML (refused before parsing)'),
  '415': err('Not application/json or application/xml, not UTF-8, a BOM, or a compressed body (Content-Encoding)'),
  '422': err('Business rule (guarantee, office, country) or IDEMPOTENCY_KEY_REUSED'),
  '429': err('RATE_LIMITED: too many of this user\'s requests were refused lately; send again after Retry-After seconds'),
  '503': err('Peer unreachable or the ledger busy (retry)'),
  '504': err('Timeout'),
});

const writeParams = [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/Prefer' }, { $ref: '#/components/parameters/MinBlock' }];
const mrnParam = { name: 'mrn', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{2}[A-Z]{2}[A-Z0-9]{12}[JKLM][0-9]$' } };
const grnParam = { name: 'grn', in: 'path', required: true, schema: { type: 'string', minLength: 17, maxLength: 24 } };
const q = (name: string, description: string, schema: unknown = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const body = (kinds: ('json' | 'xml')[], description: string) => ({
  required: true,
  description,
  content: Object.fromEntries(kinds.map((k) => (k === 'json' ? ['application/json', { schema: { type: 'object' } }] : ['application/xml', { schema: { type: 'string' } }]))),
});

export function openApiDocument(orgName: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    '/movements': {
      post: {
        summary: 'Lodge a transit declaration (IE015 or JSON)', tags: ['movements'], parameters: writeParams,
        requestBody: body(['json', 'xml'], 'JSON: the Declaration (access codes in guarantee references or in accessCodes {grn: code}); XML: an IE015 (CC015C) validated against the XSD'),
        responses: writeResponses(true),
      },
      get: {
        summary: 'List movements (off-chain index)', tags: ['movements'],
        parameters: [
          q('status', 'movement status', { enum: [...MOVEMENT_STATUSES] }), q('office', 'office code on the itinerary'), q('holder', 'holder trader id'), q('country', 'country on the itinerary'),
          q('updatedSince', 'ISO 8601 with explicit UTC offset (Z or ±hh:mm)', { type: 'string', format: 'date-time' }), q('updatedUntil', 'ISO 8601 with explicit UTC offset', { type: 'string', format: 'date-time' }),
          q('limit', '1–200, default 50', { type: 'integer' }), q('cursor', 'nextCursor of the previous page'),
        ],
        responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('MovementSummary') }, nextCursor: { type: ['string', 'null'] } } }), '400': err('Bad filter') },
      },
    },
    '/movements/{mrn}': { get: { summary: 'A movement with its timeline and the messages exchanged', tags: ['movements'], parameters: [mrnParam], responses: { '200': json({ type: 'object' }), '404': err('Unknown MRN') } } },
    '/movements/{mrn}/details': { get: { summary: 'The consignment details (parties, goods, seals): customs of the itinerary and the holder only', tags: ['movements'], parameters: [mrnParam], responses: { '200': json({ type: 'object' }), '403': err('Not entitled to the details'), '404': err('Unknown MRN') } } },
    '/movements/{mrn}/tad': { get: { summary: 'The transit accompanying document as PDF (MRN as Code 128)', tags: ['movements'], parameters: [mrnParam], responses: { '200': { description: 'the PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, '404': err('Unknown MRN') } } },
    '/movements/by-lrn/{lrn}': { get: { summary: 'A movement by the holder\'s LRN (customs give ?holder=)', tags: ['movements'], parameters: [{ name: 'lrn', in: 'path', required: true, schema: { type: 'string', maxLength: 22 } }, { name: 'holder', in: 'query', required: false, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), '404': err('Unknown LRN') } } },
    '/movements/{mrn}/{action}': {
      post: {
        summary: 'One state transition', tags: ['movements'],
        description: 'arrival accepts IE007, amend IE013, cancel IE014, present IE170, unloading-remarks IE044 as application/xml. Answers in XML: release IE029, refuse IE051, write-off IE045, amend IE004, cancel IE009, unloading-permission IE043, control-results IE025.',
        parameters: [mrnParam, { name: 'action', in: 'path', required: true, schema: { enum: ACTION_NAMES } }, ...writeParams],
        requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { office: { type: 'string' } } } }, 'application/xml': { schema: { type: 'string' } } } },
        responses: writeResponses(),
      },
    },
    '/guarantees': { post: { summary: 'Issue a guarantee (guarantor); accessCode in the body goes to the transient map', tags: ['guarantees'], parameters: writeParams, requestBody: body(['json'], 'grn, type, holderId, referenceAmount, countries, validFrom, validTo, shares, accessCode'), responses: writeResponses(true) } },
    '/guarantees/{grn}': { get: { summary: 'A guarantee', tags: ['guarantees'], parameters: [grnParam], responses: { '200': json({ type: 'object' }), '404': err('Unknown GRN') } } },
    '/guarantees/{grn}/balance': { post: { summary: 'Balance (IE034/IE037): holder with {accessCode}, or the guarantor', tags: ['guarantees'], parameters: [grnParam], requestBody: body(['json'], '{accessCode}'), responses: { '200': json({ type: 'object' }), '403': err('Access code mismatch') } } },
    '/guarantees/{grn}/reservations': { get: { summary: 'Reservations per MRN', tags: ['guarantees'], parameters: [grnParam], responses: { '200': json({ type: 'object' }) } } },
    '/guarantees/{grn}/suspend': { post: { summary: 'Suspend', tags: ['guarantees'], parameters: [grnParam, ...writeParams], responses: writeResponses() } },
    '/guarantees/{grn}/reinstate': { post: { summary: 'Reinstate', tags: ['guarantees'], parameters: [grnParam, ...writeParams], responses: writeResponses() } },
    '/guarantees/{grn}/revoke': { post: { summary: 'Revoke', tags: ['guarantees'], parameters: [grnParam, ...writeParams], responses: writeResponses() } },
    '/guarantees/{grn}/claims': {
      get: { summary: 'Claims on a guarantee', tags: ['claims'], parameters: [grnParam], responses: { '200': json({ type: 'array' }) } },
      post: { summary: 'Raise a claim {mrn, office, amount, evidenceHash}', tags: ['claims'], parameters: [grnParam, ...writeParams], requestBody: body(['json'], 'claim'), responses: writeResponses(true) },
    },
    '/guarantees/{grn}/claims/{mrn}': { get: { summary: 'One claim', tags: ['claims'], parameters: [grnParam, mrnParam], responses: { '200': json({ type: 'object' }) } } },
    '/guarantees/{grn}/claims/{mrn}/accept': { post: { summary: 'Accept a claim', tags: ['claims'], parameters: [grnParam, mrnParam, ...writeParams], responses: writeResponses() } },
    '/guarantees/{grn}/claims/{mrn}/contest': { post: { summary: 'Contest a claim {reason}', tags: ['claims'], parameters: [grnParam, mrnParam, ...writeParams], responses: writeResponses() } },
    '/guarantees/{grn}/claims/{mrn}/pay': { post: { summary: 'Pay a claim (split over shares)', tags: ['claims'], parameters: [grnParam, mrnParam, ...writeParams], responses: writeResponses() } },
    '/offices': { get: { summary: 'Customs offices', tags: ['registry'], parameters: [q('country', 'ISO alpha-2'), q('role', 'DEP, DES, TRA, EXT')], responses: { '200': json({ type: 'array' }) } } },
    '/offices/{code}': { get: { summary: 'One office', tags: ['registry'], parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }) } } },
    '/countries': { get: { summary: 'Member countries with status and mode', tags: ['registry'], responses: { '200': json({ type: 'array' }) } } },
    '/organisations': { get: { summary: 'Organisations on the network', tags: ['registry'], responses: { '200': json({ type: 'array' }) } } },
    '/parameters': { get: { summary: 'Ledger parameters (time limits)', tags: ['registry'], responses: { '200': json({ type: 'object' }) } } },
    '/transactions/{id}': { get: { summary: 'Status resource of a write (supports Prefer: wait=N)', tags: ['transactions'], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { $ref: '#/components/parameters/Prefer' }], responses: { '200': json(ref('Transaction')), '404': err('Unknown') } } },
    '/events': { get: { summary: 'Pull feed of ledger events (index order)', tags: ['events'], parameters: [q('after', "cursor '<block>.<n>'"), q('limit', '1–500', { type: 'integer' })], responses: { '200': json({ type: 'object' }) } } },
    '/webhooks': {
      post: { summary: 'Subscribe {url, events?, secret?}; deliveries are POSTed with X-Cats-Event-Id and X-Cats-Signature: t=<ts>,v1=<HMAC-SHA256(secret, "<ts>.<body>")>, retried with backoff, at least once', tags: ['events'], requestBody: body(['json'], 'subscription'), responses: { '201': json({ type: 'object' }) } },
      get: { summary: 'My subscriptions', tags: ['events'], responses: { '200': json({ type: 'object' }) } },
    },
    '/webhooks/{id}': { delete: { summary: 'Unsubscribe', tags: ['events'], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'Deleted' } } } },
    '/audit/movements/{mrn}': { get: { summary: 'Full history of a movement (auditor, supervisor, admin)', tags: ['audit'], parameters: [mrnParam], responses: { '200': json({ type: 'object' }) } } },
    '/audit/guarantees/{grn}': { get: { summary: 'A guarantee with its events', tags: ['audit'], parameters: [grnParam], responses: { '200': json({ type: 'object' }) } } },
    '/audit/blocks': { get: { summary: 'Verify blocks from..to: data hash, hash chain, endorsement and creator signatures', tags: ['audit'], parameters: [q('from', 'block number', { type: 'integer' }), q('to', 'block number', { type: 'integer' })], responses: { '200': json({ type: 'object' }) } } },
  };
  return {
    openapi: '3.1.0',
    info: { title: `CATS/ICE gateway of ${orgName}`, version: '1.0.0', description: 'REST gateway of one organisation on the CATS/ICE transit ledger. Tokens: ES256 JWTs signed by this organisation (JWKS at /.well-known/jwks.json), aud cats:<Org>, 15 minutes.' },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      parameters: {
        IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, description: 'Same key + same body → the first answer again; same key + another body → 422 IDEMPOTENCY_KEY_REUSED', schema: { type: 'string', maxLength: 255 } },
        MinBlock: { name: 'X-Cats-Min-Block', in: 'header', required: false, description: 'Block number of the caller\'s last committed write (blockNumber of its transaction): this gateway waits, at most 5 s, until its own peer has that block before running the request (read-your-writes across organisations); still behind after that (or more than 2000 blocks behind at once), it answers 503 NETWORK_UNAVAILABLE and does nothing. Accepted on every /api/v1 request.', schema: { type: 'string', pattern: '^[0-9]{1,18}$' } },
        Prefer: { name: 'Prefer', in: 'header', required: false, description: 'wait=<seconds>: wait for the commit (max 60) instead of 202', schema: { type: 'string', example: 'wait=10' } },
      },
      schemas: {
        Error: { type: 'object', required: ['code', 'message', 'details'], properties: { code: { enum: Object.keys(ERROR_STATUS) }, message: { type: 'string' }, details: { type: 'object' } }, description: `HTTP status per code: ${Object.entries(ERROR_STATUS).map(([c, s]) => `${c} ${s}`).join(', ')}` },
        Transaction: { type: 'object', properties: { id: { type: 'string' }, transaction: { type: 'string' }, state: { enum: ['PENDING', 'COMMITTED', 'FAILED'] }, transactionId: { type: 'string' }, transactionIds: { type: 'array', items: { type: 'string' } }, blockNumber: { type: 'string' }, result: {}, error: ref('Error') } },
        MovementSummary: { type: 'object', properties: { mrn: { type: 'string' }, lrn: { type: 'string' }, status: { type: 'string' }, holder: { type: 'string' }, offices: { type: 'array', items: { type: 'string' } }, countries: { type: 'array', items: { type: 'string' } }, updatedAt: { type: 'string', format: 'date-time' } } },
      },
    },
  };
}
