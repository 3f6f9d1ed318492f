// Malformed and hostile requests, by kind. Each kind builds one request; every one of them must be
// answered 4xx with a coded body and must not produce a transaction (no transactionId in the answer, and
// no ledger event that the normal traffic did not cause).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { issueToken } from '../gateway/src/auth/tokens';
import { samplesDir } from '../gateway/src/ncts/paths';
import type { NetworkFile } from '../network/src/network-file';
import { declaration } from '../tests/conformance/fixtures';
import type { Answer, Http } from './lib';

export interface HostileRequest {
  org: string;
  who: string | null;
  method: string;
  path: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  bearer?: string;
}

export interface HostileKind {
  name: string;
  /** the codes an answer may carry (any 4xx with one of these) */
  codes: string[];
  /** relative share of the full run; heavy kinds (5 MB bodies) are rarer */
  weight: number;
  build: (i: number) => HostileRequest;
}

export interface HostileTargets {
  /** a movement of CustomsAZ:trader1, declared and not yet released */
  mrn: string;
  grn: string;
}

export interface HostileTally {
  sent: number;
  fourxx: number;
  fivexx: number;
  other: number;
  wrongCode: number;
  /** 429 RATE_LIMITED: the user had used up his refusals (counted apart, never as a wrong code) */
  throttled: number;
  withTxId: number;
  codes: Record<string, number>;
  examples: string[];
  /** summed answer time, for the mean per kind */
  totalMs: number;
}

function withCheckDigitWrong(id: string): string {
  const last = id.slice(-1);
  const digits = '0123456789';
  const i = digits.indexOf(last);
  return id.slice(0, -1) + (i >= 0 ? digits[(i + 1) % 10] : last === 'A' ? 'B' : 'A');
}

