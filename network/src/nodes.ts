// Orderers and peers as native processes: their environment (every listener on 127.0.0.1), start,
// readiness and channel membership. Fabric's sample core.yaml/orderer.yaml are the base; everything
// specific is set through environment variables.
import fs from 'node:fs';
import path from 'node:path';
import { adminMsp, ordererAdminDir, ordererOrgDir, peerDir, peerTlsCa } from './crypto-material';
import { BUILDER_DIR, FABRIC_SAMPLECONFIG, Layout, bin } from './layout';
import { httpGet, isListening, run, runningPid, startDaemon, waitFor } from './processes';
import { CHANNEL, OrgSpec, mspId, ordererHost, ordererMspId, ordererPorts, orgPorts, peerHost } from './topology';

export const ordererName = (org: OrgSpec) => `orderer-${org.name}`;
export const peerName = (org: OrgSpec) => `peer-${org.name}`;

/** Fabric's core.yaml with the Docker endpoint removed: without it the peer's health check fails. */
export function peerConfigDir(l: Layout): string {
  const dir = path.join(l.config, 'peer');
  const file = path.join(dir, 'core.yaml');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const core = fs.readFileSync(path.join(FABRIC_SAMPLECONFIG, 'core.yaml'), 'utf8');
    const edited = core.replace(/^(\s*)endpoint: unix:\/\/\/var\/run\/docker\.sock\s*$/m, '$1endpoint: ""');
    if (edited === core) throw new Error("core.yaml: could not find vm.endpoint to clear");
    fs.writeFileSync(file, edited);
  }
  return dir;
}

function ordererDir(l: Layout, org: OrgSpec): string {
  return path.join(ordererOrgDir(l.crypto, org), 'orderers', ordererHost(org));
}

export function ordererEnv(l: Layout, org: OrgSpec, index: number, basePort: number): NodeJS.ProcessEnv {
  const p = ordererPorts(basePort, index);
  const dir = ordererDir(l, org);
  const tls = path.join(dir, 'tls');
  const data = path.join(l.ledgers, ordererName(org));
  return {
    PATH: process.env.PATH,
    FABRIC_CFG_PATH: FABRIC_SAMPLECONFIG,
    // per-call gRPC and broadcast-stream lines cost CPU at every transaction (issue 7, docs/performance.md)
    FABRIC_LOGGING_SPEC: 'info:comm.grpc.server=warn:orderer.common.broadcast=error',
    ORDERER_GENERAL_LISTENADDRESS: '127.0.0.1',
    ORDERER_GENERAL_LISTENPORT: String(p.listen),
    ORDERER_GENERAL_LOCALMSPID: ordererMspId(org),
    ORDERER_GENERAL_LOCALMSPDIR: path.join(dir, 'msp'),
    ORDERER_GENERAL_TLS_ENABLED: 'true',
    ORDERER_GENERAL_TLS_PRIVATEKEY: path.join(tls, 'server.key'),
    ORDERER_GENERAL_TLS_CERTIFICATE: path.join(tls, 'server.crt'),
    ORDERER_GENERAL_TLS_ROOTCAS: `[${path.join(tls, 'ca.crt')}]`,
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE: path.join(tls, 'server.crt'),
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY: path.join(tls, 'server.key'),
    ORDERER_GENERAL_CLUSTER_ROOTCAS: `[${path.join(tls, 'ca.crt')}]`,
    ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
    ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
    ORDERER_ADMIN_LISTENADDRESS: `127.0.0.1:${p.admin}`,
    ORDERER_ADMIN_TLS_ENABLED: 'true',
    ORDERER_ADMIN_TLS_CERTIFICATE: path.join(tls, 'server.crt'),
    ORDERER_ADMIN_TLS_PRIVATEKEY: path.join(tls, 'server.key'),
    ORDERER_ADMIN_TLS_ROOTCAS: `[${path.join(tls, 'ca.crt')}]`,
    ORDERER_ADMIN_TLS_CLIENTROOTCAS: `[${path.join(tls, 'ca.crt')}]`,
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
    ORDERER_OPERATIONS_LISTENADDRESS: `127.0.0.1:${p.operations}`,
    ORDERER_METRICS_PROVIDER: 'prometheus',
    ORDERER_FILELEDGER_LOCATION: path.join(data, 'ledger'),
    ORDERER_CONSENSUS_WALDIR: path.join(data, 'etcdraft', 'wal'),
    ORDERER_CONSENSUS_SNAPDIR: path.join(data, 'etcdraft', 'snapshot'),
  };
}

