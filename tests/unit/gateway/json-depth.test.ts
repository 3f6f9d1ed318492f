// Deeply nested JSON bodies are refused with 400 before they are parsed (they used to reach the recursive
// walks after JSON.parse and come back as 500 "Maximum call stack size exceeded").
import { expect } from 'chai';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../../gateway/src/http/media-type';
import { closeValidator } from '../../../gateway/src/ncts/xsd-validator';
import { MRN, startStubApp, type StubApp } from './stub-app';

describe('gateway HTTP: JSON nesting depth', function () {
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

  it('counts depth outside strings only', () => {
    expect(jsonDepthExceeds('{"a":[1,{"b":2}]}', 2)).to.equal(true);
    expect(jsonDepthExceeds('{"a":[1,{"b":2}]}', 3)).to.equal(false);
    expect(jsonDepthExceeds(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`)).to.equal(false);
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).to.equal(false);
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH + 1))).to.equal(true);
  });

  for (const [what, body] of [
    ['a declaration 100 000 arrays deep', `{"declaration":{"lrn":"DEEP","consignment":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`],
    ['a declaration 20 000 objects deep', `{"declaration":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`],
  ] as const) {
    it(`${what}: 400 VALIDATION_FAILED, nothing submitted`, async () => {
      app.submitted.length = 0;
      for (const p of ['/api/v1/movements', `/api/v1/movements/${MRN}/cancel`]) {
        const res = await fetch(app.url + p, { method: 'POST', body, headers: { authorization: `Bearer ${trader}`, 'content-type': 'application/json' } });
        expect(res.status, p).to.equal(400);
        expect(((await res.json()) as { code: string }).code).to.equal('VALIDATION_FAILED');
      }
      expect(app.submitted).to.have.length(0);
    });
  }
});
