// The real express app over stub Fabric parts: every HTTP error path can be tested without a network.
// The stub submitter records what would have been submitted (so a test can assert "nothing submitted").
import fs from 'node:fs';
import { buildMrn } from '../../../chaincode/src/domain/identifiers';

export const MRN = buildMrn('25', 'AZ', '000000000001', 'J');
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppDeps } from '../../../gateway/src/app-deps';
import { buildApp } from '../../../gateway/src/app';
import { signingKey } from '../../../gateway/src/auth/signing-key';
import { issueToken, tokenVerifier } from '../../../gateway/src/auth/tokens';
import type { GatewayConfig } from '../../../gateway/src/config';
import type { FabricConnections } from '../../../gateway/src/fabric/connections';
import { IdempotencyStore } from '../../../gateway/src/idempotency/idempotency-store';
import type { EventFeed } from '../../../gateway/src/index/event-feed';
import { MovementIndex } from '../../../gateway/src/index/movement-index';
import { gatewayMetrics } from '../../../gateway/src/observability/metrics';
import { openDb, type Db } from '../../../gateway/src/store/db';
import type { SubmitRequest, Submitter } from '../../../gateway/src/transactions/submitter';
import type { TxRecord } from '../../../gateway/src/transactions/tx-record';
import { Webhooks } from '../../../gateway/src/webhooks/webhooks';
import { testNetwork } from './fixtures';

export interface StubApp {
  url: string;
  submitted: SubmitRequest[];
  token(org: string, user: string): Promise<string>;
  /** what the next commit looks like: committed at once, or left pending */
  mode: { pending: boolean };
  close(): Promise<void>;
}

export async function startStubApp(overrides: Partial<GatewayConfig> = {}): Promise<StubApp> {
  const { network, dir } = testNetwork();
  const org = network.organisations[0];
  const db: Db = await openDb(path.join(dir, 'data'));
  const index = new MovementIndex(db);
  await index.open();
  const metrics = gatewayMetrics();
  const submitted: SubmitRequest[] = [];
  const records = new Map<string, TxRecord>();
  const mode = { pending: false };
  let n = 0;
  const submitter = {
    async submit(req: SubmitRequest) {
      submitted.push(req);
      const id = (++n).toString(16).padStart(64, '0');
      const record: TxRecord = {
        id, transaction: req.transaction, state: mode.pending ? 'PENDING' : 'COMMITTED', transactionId: id, transactionIds: [id],
        submittedBy: `${req.principal.org}:${req.principal.userId}`, submittedAt: new Date().toISOString(),
        result: { mrn: MRN, echo: req.arg }, blockNumber: mode.pending ? undefined : '7',
      };
      records.set(id, record);
      return { record, done: Promise.resolve(record) };
    },
    async status(id: string) {
      return records.get(id);
    },
  } as unknown as Submitter;
  const config: GatewayConfig = {
    networkFile: path.join(dir, 'network.json'), network, org, dataDir: dir, host: '127.0.0.1', port: 0,
    maxBodyBytes: 5 * 1024 * 1024, maxJsonBodyBytes: 1024 * 1024, refusalBudget: { burst: 100, perSecond: 10 }, tokenCache: { maxEntries: 100, enrolmentRefusalMs: 60_000 }, serviceUser: 'auditor1', maxWaitSeconds: 60, tokenTtlSeconds: 900,
    ...overrides,
  };
  const fabric = { contract: () => { throw new Error('no Fabric in unit tests'); } } as unknown as FabricConnections;
  const feed = { lag: () => 0n, connected: true, height: 1n, refreshHeight: async () => 1n } as unknown as EventFeed;
  const key = await signingKey(org.jwtKeyFile);
  const deps: AppDeps = {
    config, fabric, submitter, idempotency: new IdempotencyStore(db), index, feed, metrics,
    verify: await tokenVerifier(org), jwks: { keys: [key.publicJwk] }, webhooks: new Webhooks(db, org, index, metrics),
  };
  const server: Server = await new Promise((resolve) => {
    const s = buildApp(deps).listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    submitted,
    mode,
    token: (o, u) => issueToken(network, o, u),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