export function peerEnv(l: Layout, org: OrgSpec, basePort: number): NodeJS.ProcessEnv {
  const p = orgPorts(basePort, org.slot);
  const dir = peerDir(l.crypto, org);
  const data = path.join(l.ledgers, peerName(org));
  return {
    PATH: process.env.PATH,
    FABRIC_CFG_PATH: peerConfigDir(l),
    // info without the per-call gRPC and per-proposal endorser lines (issue 7, docs/performance.md)
    FABRIC_LOGGING_SPEC: 'info:gossip=warn:msp=warn:comm.grpc.server=warn:endorser=warn',
    CORE_PEER_ID: peerHost(org),
    CORE_PEER_ADDRESS: `127.0.0.1:${p.peer}`,
    CORE_PEER_LISTENADDRESS: `127.0.0.1:${p.peer}`,
    CORE_PEER_CHAINCODEADDRESS: `127.0.0.1:${p.peerChaincode}`,
    CORE_PEER_CHAINCODELISTENADDRESS: `127.0.0.1:${p.peerChaincode}`,
    CORE_PEER_GOSSIP_BOOTSTRAP: `127.0.0.1:${p.peer}`,
    CORE_PEER_GOSSIP_EXTERNALENDPOINT: `127.0.0.1:${p.peer}`,
    CORE_PEER_GOSSIP_ENDPOINT: `127.0.0.1:${p.peer}`,
    CORE_PEER_GOSSIP_RECONNECTINTERVAL: '2s',
    CORE_PEER_LOCALMSPID: mspId(org),
    CORE_PEER_MSPCONFIGPATH: path.join(dir, 'msp'),
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_CERT_FILE: path.join(dir, 'tls', 'server.crt'),
    CORE_PEER_TLS_KEY_FILE: path.join(dir, 'tls', 'server.key'),
    CORE_PEER_TLS_ROOTCERT_FILE: path.join(dir, 'tls', 'ca.crt'),
    CORE_PEER_FILESYSTEMPATH: data,
    CORE_LEDGER_SNAPSHOTS_ROOTDIR: path.join(data, 'snapshots'),
    CORE_OPERATIONS_LISTENADDRESS: `127.0.0.1:${p.peerOperations}`,
    CORE_METRICS_PROVIDER: 'prometheus',
    CORE_CHAINCODE_EXTERNALBUILDERS: JSON.stringify([{ name: 'cats-ccaas', path: BUILDER_DIR, propagateEnvironment: ['CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG'] }]),
    CORE_CHAINCODE_EXECUTETIMEOUT: '30s',
    // The Go heap of an idle peer is mostly garbage: collect earlier (Go's default is 100).
    GOGC: '50',
  };
}

/** Environment for the peer CLI acting as the organisation's admin against its own peer. */
export function peerAdminEnv(l: Layout, org: OrgSpec, basePort: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    FABRIC_CFG_PATH: peerConfigDir(l),
    FABRIC_LOGGING_SPEC: 'warn',
    CORE_PEER_LOCALMSPID: mspId(org),
    CORE_PEER_MSPCONFIGPATH: adminMsp(l.crypto, org),
    CORE_PEER_ADDRESS: `127.0.0.1:${orgPorts(basePort, org.slot).peer}`,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: peerTlsCa(l.crypto, org),
  };
}

export function startOrderer(l: Layout, org: OrgSpec, index: number, basePort: number): void {
  if (runningPid(l.pids, ordererName(org))) return;
  startDaemon({ name: ordererName(org), cmd: bin('orderer'), args: [], env: ordererEnv(l, org, index, basePort), pidDir: l.pids, logDir: l.logs });
}

export function startPeer(l: Layout, org: OrgSpec, basePort: number): void {
  if (runningPid(l.pids, peerName(org))) return;
  startDaemon({ name: peerName(org), cmd: bin('peer'), args: ['node', 'start'], env: peerEnv(l, org, basePort), pidDir: l.pids, logDir: l.logs });
}

async function healthy(port: number): Promise<boolean> {
  const res = await httpGet(`http://127.0.0.1:${port}/healthz`);
  return res.status === 200;
}

