// Unauthenticated operational endpoints: /health (readiness: the peer answers an evaluate of ops:Health
// and the index is not far behind), /metrics (Prometheus text), and the organisation's JWKS.
import { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { evaluate } from '../fabric/evaluate';
import { toCatsError } from '../fabric/fabric-errors';

/** A real evaluate through peer and chaincode: ops:Health, or a registry read if ops is not deployed. */
async function probe(deps: AppDeps): Promise<void> {
  try {
    // ops:Health takes no argument (unlike every other transaction)
    await deps.fabric.contract(deps.config.serviceUser).evaluate('ops:Health', { arguments: [] }).catch((e: unknown) => Promise.reject(toCatsError(e)));
  } catch (e) {
    if (e instanceof CatsError && (e.code === 'NETWORK_UNAVAILABLE' || e.code === 'TIMEOUT')) throw e;
    await evaluate(deps.fabric, deps.config.serviceUser, 'registry:GetParameters', {});
  }
}

const MAX_READY_LAG = 50n;

export function operationRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const t0 = performance.now();
    let peer: { reachable: boolean; latencyMs?: number; error?: string };
    try {
      await probe(deps);
      peer = { reachable: true, latencyMs: Math.round(performance.now() - t0) };
    } catch (e) {
      peer = { reachable: false, error: e instanceof CatsError ? e.code : 'INTERNAL' };
    }
    const lag = deps.feed.lag();
    const cp = deps.index.checkpoint();
    const indexReady = deps.feed.connected && lag !== undefined && lag <= MAX_READY_LAG;
    const ready = peer.reachable && indexReady;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not-ready',
      organisation: deps.config.org.name,
      peer,
      index: { connected: deps.feed.connected, lagBlocks: lag === undefined ? null : Number(lag), checkpointBlock: cp?.blockNumber ?? null, ledgerHeight: deps.feed.height?.toString() ?? null },
    });
  });
  r.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4; charset=utf-8').send(deps.metrics.registry.render());
  });
  r.get('/.well-known/jwks.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(deps.jwks);
  });
  return r;
}