export async function hostileKinds(network: NetworkFile, t: HostileTargets): Promise<HostileKind[]> {
  const sample = fs.readFileSync(path.join(samplesDir(), 'cats-ie015-az-ge-hazelnuts.xml'), 'utf8');
  const goodJson = JSON.stringify(declaration(t.grn));
  const expired = await issueToken(network, 'CustomsAZ', 'trader1', -120);
  const otherOrg = await issueToken(network, 'GuarantorPool', 'guarantor1');
  const real = await issueToken(network, 'CustomsAZ', 'trader1');
  const [h, p] = real.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'officer', sub: 'officer1' })).toString('base64url')}.${real.split('.')[2]}`;
  const alien = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const kid = (JSON.parse(Buffer.from(h, 'base64url').toString()) as { kid: string }).kid;
  const forged = await new SignJWT({ role: 'officer', offices: ['AZ000600'], traderId: null })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer('CustomsAZ').setAudience('cats:CustomsAZ').setSubject('officer1').setIssuedAt().setExpirationTime('10m')
    .sign(alien);
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, role: 'officer' })).toString('base64url')}.`;
  const hmacForged = await new SignJWT({ role: 'officer' }).setProtectedHeader({ alg: 'HS256', kid }).setIssuer('CustomsAZ').setAudience('cats:CustomsAZ').setSubject('officer1').setExpirationTime('10m').sign(new TextEncoder().encode('a-guessed-secret-of-32-bytes-ok!'));
  const forgedTokens = [tampered, forged, none, hmacForged, 'not.a.jwt', real.slice(0, -4) + 'AAAA'];
  const xmlHeaders = { 'content-type': 'application/xml' };
  const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><ncts:CC015C xmlns:ncts="http://ncts.dgtaxud.ec">&lol9;</ncts:CC015C>';
  // The sample has no XML declaration: the DTD goes first, as an attacker would send it.
  const xxe = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${sample.replace(/<\?xml[^>]*\?>\s*/, '').replace(/<LRN>[^<]*<\/LRN>/, '<LRN>&xxe;</LRN>')}`;
  const depth = 100_000;
  const deepJson = `{"declaration":{"lrn":"DEEP","consignment":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
  const deepObj = `{"declaration":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
  // 4.5 MB: a declaration whose goods list is huge and whose LRN is not an LRN (JSON is refused above 1 MiB)
  const hugeJson = JSON.stringify({ ...declaration(t.grn), lrn: 'L'.repeat(200), padding: Array.from({ length: 150_000 }, (_, i) => ({ n: i, d: 'goods' })) });
  const oversize = Buffer.alloc(5 * 1024 * 1024 + 1024, 0x20);
  const utf16 = Buffer.from(goodJson, 'utf16le');
  const bomJson = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goodJson)]);
  const bomXml = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
  const badMrn = withCheckDigitWrong(t.mrn);
  const badGrn = withCheckDigitWrong(t.grn);
  const az = 'CustomsAZ';
  // The hostile client is its own users (trader2, officer2, guarantor2), not the normal traffic's: the
  // gateway throttles a user whose requests keep being refused (http/refusal-budget.ts), as it should.
  const trader = 'CustomsAZ:trader2';
  return [
    { name: 'xml-not-well-formed', codes: ['XML_NOT_WELL_FORMED'], weight: 8, build: (i) => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', headers: xmlHeaders, body: sample.slice(0, 400 + (i % 500)) }) },
    { name: 'xml-not-schema-valid', codes: ['XML_SCHEMA_INVALID'], weight: 6, build: (i) => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', headers: xmlHeaders, body: sample.replace(/<LRN>[^<]*<\/LRN>/, `<LRN>LRN-${i}-FAR-TOO-LONG-FOR-THE-XSD-LIMIT</LRN>`) }) },
    { name: 'xml-billion-laughs', codes: ['XML_NOT_WELL_FORMED'], weight: 6, build: () => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', headers: xmlHeaders, body: lol }) },
    { name: 'xml-external-entity', codes: ['XML_NOT_WELL_FORMED'], weight: 6, build: () => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', headers: xmlHeaders, body: xxe }) },
    { name: 'json-malformed', codes: ['VALIDATION_FAILED'], weight: 8, build: (i) => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', body: goodJson.slice(0, 50 + (i % 300)) }) },
    { name: 'json-deeply-nested', codes: ['VALIDATION_FAILED'], weight: 3, build: (i) => ({ org: az, who: trader, method: 'POST', path: i % 2 ? '/api/v1/movements' : `/api/v1/movements/${t.mrn}/cancel`, body: i % 3 ? deepJson : deepObj }) },
    { name: 'json-huge', codes: ['PAYLOAD_TOO_LARGE'], weight: 0.5, build: () => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', body: hugeJson }) },
    { name: 'body-over-5MB', codes: ['PAYLOAD_TOO_LARGE'], weight: 0.5, build: () => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', body: oversize }) },
    { name: 'wrong-check-digit', codes: ['INVALID_IDENTIFIER'], weight: 8, build: (i) => (i % 2 ? { org: az, who: 'CustomsAZ:officer2', method: 'POST', path: `/api/v1/movements/${badMrn}/release`, body: '{"office":"AZ000600"}' } : { org: 'GuarantorPool', who: 'GuarantorPool:guarantor2', method: 'POST', path: `/api/v1/guarantees/${badGrn}/suspend`, body: '{"reason":"x"}' }) },
    { name: 'wrong-media-type', codes: ['UNSUPPORTED_MEDIA_TYPE'], weight: 8, build: (i) => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', headers: { 'content-type': ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'][i % 4] }, body: goodJson }) },
    { name: 'utf16-body', codes: ['UNSUPPORTED_MEDIA_TYPE'], weight: 6, build: (i) => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', headers: i % 2 ? { 'content-type': 'application/xml' } : undefined, body: i % 2 ? Buffer.from(sample, 'utf16le') : utf16 }) },
    { name: 'bom-body', codes: ['UNSUPPORTED_MEDIA_TYPE'], weight: 6, build: (i) => ({ org: az, who: trader, method: 'POST', path: '/api/v1/movements', headers: i % 2 ? { 'content-type': 'application/xml' } : undefined, body: i % 2 ? bomXml : bomJson }) },
    { name: 'token-expired', codes: ['UNAUTHENTICATED'], weight: 8, build: () => ({ org: az, who: null, bearer: expired, method: 'POST', path: '/api/v1/movements', body: goodJson }) },
    { name: 'token-forged', codes: ['UNAUTHENTICATED'], weight: 8, build: (i) => ({ org: az, who: null, bearer: forgedTokens[i % forgedTokens.length], method: 'POST', path: `/api/v1/movements/${t.mrn}/release`, body: '{"office":"AZ000600"}' }) },
    { name: 'token-other-organisation', codes: ['UNAUTHENTICATED'], weight: 8, build: () => ({ org: az, who: null, bearer: otherOrg, method: 'POST', path: `/api/v1/movements/${t.mrn}/release`, body: '{"office":"AZ000600"}' }) },
    { name: 'trader-on-other-traders-movement', codes: ['FORBIDDEN'], weight: 4, build: () => ({ org: az, who: 'CustomsAZ:trader2', method: 'POST', path: `/api/v1/movements/${t.mrn}/cancel`, body: '{"reason":"not mine"}' }) },
    { name: 'officer-for-another-countrys-office', codes: ['FORBIDDEN_OFFICE'], weight: 4, build: (i) => (i % 2 ? { org: 'CustomsGE', who: 'CustomsGE:officer2', method: 'POST', path: `/api/v1/movements/${t.mrn}/release`, body: '{"office":"AZ000600"}' } : { org: az, who: 'CustomsAZ:officer2', method: 'POST', path: `/api/v1/movements/${t.mrn}/release`, body: '{"office":"GE000600"}' }) },
  ];
}

export function newTally(): HostileTally {
  return { sent: 0, fourxx: 0, fivexx: 0, other: 0, wrongCode: 0, throttled: 0, withTxId: 0, codes: {}, examples: [], totalMs: 0 };
}

export function tallyAnswer(t: HostileTally, kind: HostileKind, a: Answer): void {
  t.sent++;
  t.totalMs += a.ms;
  const code = typeof a.json?.code === 'string' ? a.json.code : a.neterr ? `net:${a.neterr}` : `HTTP_${a.status}`;
  t.codes[code] = (t.codes[code] ?? 0) + 1;
  if (a.status >= 400 && a.status < 500) t.fourxx++;
  else if (a.status >= 500) t.fivexx++;
  else t.other++;
  if (code === 'RATE_LIMITED' && a.status === 429) t.throttled++;
  else if (!kind.codes.includes(code)) {
    t.wrongCode++;
    if (t.examples.length < 3) t.examples.push(`${a.status} ${a.body.slice(0, 160)}`);
  }
  if (a.json && ('transactionId' in a.json || /"transactionId"\s*:\s*"[0-9a-f]{64}"/.test(a.body))) t.withTxId++;
}

export async function sendHostile(http: Http, kind: HostileKind, i: number): Promise<Answer> {
  const r = kind.build(i);
  return http.call(r.org, r.who, r.method, r.path, { body: r.body, headers: r.headers, bearer: r.bearer, timeoutMs: 60_000 });
}

/** Picks kinds in proportion to their weights, deterministically, for n requests. */
export function schedule(kinds: HostileKind[], n: number): HostileKind[] {
  const total = kinds.reduce((s, k) => s + k.weight, 0);
  const out: HostileKind[] = [];
  for (const k of kinds) for (let i = 0; i < Math.max(1, Math.round((k.weight / total) * n)); i++) out.push(k);
  for (let i = 0; out.length < n; i++) out.push(kinds[i % kinds.length]); // rounding: exactly n
  out.length = Math.max(n, 0);
  // interleave
  return out.map((k, i) => ({ k, r: (i * 2654435761) % 4294967296 })).sort((a, b) => a.r - b.r).map((x) => x.k);
}