/**
 * Healthy and accepting connections where it is used: a node restarted on a long ledger answers /healthz
 * while it is still replaying it, before its gRPC (peer) or admin (orderer, for osnadmin) listener opens.
 */
const serving = (operationsPort: number, usedPort: number) => async () => (await healthy(operationsPort)) && (await isListening(usedPort));

export function waitOrdererHealthy(l: Layout, org: OrgSpec, index: number, basePort: number): Promise<void> {
  const ports = ordererPorts(basePort, index);
  return waitFor(`orderer of ${org.name}`, serving(ports.operations, ports.admin), 30000, path.join(l.logs, `${ordererName(org)}.log`));
}

export function waitPeerHealthy(l: Layout, org: OrgSpec, basePort: number): Promise<void> {
  const ports = orgPorts(basePort, org.slot);
  return waitFor(`peer of ${org.name}`, serving(ports.peerOperations, ports.peer), 30000, path.join(l.logs, `${peerName(org)}.log`));
}

function osnadminArgs(l: Layout, org: OrgSpec, index: number, basePort: number): string[] {
  const admin = ordererAdminDir(l.crypto, org);
  const tls = path.join(ordererDir(l, org), 'tls');
  return [
    '-o', `127.0.0.1:${ordererPorts(basePort, index).admin}`,
    '--ca-file', path.join(tls, 'ca.crt'),
    '--client-cert', path.join(admin, 'tls', 'client.crt'),
    '--client-key', path.join(admin, 'tls', 'client.key'),
  ];
}

export async function ordererJoined(l: Layout, org: OrgSpec, index: number, basePort: number): Promise<boolean> {
  const out = await run(bin('osnadmin'), ['channel', 'list', ...osnadminArgs(l, org, index, basePort)]);
  return out.stdout.includes(`"name": "${CHANNEL}"`);
}

export async function joinOrderer(l: Layout, org: OrgSpec, index: number, basePort: number): Promise<void> {
  if (await ordererJoined(l, org, index, basePort)) return;
  await run(bin('osnadmin'), ['channel', 'join', '--channelID', CHANNEL, '--config-block', l.genesisBlock, ...osnadminArgs(l, org, index, basePort)]);
}

/** Raft has a leader when one orderer's metric says so: only then can transactions be ordered. */
export async function waitRaftLeader(l: Layout, orderers: OrgSpec[], basePort: number): Promise<void> {
  await waitFor(
    'Raft leader election',
    async () => {
      for (let i = 0; i < orderers.length; i++) {
        const res = await httpGet(`http://127.0.0.1:${ordererPorts(basePort, i).operations}/metrics`).catch(() => undefined);
        if (res && new RegExp(`consensus_etcdraft_is_leader\\{channel="${CHANNEL}"\\} 1`).test(res.body)) return true;
      }
      return false;
    },
    60000,
    l.logs,
  );
}

export async function peerJoined(l: Layout, org: OrgSpec, basePort: number): Promise<boolean> {
  const out = await run(bin('peer'), ['channel', 'list'], { env: peerAdminEnv(l, org, basePort) });
  return out.stdout.split('\n').some((line) => line.trim() === CHANNEL);
}

export async function joinPeer(l: Layout, org: OrgSpec, basePort: number): Promise<void> {
  if (await peerJoined(l, org, basePort)) return;
  await run(bin('peer'), ['channel', 'join', '-b', l.genesisBlock], { env: peerAdminEnv(l, org, basePort) });
}

/** Gossip must know every other organisation's peer before cross-organisation endorsement works. */
export async function waitGossip(l: Layout, org: OrgSpec, basePort: number, expectedOthers: number): Promise<void> {
  await waitFor(
    `gossip membership of ${org.name}`,
    async () => {
      const res = await httpGet(`http://127.0.0.1:${orgPorts(basePort, org.slot).peerOperations}/metrics`);
      const m = new RegExp(`gossip_membership_total_peers_known\\{channel="${CHANNEL}"\\} (\\d+)`).exec(res.body);
      return !!m && Number(m[1]) >= expectedOthers;
    },
    90000,
    path.join(l.logs, `${peerName(org)}.log`),
  );
}

export function ordererTlsCaFile(l: Layout, org: OrgSpec): string {
  return path.join(ordererDir(l, org), 'tls', 'ca.crt');
}

