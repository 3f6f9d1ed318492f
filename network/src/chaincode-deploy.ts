// The chaincode as a service: one package per organisation (its connection.json names that
// organisation's chaincode server), installed on its peer, approved by every organisation and committed
// once; then one chaincode server per organisation, started with the package id its peer installed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { peerTlsCa } from './crypto-material';
import { CHAINCODE_DIR, Layout, ROOT, bin } from './layout';
import { ordererTlsCaFile, peerAdminEnv } from './nodes';
import { NODE_SERVER_FLAGS, run, runningPid, startDaemon } from './processes';
import { CHAINCODE, CHANNEL, OrgSpec, orgPorts } from './topology';

export const CHAINCODE_VERSION = '1.0';
export const CHAINCODE_LABEL = `${CHAINCODE}_${CHAINCODE_VERSION}`;

export const chaincodeServerName = (org: OrgSpec) => `chaincode-${org.name}`;

/** Package id as the peer computes it: label, colon, SHA-256 of the package file. */
export function packageId(file: string): string {
  return `${CHAINCODE_LABEL}:${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
}

/** Builds (once) the organisation's ccaas package: metadata.json + code.tar.gz holding connection.json. */
export async function packageFor(l: Layout, org: OrgSpec, basePort: number): Promise<{ file: string; id: string }> {
  const dir = path.join(l.chaincode, org.name);
  const file = path.join(dir, `${CHAINCODE_LABEL}.tar.gz`);
  if (!fs.existsSync(file)) {
    const work = path.join(dir, 'work');
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    const connection = { address: `127.0.0.1:${orgPorts(basePort, org.slot).chaincodeServer}`, dial_timeout: '10s', tls_required: false };
    fs.writeFileSync(path.join(work, 'connection.json'), JSON.stringify(connection));
    fs.writeFileSync(path.join(work, 'metadata.json'), JSON.stringify({ type: 'ccaas', label: CHAINCODE_LABEL }));
    await run('tar', ['-czf', path.join(work, 'code.tar.gz'), '-C', work, 'connection.json']);
    await run('tar', ['-czf', `${file}.tmp`, '-C', work, 'metadata.json', 'code.tar.gz']);
    fs.renameSync(`${file}.tmp`, file);
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { file, id: packageId(file) };
}

export async function installOn(l: Layout, org: OrgSpec, basePort: number, pkg: { file: string; id: string }): Promise<void> {
  const env = peerAdminEnv(l, org, basePort);
  const installed = await run(bin('peer'), ['lifecycle', 'chaincode', 'queryinstalled', '--output', 'json'], { env });
  if (installed.stdout.includes(pkg.id)) return;
  await run(bin('peer'), ['lifecycle', 'chaincode', 'install', pkg.file], { env });
}

/** The chaincode server of an organisation, started with the id its peer gave the installed package. */
export function startChaincodeServer(l: Layout, org: OrgSpec, basePort: number, id: string): void {
  if (runningPid(l.pids, chaincodeServerName(org))) return;
  startDaemon({
    name: chaincodeServerName(org),
    cmd: process.execPath,
    args: [
      ...NODE_SERVER_FLAGS,
      path.join(ROOT, 'node_modules', 'fabric-shim', 'cli.js'), 'server',
      '--chaincode-address', `127.0.0.1:${orgPorts(basePort, org.slot).chaincodeServer}`,
      '--chaincode-id', id,
      '--module-path', CHAINCODE_DIR,
    ],
    // fabric-shim knows CRITICAL, ERROR, WARNING, INFO, DEBUG only: 'warn' was silently read as INFO, a
    // log line per transaction (issue 7, docs/performance.md).
    env: { PATH: process.env.PATH, CORE_CHAINCODE_LOGGING_LEVEL: 'WARNING', CORE_CHAINCODE_LOGGING_SHIM: 'WARNING' },
    cwd: CHAINCODE_DIR,
    pidDir: l.pids,
    logDir: l.logs,
  });
}

function ordererArgs(l: Layout, orderer: OrgSpec, ordererPort: number): string[] {
  return ['-o', `127.0.0.1:${ordererPort}`, '--tls', '--cafile', ordererTlsCaFile(l, orderer)];
}

export interface Definition {
  sequence: number;
}

/** The committed sequence, or 0 when the chaincode is not defined on the channel yet. */
export async function committedSequence(l: Layout, org: OrgSpec, basePort: number): Promise<number> {
  try {
    const out = await run(bin('peer'), ['lifecycle', 'chaincode', 'querycommitted', '-C', CHANNEL, '-n', CHAINCODE, '--output', 'json'], { env: peerAdminEnv(l, org, basePort) });
    return Number((JSON.parse(out.stdout) as { sequence?: number }).sequence ?? 0);
  } catch (err) {
    if (/not found|404/i.test((err as Error).message)) return 0;
    throw err;
  }
}

export async function approve(l: Layout, org: OrgSpec, basePort: number, id: string, sequence: number, orderer: OrgSpec, ordererPort: number): Promise<void> {
  const env = peerAdminEnv(l, org, basePort);
  const approved = await run(bin('peer'), ['lifecycle', 'chaincode', 'queryapproved', '-C', CHANNEL, '-n', CHAINCODE, '--sequence', String(sequence), '--output', 'json'], { env }).catch(() => undefined);
  if (approved && approved.stdout.includes(id)) return;
  await run(bin('peer'), [
    'lifecycle', 'chaincode', 'approveformyorg', ...ordererArgs(l, orderer, ordererPort),
    '--channelID', CHANNEL, '--name', CHAINCODE, '--version', CHAINCODE_VERSION, '--package-id', id, '--sequence', String(sequence),
    '--waitForEvent',
  ], { env });
}

export async function commit(l: Layout, orgs: OrgSpec[], basePort: number, sequence: number, orderer: OrgSpec, ordererPort: number): Promise<void> {
  const peers = orgs.flatMap((o) => ['--peerAddresses', `127.0.0.1:${orgPorts(basePort, o.slot).peer}`, '--tlsRootCertFiles', peerTlsCa(l.crypto, o)]);
  await run(bin('peer'), [
    'lifecycle', 'chaincode', 'commit', ...ordererArgs(l, orderer, ordererPort),
    '--channelID', CHANNEL, '--name', CHAINCODE, '--version', CHAINCODE_VERSION, '--sequence', String(sequence), ...peers,
    '--waitForEvent',
  ], { env: peerAdminEnv(l, orgs[0], basePort) });
}
