// Everything a route needs, built once in gateway.ts and passed down (no module-level singletons, so
// tests can start several gateways in one process).
import type { JWK } from 'jose';
import type { TokenVerifier } from './auth/tokens';
import type { GatewayConfig } from './config';
import type { FabricConnections } from './fabric/connections';
import type { IdempotencyStore } from './idempotency/idempotency-store';
import type { EventFeed } from './index/event-feed';
import type { MovementIndex } from './index/movement-index';
import type { GatewayMetrics } from './observability/metrics';
import type { Submitter } from './transactions/submitter';
import type { Webhooks } from './webhooks/webhooks';

export interface AppDeps {
  config: GatewayConfig;
  fabric: FabricConnections;
  submitter: Submitter;
  idempotency: IdempotencyStore;
  index: MovementIndex;
  feed: EventFeed;
  metrics: GatewayMetrics;
  verify: TokenVerifier;
  jwks: { keys: JWK[] };
  webhooks: Webhooks;
}
