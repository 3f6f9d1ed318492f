// Builds and starts one organisation's gateway: LevelDB, the Fabric connections, the index and its event
// feed, webhooks, the HTTP listener on 127.0.0.1. Returns a handle whose close() stops everything in
// reverse order (tests start gateways in-process with it; main.ts wires it to SIGTERM).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from './app-deps';
import { buildApp } from './app';
import { cachedVerifier } from './auth/token-cache';
import { signingKey } from './auth/signing-key';
import { tokenVerifier } from './auth/tokens';
import type { GatewayConfig } from './config';
import { FabricConnections } from './fabric/connections';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { EventFeed } from './index/event-feed';
import { MovementIndex } from './index/movement-index';
import { closeValidator, preloadSchemas } from './ncts/xsd-validator';
import { log } from './observability/log';
import { gatewayMetrics } from './observability/metrics';
import { openDb } from './store/db';
import { Submitter } from './transactions/submitter';
import { TxStore } from './transactions/tx-store';
import { Webhooks } from './webhooks/webhooks';
import { watchNetworkFile } from './network-reload';

export interface RunningGateway {
  url: string;
  port: number;
  deps: AppDeps;
  close(): Promise<void>;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const db = await openDb(config.dataDir);
  const metrics = gatewayMetrics();
  const fabric = new FabricConnections(config.network, config.org);
  const index = new MovementIndex(db);
  await index.open();
  const webhooks = new Webhooks(db, config.org, index, metrics);
  await webhooks.open();
  const feed = new EventFeed(fabric, index, config.serviceUser, metrics);
  const key = await signingKey(config.org.jwtKeyFile);
  const deps: AppDeps = {
    config,
    fabric,
    submitter: new Submitter(fabric, new TxStore(db), metrics),
    idempotency: new IdempotencyStore(db),
    index,
    feed,
    metrics,
    verify: cachedVerifier(await tokenVerifier(config.org), config.tokenCache),
    jwks: { keys: [key.publicJwk] },
    webhooks,
  };
  preloadSchemas(['CC015C', 'CC007C', 'CC013C', 'CC014C', 'CC044C', 'CC170C']);
  feed.start();
  const unwatch = watchNetworkFile(config, config.networkFile);
  const app = buildApp(deps);
  // A request must arrive whole in time (the answer may then take as long as Prefer: wait asks): a client
  // trickling its headers or body would otherwise hold a connection for Node's default of 300 s.
  const server: Server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 2_000, keepAliveTimeout: 5000 }, app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log.info('gateway listening', { organisation: config.org.name, url: `http://${config.host}:${port}` });
  let closed = false;
  return {
    url: `http://${config.host}:${port}`,
    port,
    deps,
    async close() {
      if (closed) return;
      closed = true;
      unwatch();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      webhooks.close();
      await feed.stop();
      fabric.close();
      await closeValidator();
      await db.close();
      log.info('gateway stopped', { organisation: config.org.name });
    },
  };
}
