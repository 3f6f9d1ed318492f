// A token is verified once: later requests with the same bytes get the same answer until the token
// expires; refusals are remembered (enrolment-dependent ones for a while only); the cache is bounded.
import { expect } from 'chai';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { Principal } from '../../../gateway/src/auth/principal';
import { cachedVerifier } from '../../../gateway/src/auth/token-cache';

const principal: Principal = { org: 'CustomsAZ', userId: 'trader1', role: 'trader', offices: [], traderId: 'AZ1234567890' };
const tokenExpiringAt = (expSeconds: number, tag = 'x') => `h.${Buffer.from(JSON.stringify({ exp: expSeconds, sub: 'trader1' })).toString('base64url')}.${tag}`;

function counting(answer: (token: string) => Principal) {
  const calls: string[] = [];
  return { calls, verify: async (token: string) => (calls.push(token), answer(token)) };
}

describe('gateway: verified tokens are remembered', () => {
  it('verifies a token once and serves it from memory until its exp, then verifies again', async () => {
    let now = 1_000_000;
    const v = counting(() => principal);
    const verify = cachedVerifier(v.verify, { maxEntries: 10, enrolmentRefusalMs: 60_000, now: () => now });
    const token = tokenExpiringAt(1_000 + 900);
    for (let i = 0; i < 5; i++) expect(await verify(token)).to.deep.equal(principal);
    expect(v.calls).to.have.length(1);
    now = 1_900_000; // exp reached
    await verify(token);
    expect(v.calls, 'verified again at its expiry').to.have.length(2);
  });

  it('remembers a refusal of the same bytes, and an enrolment-dependent refusal only for a while', async () => {
    let now = 0;
    const v = counting((t) => {
      throw new CatsError('UNAUTHENTICATED', 'no', { reason: t.endsWith('unknown') ? 'unknown-user' : 'invalid' });
    });
    const verify = cachedVerifier(v.verify, { maxEntries: 10, enrolmentRefusalMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      const e = await verify('forged').catch((x: unknown) => x);
      expect(e).to.be.instanceOf(CatsError).with.property('code', 'UNAUTHENTICATED');
      await verify('user-unknown').catch(() => undefined);
    }
    expect(v.calls).to.deep.equal(['forged', 'user-unknown']);
    now = 61_000;
    await verify('forged').catch(() => undefined);
    await verify('user-unknown').catch(() => undefined);
    expect(v.calls, 'only the enrolment refusal is checked again').to.deep.equal(['forged', 'user-unknown', 'user-unknown']);
  });

  it('does not remember other failures, and forgets its oldest entries beyond the bound', async () => {
    let fail = true;
    const v = counting(() => {
      if (fail) throw new Error('the key file could not be read');
      return principal;
    });
    const verify = cachedVerifier(v.verify, { maxEntries: 2, enrolmentRefusalMs: 60_000, now: () => 0 });
    const a = tokenExpiringAt(10_000, 'a');
    await verify(a).catch(() => undefined);
    fail = false;
    await verify(a);
    await verify(a);
    expect(v.calls, 'an internal failure is not a verdict on the token').to.deep.equal([a, a]);
    await verify(tokenExpiringAt(10_000, 'b'));
    await verify(tokenExpiringAt(10_000, 'c')); // a is the oldest of three: forgotten
    await verify(a);
    expect(v.calls.filter((c) => c === a)).to.have.length(3);
  });
});
