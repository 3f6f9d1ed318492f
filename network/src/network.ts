// Brings a whole network up, or down. Every step first looks at what already exists or runs, so `up`
// on a running or half-started network completes it instead of failing: missing processes are
// restarted from their data, missing channel memberships and chaincode approvals are added.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { approve, chaincodeServerName, commit, committedSequence, installOn, packageFor, startChaincodeServer } from './chaincode-deploy';
import { writeGenesisBlock } from './channel-config';
import { enrolUser, generateCrypto, orgPassphrase, peerTlsCa } from './crypto-material';
import { ensureFabricBinaries } from './fabric-binaries';
import { gatewayName, startGateway, waitGatewayReady } from './gateways';
import { Layout, layout } from './layout';
import { NetworkFile, NetworkOrg, writeNetworkFile } from './network-file';
import {
  joinOrderer, joinPeer, ordererName, ordererTlsCaFile, peerName, startOrderer, startPeer,
  waitGossip, waitOrdererHealthy, waitPeerHealthy, waitRaftLeader,
} from './nodes';
import { isPortFree, listPidNames, portHolder, runningPid, stopDaemon } from './processes';
import { SetupError, step } from './progress';
import { seedRegistry, waitChaincodeReady } from './registry-seed';
import { CHAINCODE, CHANNEL, DEFAULT_ORGS, OrgSpec, Profile, mspId, ordererPorts, orgPorts, peerHost } from './topology';
import { usersFor } from './users';
import { CONSOLE_PASSWORD_FILE, generateConsolePassword, writeConsolePassword } from './console-passwords';

export interface UpOptions {
  profile: Profile;
  orgs?: OrgSpec[];
  gateways?: boolean;
}

/** Every port the profile uses, with the process that should hold it, checked before anything starts. */
function plannedPorts(orgs: OrgSpec[], basePort: number): { port: number; owner: string }[] {
  const list: { port: number; owner: string }[] = [];
  orgs.filter((o) => o.runsOrderer).forEach((o, i) => {
    const p = ordererPorts(basePort, i);
    for (const port of [p.listen, p.admin, p.operations]) list.push({ port, owner: ordererName(o) });
  });
  for (const o of orgs) {
    const p = orgPorts(basePort, o.slot);
    for (const port of [p.peer, p.peerChaincode, p.peerOperations]) list.push({ port, owner: peerName(o) });
    list.push({ port: p.chaincodeServer, owner: chaincodeServerName(o) });
    list.push({ port: p.gateway, owner: gatewayName(o) });
  }
  return list;
}

export async function checkPorts(l: Layout, orgs: OrgSpec[], basePort: number): Promise<void> {
  const clashes: string[] = [];
  for (const { port, owner } of plannedPorts(orgs, basePort)) {
    if (runningPid(l.pids, owner)) continue; // ours, already running
    if (!(await isPortFree(port))) clashes.push(`port ${port} (planned for ${owner}) is in use by ${portHolder(port)}`);
  }
  if (clashes.length) throw new SetupError(`cannot start: ${clashes.join('; ')}`);
}

function jwtKeyFile(l: Layout, org: OrgSpec): string {
  const file = path.join(l.users, org.name, 'jwt-signing.jwk.json');
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = { ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: `${org.name}-${crypto.randomBytes(6).toString('hex')}` };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  return file;
}

export async function describe(l: Layout, orgs: OrgSpec[], profile: Profile): Promise<NetworkFile> {
  const base = profile.basePort;
  const organisations: NetworkOrg[] = [];
  for (const org of orgs) {
    const pass = orgPassphrase(l.users, org);
    const users = [];
    for (const u of usersFor(org)) {
      users.push(await enrolUser(l.crypto, l.users, org, u, pass));
      await ensureConsolePassword(l, org, u.id);
    }
    const p = orgPorts(base, org.slot);
    organisations.push({
      name: org.name,
      mspId: mspId(org),
      kind: org.kind,
      country: org.country ?? null,
      peer: { host: peerHost(org), endpoint: `127.0.0.1:${p.peer}`, tlsCaCert: peerTlsCa(l.crypto, org), operations: `127.0.0.1:${p.peerOperations}` },
      chaincodeServer: `127.0.0.1:${p.chaincodeServer}`,
      gateway: { port: p.gateway, url: `http://127.0.0.1:${p.gateway}` },
      keyPassphraseFile: pass.file,
      jwtKeyFile: jwtKeyFile(l, org),
      users,
    });
  }
  const ordering = orgs.filter((o) => o.runsOrderer);
  return {
    name: profile.name,
    channel: CHANNEL,
    chaincode: CHAINCODE,
    stateDir: l.state,
    basePort: base,
    orderers: ordering.map((o, i) => {
      const p = ordererPorts(base, i);
      return { name: ordererName(o), endpoint: `127.0.0.1:${p.listen}`, admin: `127.0.0.1:${p.admin}`, operations: `127.0.0.1:${p.operations}`, tlsCaCert: ordererTlsCaFile(l, o) };
    }),
    organisations,
  };
}

