// The gateway's whole configuration, read once at start: the environment names the network file, the
// organisation and the data folder; everything else comes from network.json. A missing or wrong setting
// stops the process with one line that names it, before any port is opened.
import fs from 'node:fs';
import path from 'node:path';
import { NetworkFile, NetworkOrg, readNetworkFile } from '../../network/src/network-file';

export interface GatewayConfig {
  networkFile: string;
  network: NetworkFile;
  org: NetworkOrg;
  dataDir: string;
  /** always loopback: the organisation puts its own reverse proxy in front */
  host: '127.0.0.1';
  port: number;
  /** request bodies above this are refused with 413 before parsing */
  /** NCTS XML (and any non-JSON body, refused later) */
  maxBodyBytes: number;
  /** JSON: a declaration of 999 goods items is ~0.5 MB */
  maxJsonBodyBytes: number;
  /** refusals a user may have before 429 (http/refusal-budget.ts): at once, and refilled per second */
  refusalBudget: { burst: number; perSecond: number };
  /** verified and refused tokens remembered (auth/token-cache.ts) */
  tokenCache: { maxEntries: number; enrolmentRefusalMs: number };
  /** the user whose identity reads chaincode events and evaluates health checks */
  serviceUser: string;
  /** longest `Prefer: wait=` honoured, in seconds */
  maxWaitSeconds: number;
  tokenTtlSeconds: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name]?.trim();
  if (!v) throw new ConfigError(`missing setting ${name}`);
  return v;
}

function port(value: string, name: string, allowAny = false): number {
  const n = Number(value);
  // 0 (any free port) only as an explicit override, for gateways started inside tests
  if (!Number.isInteger(n) || n < (allowAny ? 0 : 1) || n > 65535) throw new ConfigError(`setting ${name} must be a TCP port, got '${value}'`);
  return n;
}

function mustExist(file: string, what: string): void {
  if (!fs.existsSync(file)) throw new ConfigError(`${what} not found: ${file}`);
}

/** Reads and checks every setting; throws ConfigError naming the first one that is missing or wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const networkFile = path.resolve(required(env, 'CATS_NETWORK_FILE'));
  const orgName = required(env, 'CATS_ORG');
  const dataDir = path.resolve(required(env, 'CATS_DATA_DIR'));
  mustExist(networkFile, 'CATS_NETWORK_FILE');
  let network: NetworkFile;
  try {
    network = readNetworkFile(networkFile);
  } catch (e) {
    throw new ConfigError(`CATS_NETWORK_FILE ${networkFile} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(network.organisations) || !network.channel || !network.chaincode) {
    throw new ConfigError(`CATS_NETWORK_FILE ${networkFile} lacks organisations, channel or chaincode`);
  }
  const org = network.organisations.find((o) => o.name === orgName);
  if (!org) {
    throw new ConfigError(`CATS_ORG '${orgName}' is not in ${networkFile} (known: ${network.organisations.map((o) => o.name).join(', ')})`);
  }
  mustExist(org.peer.tlsCaCert, `peer TLS CA of ${org.name}`);
  mustExist(org.jwtKeyFile, `JWT signing key of ${org.name} (jwtKeyFile)`);
  mustExist(org.keyPassphraseFile, `key passphrase file of ${org.name}`);
  const serviceUser = env.CATS_SERVICE_USER?.trim() || org.users.find((u) => u.role === 'admin')?.id || org.users[0]?.id;
  if (!serviceUser || !org.users.some((u) => u.id === serviceUser)) throw new ConfigError(`no service user for ${org.name}: set CATS_SERVICE_USER`);
  const override = env.CATS_GATEWAY_PORT?.trim();
  return {
    networkFile,
    network,
    org,
    dataDir,
    host: '127.0.0.1',
    port: override ? port(override, 'CATS_GATEWAY_PORT', true) : port(String(org.gateway?.port), `gateway.port of ${org.name}`),
    maxBodyBytes: 5 * 1024 * 1024,
    maxJsonBodyBytes: 1024 * 1024,
    refusalBudget: { burst: 100, perSecond: 10 },
    tokenCache: { maxEntries: 10_000, enrolmentRefusalMs: 60_000 },
    serviceUser,
    maxWaitSeconds: 60,
    tokenTtlSeconds: 15 * 60,
  };
}
