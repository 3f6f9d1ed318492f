// /api/v1/network: the public part of network.json (organisations, kinds, countries, gateway URLs; no
// keys, files or users) and /api/v1/network/health, each organisation's gateway /health fetched from
// here, so the console reads them from its own origin. Read-only.
import { Router } from 'express';
import type { AppDeps } from '../app-deps';

const HEALTH_TIMEOUT_MS = 2500;

export function networkRoutes(deps: AppDeps): Router {
  const r = Router();
  const network = deps.config.network;
  const orgs = () =>
    network.organisations.map((o) => ({
      name: o.name,
      mspId: o.mspId,
      kind: o.kind,
      country: o.country,
      peer: { host: o.peer.host },
      gatewayUrl: o.gateway.url,
      self: o.name === deps.config.org.name,
    }));
  r.get('/network', (_req, res) => {
    res.json({ name: network.name, channel: network.channel, chaincode: network.chaincode, organisations: orgs(), orderers: network.orderers.map((o) => ({ name: o.name })) });
  });
  r.get('/network/health', async (_req, res) => {
    const items = await Promise.all(
      orgs().map(async (o) => {
        const t0 = performance.now();
        try {
          const got = await fetch(`${o.gatewayUrl}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
          const health = (await got.json()) as Record<string, unknown>;
          return { organisation: o.name, reachable: true, httpStatus: got.status, latencyMs: Math.round(performance.now() - t0), health };
        } catch (e) {
          return { organisation: o.name, reachable: false, error: (e as Error).name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK_UNAVAILABLE' };
        }
      }),
    );
    res.json({ checkedAt: new Date().toISOString(), items });
  });
  return r;
}