export function readOrgs(l: Layout): OrgSpec[] | undefined {
  const file = path.join(l.state, 'orgs.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as OrgSpec[]) : undefined;
}

export function writeOrgs(l: Layout, orgs: OrgSpec[]): void {
  fs.writeFileSync(path.join(l.state, 'orgs.json'), JSON.stringify(orgs, null, 2));
}

/**
 * Every user gets a password for the web console, generated here and stored only as a scrypt hash next
 * to the user's key; the clear passwords are written once to console-passwords.txt (mode 0600) for the
 * operator to hand out.
 */
async function ensureConsolePassword(l: Layout, org: OrgSpec, userId: string): Promise<void> {
  const dir = path.join(l.users, org.name, userId);
  if (fs.existsSync(path.join(dir, CONSOLE_PASSWORD_FILE))) return;
  const password = generateConsolePassword();
  await writeConsolePassword(dir, password);
  fs.appendFileSync(consolePasswordsFile(l), `${org.name}:${userId}\t${password}\n`, { mode: 0o600 });
}

export function consolePasswordsFile(l: Layout): string {
  return path.join(l.state, 'console-passwords.txt');
}

/** Marks a generation step done; a step without its marker is redone from scratch. */
function done(l: Layout, name: string): boolean {
  return fs.existsSync(path.join(l.state, `.done-${name}`));
}
function markDone(l: Layout, name: string): void {
  fs.writeFileSync(path.join(l.state, `.done-${name}`), new Date().toISOString());
}

export async function up(opts: UpOptions): Promise<NetworkFile> {
  const { profile } = opts;
  const base = profile.basePort;
  const l = layout(profile.name);
  // Organisations that acceded later are part of the network from then on.
  const orgs = opts.orgs ?? readOrgs(l) ?? DEFAULT_ORGS;
  const ordering = orgs.filter((o) => o.runsOrderer);
  fs.mkdirSync(l.state, { recursive: true });

  await ensureFabricBinaries();
  await step('check that every planned port is free', () => checkPorts(l, orgs, base));

  if (!done(l, 'crypto')) {
    // Half-made material is useless: start this network's state afresh.
    await stopAll(l);
    fs.rmSync(l.state, { recursive: true, force: true });
    fs.mkdirSync(l.state, { recursive: true });
    await step('generate crypto material (cryptogen)', () => generateCrypto(l.crypto, l.config, orgs));
    writeOrgs(l, orgs);
    markDone(l, 'crypto');
  }
  const network = await step('enrol users and write network.json', async () => {
    const n = await describe(l, orgs, profile);
    writeNetworkFile(l.networkFile, n);
    return n;
  });
  if (!fs.existsSync(l.genesisBlock)) {
    await step(`create the ${CHANNEL} channel's genesis block (configtxgen)`, () => writeGenesisBlock(l.config, l.crypto, orgs, base, l.genesisBlock));
  }

  await step(`start ${ordering.length} Raft orderers and join them to ${CHANNEL}`, async () => {
    ordering.forEach((o, i) => startOrderer(l, o, i, base));
    await Promise.all(ordering.map((o, i) => waitOrdererHealthy(l, o, i, base)));
    for (const [i, o] of ordering.entries()) await joinOrderer(l, o, i, base);
    await waitRaftLeader(l, ordering, base);
  });

  await step(`start ${orgs.length} peers and join them to ${CHANNEL}`, async () => {
    orgs.forEach((o) => startPeer(l, o, base));
    await Promise.all(orgs.map((o) => waitPeerHealthy(l, o, base)));
    for (const o of orgs) await joinPeer(l, o, base);
  });
  await step('wait until every peer knows every other organisation (gossip)', () =>
    Promise.all(orgs.map((o) => waitGossip(l, o, base, orgs.length - 1))).then(() => undefined),
  );

  await step(`deploy chaincode "${CHAINCODE}" as a service on every peer`, async () => {
    const packages = await Promise.all(orgs.map((o) => packageFor(l, o, base)));
    await Promise.all(orgs.map((o, i) => installOn(l, o, base, packages[i])));
    orgs.forEach((o, i) => startChaincodeServer(l, o, base, packages[i].id));
    const ordererPort = ordererPorts(base, 0).listen;
    const committed = await committedSequence(l, orgs[0], base);
    // Every organisation approves the definition for its own package, also one that joined after the commit.
    for (const [i, o] of orgs.entries()) await approve(l, o, base, packages[i].id, committed || 1, ordering[0], ordererPort);
    if (committed === 0) await commit(l, orgs, base, 1, ordering[0], ordererPort);
  });
  await step('chaincode answers an evaluate on every peer', () => waitChaincodeReady(network));
  await step('registry: organisations, countries and CAREC offices agreed by the customs administrations', () => seedRegistry(network));

  if (opts.gateways !== false) {
    await step(`start ${orgs.length} REST gateways`, async () => {
      for (const o of network.organisations) startGateway(l, o, network);
      await Promise.all(network.organisations.map((o) => waitGatewayReady(l, o)));
    });
  }
  return network;
}

async function stopAll(l: Layout): Promise<string[]> {
  const names = listPidNames(l.pids);
  // Clients first, then peers, then orderers: a peer stopped after its orderers logs needless errors.
  const rank = (n: string) => (n.startsWith('gateway') ? 0 : n.startsWith('chaincode') ? 1 : n.startsWith('peer') ? 2 : 3);
  const stopped: string[] = [];
  for (const r of [0, 1, 2, 3]) {
    const batch = names.filter((n) => rank(n) === r);
    const results = await Promise.all(batch.map((n) => stopDaemon(l.pids, n)));
    batch.forEach((n, i) => results[i] && stopped.push(n));
  }
  return stopped;
}

export async function down(profileName: string, opts: { purge?: boolean } = {}): Promise<string[]> {
  const l = layout(profileName);
  const stopped = await stopAll(l);
  if (opts.purge) fs.rmSync(l.state, { recursive: true, force: true });
  return stopped;
}

export { stopAll };
