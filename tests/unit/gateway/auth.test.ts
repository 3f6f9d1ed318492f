import { expect } from 'chai';
import { SignJWT, importJWK } from 'jose';
import fs from 'node:fs';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { audienceOf, issueToken, tokenVerifier } from '../../../gateway/src/auth/tokens';
import { testNetwork } from './fixtures';

async function rejection(p: Promise<unknown>): Promise<CatsError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(CatsError);
    return e as CatsError;
  }
  throw new Error('expected a rejection');
}

describe('gateway auth: tokens per organisation', () => {
  const { network } = testNetwork();
  const [az, ge] = network.organisations;

  it('issues a token its own gateway accepts, with role, offices and trader id', async () => {
    const token = await issueToken(network, 'CustomsAZ', 'officer1');
    const p = await (await tokenVerifier(az))(token);
    expect(p).to.deep.equal({ org: 'CustomsAZ', userId: 'officer1', role: 'officer', offices: ['AZ000100'], traderId: null });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.iss).to.equal('CustomsAZ');
    expect(claims.aud).to.equal('cats:CustomsAZ');
    expect(claims.exp - claims.iat).to.equal(15 * 60);
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header).to.include({ alg: 'ES256', kid: 'CustomsAZ-test' });
  });

  it("refuses another organisation's token (401 UNAUTHENTICATED)", async () => {
    const token = await issueToken(network, 'CustomsAZ', 'officer1');
    const e = await rejection((await tokenVerifier(ge))(token));
    expect(e.code).to.equal('UNAUTHENTICATED');
    expect(e.status).to.equal(401);
  });

  it('refuses a token signed by the right key for the wrong audience', async () => {
    const jwk = JSON.parse(fs.readFileSync(az.jwtKeyFile, 'utf8'));
    const key = await importJWK(jwk, 'ES256');
    const token = await new SignJWT({ role: 'officer' }).setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).setIssuer('CustomsAZ').setAudience(audienceOf('CustomsGE')).setSubject('officer1').setIssuedAt().setExpirationTime('5m').sign(key);
    const e = await rejection((await tokenVerifier(az))(token));
    expect(e.code).to.equal('UNAUTHENTICATED');
    expect(e.details.reason).to.equal('claim:aud');
  });

  it('refuses an expired token', async () => {
    const token = await issueToken(network, 'CustomsAZ', 'trader1', -120);
    const e = await rejection((await tokenVerifier(az))(token));
    expect(e.details.reason).to.equal('expired');
  });

  it('refuses a tampered token and garbage', async () => {
    const token = await issueToken(network, 'CustomsAZ', 'trader1');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'officer' })).toString('base64url')}.${s}`;
    expect((await rejection((await tokenVerifier(az))(forged))).code).to.equal('UNAUTHENTICATED');
    expect((await rejection((await tokenVerifier(az))('not-a-token'))).code).to.equal('UNAUTHENTICATED');
  });

  it('refuses to issue for unknown users or organisations', async () => {
    await rejection(issueToken(network, 'CustomsAZ', 'nobody')).catch((e: Error) => expect(e.message).to.match(/unknown user/));
    try {
      await issueToken(network, 'Nowhere', 'officer1');
      expect.fail('should throw');
    } catch (e) {
      expect((e as Error).message).to.match(/unknown organisation/);
    }
  });
});
