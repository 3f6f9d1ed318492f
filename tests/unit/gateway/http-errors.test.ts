// Every HTTP error path of the gateway, against the real express app with stub Fabric parts.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { samplesDir } from '../../../gateway/src/ncts/paths';
import { closeValidator } from '../../../gateway/src/ncts/xsd-validator';
import { MRN, startStubApp, type StubApp } from './stub-app';

import { declaration as fullDeclaration, newGrn } from '../../conformance/fixtures';

// A declaration the gateway's early checks pass (the stub ledger accepts anything after them).
const declaration = { ...fullDeclaration(newGrn()), lrn: 'LRN-1', holder: { identificationNumber: 'AZ1700123451', name: 'Ağ Şəhər MMC' } };

describe('gateway HTTP: error paths and write semantics (stub ledger)', function () {
  this.timeout(30000);
  let app: StubApp;
  let trader: string;
  before(async () => {
    app = await startStubApp();
    trader = await app.token('CustomsAZ', 'trader1');
  });
  after(async () => {
    await app.close();
    await closeValidator();
  });
  beforeEach(() => {
    app.submitted.length = 0;
    app.mode.pending = false;
  });

  const post = (p: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(app.url + p, { method: 'POST', body, headers: { authorization: `Bearer ${trader}`, 'content-type': 'application/json', ...headers } });

  async function expectError(res: Response, status: number, code: string) {
    expect(res.status, await res.clone().text()).to.equal(status);
    const body = (await res.json()) as { code: string; message: string; details: unknown };
    expect(body.code).to.equal(code);
    expect(body.message).to.be.a('string');
    expect(body.details).to.be.an('object');
    return body;
  }

  it('401 without a token, and with a token of another organisation', async () => {
    await expectError(await fetch(app.url + '/api/v1/movements'), 401, 'UNAUTHENTICATED');
    const foreign = await app.token('CustomsGE', 'trader1');
    await expectError(await fetch(app.url + '/api/v1/movements', { headers: { authorization: `Bearer ${foreign}` } }), 401, 'UNAUTHENTICATED');
  });

  it('413 above 1 MiB of JSON or 5 MiB of XML, before parsing', async () => {
    const json = '{"x":"' + 'a'.repeat(1024 * 1024 + 10) + '"}';
    const jsonRefusal = await post('/api/v1/movements', json);
    expect(jsonRefusal.status).to.equal(413);
    expect(((await jsonRefusal.json()) as { message: string }).message).to.contain('the limit for JSON');
    // the same 1 MiB as XML is only refused by the XSD, not by size
    const xml = `<x>${'a'.repeat(1024 * 1024 + 10)}</x>`;
    expect((await post('/api/v1/movements', xml, { 'content-type': 'application/xml' })).status).to.equal(400);
    await expectError(await post('/api/v1/movements', `<x>${'a'.repeat(5 * 1024 * 1024 + 10)}</x>`, { 'content-type': 'application/xml' }), 413, 'PAYLOAD_TOO_LARGE');
    expect(app.submitted).to.have.length(0);
  });

  it('415 for another media type or charset', async () => {
    await expectError(await post('/api/v1/movements', 'lrn=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(await post('/api/v1/movements', '{}', { 'content-type': 'application/json; charset=iso-8859-1' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(await post(`/api/v1/movements/${MRN}/release`, '<x/>', { 'content-type': 'application/xml' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const gz = await expectError(await post('/api/v1/movements', '{}', { 'content-encoding': 'gzip' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(gz.details).to.deep.equal({ contentEncoding: 'gzip' });
    expect(app.submitted).to.have.length(0);
  });

  it('refuses a UTF-8 BOM and UTF-16 bodies with a clear message', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(declaration))]);
    const b1 = await expectError(await post('/api/v1/movements', bom), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(b1.message).to.match(/byte order mark/);
    const utf16 = Buffer.from(JSON.stringify(declaration), 'utf16le');
    const b2 = await expectError(await post('/api/v1/movements', utf16), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(b2.message).to.match(/UTF-16/);
    expect(app.submitted).to.have.length(0);
  });

  it('400 for malformed JSON', async () => {
    await expectError(await post('/api/v1/movements', '{"lrn":'), 400, 'VALIDATION_FAILED');
  });

  it('400 naming element and line for an IE015 that fails the XSD; nothing is submitted', async () => {
    const xml = fs.readFileSync(path.join(samplesDir(), 'ie015-normal-t1.xml'), 'utf8').replace(/<LRN>[^<]*<\/LRN>/, '<LRN>LRN WITH SPACES AND FAR TOO LONG FOR IT</LRN>');
    const line = xml.split('\n').findIndex((l) => l.includes('<LRN>')) + 1;
    const body = await expectError(await post('/api/v1/movements', xml, { 'content-type': 'application/xml' }), 400, 'XML_SCHEMA_INVALID');
    const errors = (body.details as { errors: { line: number; element: string }[] }).errors;
    expect(errors[0]).to.include({ line, element: 'LRN' });
    expect(app.submitted).to.have.length(0);
  });

  it('accepts a valid IE015 and moves access codes to the transient map', async () => {
    const xml = fs.readFileSync(path.join(samplesDir(), 'ie015-normal-t1.xml'), 'utf8');
    const res = await post('/api/v1/movements', xml, { 'content-type': 'application/xml' });
    expect(res.status, await res.clone().text()).to.equal(201);
    const [sub] = app.submitted;
    expect(sub.transaction).to.equal('movement:Declare');
    // goods and parties travel in the transient map, never in the (block-recorded) arguments
    expect(sub.arg).to.deep.equal({});
    expect(sub.transient!.declaration).not.to.match(/accessCode/);
    expect(Object.values(JSON.parse(sub.transient!.accessCodes))[0]).to.match(/^[A-Za-z0-9]{4}$/);
  });

  it('202 Accepted with a status resource by default; 201 after commit with Prefer: wait', async () => {
    app.mode.pending = true;
    const res = await post('/api/v1/movements', JSON.stringify(declaration));
    expect(res.status).to.equal(202);
    const loc = res.headers.get('location')!;
    expect(loc).to.match(/^\/api\/v1\/transactions\/[0-9a-f]{64}$/);
    const status = await fetch(app.url + loc, { headers: { authorization: `Bearer ${trader}` } });
    expect(((await status.json()) as { state: string }).state).to.equal('PENDING');
    app.mode.pending = false;
    const waited = await post('/api/v1/movements', JSON.stringify({ ...declaration, lrn: 'LRN-2' }), { prefer: 'wait=5' });
    expect(waited.status).to.equal(201);
    expect(waited.headers.get('preference-applied')).to.equal('wait=5');
    expect(waited.headers.get('location')).to.equal(`/api/v1/movements/${MRN}`);
  });

  it('Idempotency-Key: same body → the first answer; another body → 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const body = JSON.stringify({ ...declaration, lrn: 'LRN-IDEM' });
    const a = await post('/api/v1/movements', body, { 'idempotency-key': 'k-1', prefer: 'wait=5' });
    const b = await post('/api/v1/movements', body, { 'idempotency-key': 'k-1', prefer: 'wait=5' });
    expect(a.status).to.equal(201);
    expect(b.status).to.equal(201);
    expect(b.headers.get('idempotent-replayed')).to.equal('true');
    expect(await b.text()).to.equal(await a.text());
    expect(app.submitted).to.have.length(1);
    await expectError(await post('/api/v1/movements', JSON.stringify({ ...declaration, lrn: 'OTHER' }), { 'idempotency-key': 'k-1' }), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('names in Cyrillic, Georgian, Azerbaijani and Uzbek Latin reach the ledger byte for byte', async () => {
    const names = ['ООО «Ташкент Текстиль»', 'შპს ბათუმის ნავსადგური', 'Gəncə Fındıq MMC', 'Oʻzbekiston Paxta AJ'];
    const body = JSON.stringify({ ...declaration, lrn: 'LRN-UTF8', holder: { identificationNumber: 'AZ1700123451', name: names.join(' / ') } });
    const res = await post('/api/v1/movements', body, { prefer: 'wait=5' });
    expect(res.status).to.equal(201);
    const sent = JSON.parse(app.submitted[0].transient!.declaration) as { holder: { name: string } };
    expect(Buffer.from(sent.holder.name, 'utf8').equals(Buffer.from(names.join(' / '), 'utf8'))).to.equal(true);
    expect(app.submitted[0].transient!.declaration).to.contain(names[3]); // U+02BB kept, not folded to an apostrophe
  });

  it('404 for an unknown action, 400 for a malformed MRN, 404 for an unknown route', async () => {
    await expectError(await post(`/api/v1/movements/${MRN}/teleport`, '{}'), 404, 'NOT_FOUND');
    await expectError(await post('/api/v1/movements/NOTANMRN/release', '{}'), 400, 'INVALID_IDENTIFIER');
    await expectError(await fetch(app.url + '/api/v1/nothing', { headers: { authorization: `Bearer ${trader}` } }), 404, 'NOT_FOUND');
  });

  it('400 for a date filter without a UTC offset', async () => {
    const res = await fetch(app.url + '/api/v1/movements?updatedSince=2025-03-10T12:00:00', { headers: { authorization: `Bearer ${trader}` } });
    const body = await expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.details).to.include({ field: 'updatedSince' });
    const ok = await fetch(app.url + '/api/v1/movements?updatedSince=2025-03-10T12:00:00%2B04:00', { headers: { authorization: `Bearer ${trader}` } });
    expect(ok.status).to.equal(200);
  });

  it('a holder may not list another holder (403)', async () => {
    await expectError(await fetch(app.url + '/api/v1/movements?holder=GE211345678', { headers: { authorization: `Bearer ${trader}` } }), 403, 'FORBIDDEN');
  });

  it('audit routes need an auditor, supervisor or admin role', async () => {
    await expectError(await fetch(app.url + '/api/v1/audit/blocks', { headers: { authorization: `Bearer ${trader}` } }), 403, 'FORBIDDEN_ROLE');
  });

  it('serves the OpenAPI 3.1 document, the docs page, the JWKS and metrics', async () => {
    const doc = (await (await fetch(app.url + '/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).to.equal('3.1.0');
    expect(doc.paths).to.have.property('/movements/{mrn}/{action}');
    expect(await (await fetch(app.url + '/api/v1/docs')).text()).to.contain('openapi.json');
    const jwks = (await (await fetch(app.url + '/.well-known/jwks.json')).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys[0].kid).to.equal('CustomsAZ-test');
    expect(jwks.keys[0].d).to.equal(undefined);
    const metrics = await (await fetch(app.url + '/metrics')).text();
    expect(metrics).to.match(/cats_http_requests_total\{method="POST",route="\/api\/v1\/movements",status="201"\} \d+/);
  });
});
