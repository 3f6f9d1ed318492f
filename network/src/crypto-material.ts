// Crypto material of a network: organisation CAs, peers, orderers and admins from cryptogen; users are
// enrolled here, each with its own key and a certificate signed by its organisation's CA that carries the
// user's role, offices and trader id as Fabric-CA-style attributes, which the chaincode reads.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bin } from './layout';
import { run } from './processes';
import { OrgSpec, ordererOrgName, peerHost } from './topology';

/** JSON is YAML: the configuration files Fabric reads are written as JSON. */
export function writeYaml(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

const SANS = ['localhost', '127.0.0.1'];

export function cryptogenConfig(orgs: OrgSpec[]): unknown {
  return {
    OrdererOrgs: orgs
      .filter((o) => o.runsOrderer)
      .map((o) => ({ Name: ordererOrgName(o), Domain: `orderer.${o.domain}`, EnableNodeOUs: true, Specs: [{ Hostname: 'orderer0', SANS }] })),
    PeerOrgs: orgs.map((o) => ({ Name: o.name, Domain: o.domain, EnableNodeOUs: true, Template: { Count: 1, SANS }, Users: { Count: 0 } })),
  };
}

export async function generateCrypto(cryptoDir: string, configDir: string, orgs: OrgSpec[]): Promise<void> {
  const file = path.join(configDir, 'crypto-config.yaml');
  writeYaml(file, cryptogenConfig(orgs));
  // `extend` keeps what exists and adds new organisations: the same call serves set-up and accession.
  await run(bin('cryptogen'), ['extend', '--config', file, '--input', cryptoDir]);
}

export const orgDir = (cryptoDir: string, org: OrgSpec) => path.join(cryptoDir, 'peerOrganizations', org.domain);
export const ordererOrgDir = (cryptoDir: string, org: OrgSpec) => path.join(cryptoDir, 'ordererOrganizations', `orderer.${org.domain}`);
export const peerDir = (cryptoDir: string, org: OrgSpec) => path.join(orgDir(cryptoDir, org), 'peers', peerHost(org));
export const adminMsp = (cryptoDir: string, org: OrgSpec) => path.join(orgDir(cryptoDir, org), 'users', `Admin@${org.domain}`, 'msp');
export const ordererAdminDir = (cryptoDir: string, org: OrgSpec) =>
  path.join(ordererOrgDir(cryptoDir, org), 'users', `Admin@orderer.${org.domain}`);
export const peerTlsCa = (cryptoDir: string, org: OrgSpec) => path.join(peerDir(cryptoDir, org), 'tls', 'ca.crt');

export type Role = 'officer' | 'supervisor' | 'trader' | 'guarantor' | 'auditor' | 'admin';

export interface UserSpec {
  id: string;
  role: Role;
  offices?: string[];
  traderId?: string;
}

export interface EnrolledUser extends UserSpec {
  certPath: string;
  keyPath: string;
}

/** The Fabric CA attribute extension: the chaincode reads it with clientIdentity.getAttributeValue. */
function attributeExtension(user: UserSpec): string {
  const attrs: Record<string, string> = { 'cats.role': user.role, 'cats.user': user.id };
  if (user.offices?.length) attrs['cats.offices'] = user.offices.join(',');
  if (user.traderId) attrs['cats.traderId'] = user.traderId;
  return Buffer.from(JSON.stringify({ attrs })).toString('hex').toUpperCase();
}

/**
 * Enrols one user: a new P-256 key, a certificate signed by the organisation's CA (OU=client, or admin
 * for the admin role, so NodeOUs classify it), the key stored encrypted with the organisation's passphrase.
 */
export async function enrolUser(cryptoDir: string, usersDir: string, org: OrgSpec, user: UserSpec, passphrase: { file: string; value: string }): Promise<EnrolledUser> {
  const dir = path.join(usersDir, org.name, user.id);
  const certPath = path.join(dir, 'cert.pem');
  const keyPath = path.join(dir, 'key.enc.pem');
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) return { ...user, certPath, keyPath };
  fs.mkdirSync(dir, { recursive: true });
  const caDir = path.join(orgDir(cryptoDir, org), 'ca');
  const caCert = fs.readdirSync(caDir).find((f) => f.endsWith('-cert.pem'));
  if (!caCert) throw new Error(`no CA certificate in ${caDir}`);
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const csr = path.join(dir, 'req.csr');
  const ext = path.join(dir, 'ext.cnf');
  const ou = user.role === 'admin' ? 'admin' : 'client';
  fs.writeFileSync(
    ext,
    [
      '[v3]',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      `1.2.3.4.5.6.7.8.1=DER:${attributeExtension(user)}`,
      '',
    ].join('\n'),
  );
  try {
    // The key exists on disk only encrypted; openssl reads it with the passphrase from the file beside it.
    fs.writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: passphrase.value }), { mode: 0o600 });
    await run('openssl', ['req', '-new', '-key', keyPath, '-passin', `file:${passphrase.file}`, '-subj', `/C=${org.country ?? 'XX'}/O=${org.domain}/OU=${ou}/CN=${user.id}@${org.domain}`, '-out', csr]);
    await run('openssl', [
      'x509', '-req', '-in', csr, '-CA', path.join(caDir, caCert), '-CAkey', path.join(caDir, 'priv_sk'),
      '-set_serial', `0x${crypto.randomBytes(16).toString('hex')}`, '-days', '825', '-sha256',
      '-extfile', ext, '-extensions', 'v3', '-out', certPath,
    ]);
  } finally {
    for (const f of [csr, ext]) fs.rmSync(f, { force: true });
  }
  return { ...user, certPath, keyPath };
}

/** One passphrase per organisation, generated at set-up, protects its users' keys at rest. */
export function orgPassphrase(usersDir: string, org: OrgSpec): { file: string; value: string } {
  const file = path.join(usersDir, org.name, 'passphrase');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return { file, value: fs.readFileSync(file, 'utf8').trim() };
}
