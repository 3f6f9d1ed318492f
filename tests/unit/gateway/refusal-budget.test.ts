// A user whose requests keep being refused gets 429 before the gateway reads another body of his; other
// users and accepted requests are not touched, and the budget refills with time.
import { expect } from 'chai';
import { RefusalBudget } from '../../../gateway/src/http/refusal-budget';
import { startStubApp, type StubApp } from './stub-app';

describe('gateway: the refusal budget', function () {
  this.timeout(30000);

  it('throttles after the burst, refills at the rate, and keeps users apart', () => {
    let now = 0;
    const budget = new RefusalBudget({ burst: 3, perSecond: 2 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(budget.waitSeconds('a')).to.equal(0);
      budget.refused('a');
    }
    expect(budget.waitSeconds('a')).to.equal(1);
    expect(budget.waitSeconds('b'), 'another user keeps his whole budget').to.equal(0);
    now += 500; // half a second: one refusal's worth back
    expect(budget.waitSeconds('a')).to.equal(0);
    now += 10_000;
    expect(budget.waitSeconds('a')).to.equal(0);
    expect(budget.tracked, 'a full budget is forgotten').to.equal(0);
  });

  describe('over HTTP (stub ledger)', () => {
    let app: StubApp;
    before(async () => {
      // a slow refill, so no token comes back between the loop's last answer and the next request
      app = await startStubApp({ refusalBudget: { burst: 100, perSecond: 0.1 } });
    });
    after(async () => app.close());

    it('answers 429 RATE_LIMITED with Retry-After once a user used up his refusals, before reading the body', async () => {
      const noisy = await app.token('CustomsAZ', 'officer1');
      const other = await app.token('CustomsAZ', 'trader1');
      const post = (token: string, body: string) => fetch(`${app.url}/api/v1/movements`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
      const codes: string[] = [];
      for (let i = 0; i < 200 && codes.at(-1) !== 'RATE_LIMITED'; i++) codes.push(((await (await post(noisy, '{"not":"a declaration"')).json()) as { code: string }).code);
      expect(codes.slice(0, 100).every((c) => c === 'VALIDATION_FAILED'), 'the first 100 refusals carry their own code').to.equal(true);
      expect(codes.at(-1)).to.equal('RATE_LIMITED');
      expect(codes.length).to.equal(101);
      const limited = await post(noisy, '{}');
      expect(limited.status).to.equal(429);
      expect(Number(limited.headers.get('retry-after'))).to.be.greaterThan(0);
      // another user of the same organisation is not affected
      expect(((await (await post(other, '{')).json()) as { code: string }).code).to.equal('VALIDATION_FAILED');
      expect(app.submitted).to.have.length(0);
    });
  });
});
