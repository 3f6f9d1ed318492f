// /api/v1/session: the browser console's sign-in. POST {user, password} for a user of THIS organisation
// → the organisation's own JWT for that user (the same token `cats token` gives); the password is checked
// against `<stateDir>/users/<Org>/<user>/console-password` (auth/console-passwords.ts). The session is the
// token: no key ever leaves the gateway. GET /session (with the token) says who the caller is.
import { Router } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { AppDeps } from '../app-deps';
import { authenticate, principalOf } from '../auth/authenticate';
import { consolePasswordPath, verifyConsolePassword } from '../../../network/src/console-passwords';
import { issueToken } from '../auth/tokens';
import { jsonBody } from '../http/media-type';

const WINDOW_MS = 5 * 60_000;
const MAX_FAILURES = 10;

export function sessionRoutes(deps: AppDeps): Router {
  const r = Router();
  const org = deps.config.org;
  const failures = new Map<string, { count: number; since: number }>();
  const ttl = deps.config.tokenTtlSeconds;

  const who = (userId: string) => {
    const u = org.users.find((x) => x.id === userId);
    return {
      organisation: org.name,
      kind: org.kind,
      country: org.country,
      user: userId,
      role: u?.role ?? null,
      offices: u?.offices ?? [],
      traderId: u?.traderId ?? null,
    };
  };

  r.post('/session', async (req, res) => {
    const body = jsonBody(req);
    const user = body.user;
    const password = body.password;
    if (typeof user !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(user)) throw new CatsError('VALIDATION_FAILED', 'user: a user name of this organisation', { field: 'user' });
    if (typeof password !== 'string' || password.length < 1 || password.length > 256) throw new CatsError('VALIDATION_FAILED', 'password: required', { field: 'password' });
    const now = Date.now();
    const f = failures.get(user);
    if (f && now - f.since < WINDOW_MS && f.count >= MAX_FAILURES) {
      throw new CatsError('UNAUTHENTICATED', 'too many failed sign-ins: try again in a few minutes', { reason: 'locked', field: 'password' });
    }
    const enrolled = org.users.some((u) => u.id === user);
    const ok = (await verifyConsolePassword(consolePasswordPath(deps.config.network.stateDir, org.name, user), password)) && enrolled;
    if (!ok) {
      const cur = f && now - f.since < WINDOW_MS ? f : { count: 0, since: now };
      cur.count++;
      failures.set(user, cur);
      throw new CatsError('UNAUTHENTICATED', `wrong user or password for ${org.name}`, { reason: 'credentials', field: 'password' });
    }
    failures.delete(user);
    const token = await issueToken(deps.config.network, org.name, user, ttl);
    res.status(201).json({ token, tokenType: 'Bearer', expiresAt: new Date(now + ttl * 1000).toISOString(), ...who(user) });
  });

  r.get('/session', authenticate(deps.verify), (req, res) => {
    const p = principalOf(req);
    res.json(who(p.userId));
  });
  return r;
}
