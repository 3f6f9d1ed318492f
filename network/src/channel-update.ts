// Adding an organisation to the running channel: fetch the current configuration, add the new
// organisation's group (MSP, policies, anchor peer), compute the update, collect admins' signatures,
// submit. Done with Fabric's own tools (peer, configtxgen, configtxlator), step by step in a work folder.
import fs from 'node:fs';
import path from 'node:path';
import { applicationOrg } from './channel-config';
import { writeYaml } from './crypto-material';
import { Layout, bin } from './layout';
import { ordererTlsCaFile, peerAdminEnv } from './nodes';
import { run } from './processes';
import { SetupError } from './progress';
import { CHANNEL, OrgSpec, mspId, ordererPorts, orgPorts } from './topology';

interface ConfigJson {
  channel_group: { groups: { Application: { groups: Record<string, unknown> } } };
}

/** configtxlator's default output is /dev/stdout, which a pipe-backed child cannot open: use a file. */
async function decode(input: string, type: string): Promise<any> {
  const out = `${input}.json`;
  await run(bin('configtxlator'), ['proto_decode', '--input', input, '--type', type, '--output', out]);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

function ordererArgs(l: Layout, orderer: OrgSpec, basePort: number): string[] {
  return ['-o', `127.0.0.1:${ordererPorts(basePort, 0).listen}`, '--tls', '--cafile', ordererTlsCaFile(l, orderer)];
}

export async function fetchConfig(l: Layout, admin: OrgSpec, orderer: OrgSpec, basePort: number, work: string): Promise<ConfigJson> {
  const block = path.join(work, 'config_block.pb');
  await run(bin('peer'), ['channel', 'fetch', 'config', block, '-c', CHANNEL, ...ordererArgs(l, orderer, basePort)], { env: peerAdminEnv(l, admin, basePort) });
  const decoded = await decode(block, 'common.Block');
  return (decoded as { data: { data: { payload: { data: { config: ConfigJson } } }[] } }).data.data[0].payload.data.config;
}

export function channelHasOrg(config: ConfigJson, org: OrgSpec): boolean {
  return mspId(org) in config.channel_group.groups.Application.groups;
}

/** The organisation's config group as configtxgen prints it, plus its anchor peer. */
async function orgGroup(l: Layout, org: OrgSpec, basePort: number, work: string): Promise<unknown> {
  const dir = path.join(work, 'org');
  writeYaml(path.join(dir, 'configtx.yaml'), { Organizations: [applicationOrg(l.crypto, org, basePort)] });
  const printed = await run(bin('configtxgen'), ['-printOrg', mspId(org), '-configPath', dir]);
  const group = JSON.parse(printed.stdout) as { values: Record<string, unknown> };
  group.values.AnchorPeers = {
    mod_policy: 'Admins',
    value: { anchor_peers: [{ host: '127.0.0.1', port: orgPorts(basePort, org.slot).peer }] },
    version: '0',
  };
  return group;
}

/** Writes the signed-to-be envelope that adds `org` to the channel; returns its path. */
export async function buildAddOrgUpdate(l: Layout, config: ConfigJson, org: OrgSpec, basePort: number, work: string): Promise<string> {
  const updated = structuredClone(config);
  updated.channel_group.groups.Application.groups[mspId(org)] = await orgGroup(l, org, basePort, work);
  const files = { original: path.join(work, 'original.json'), modified: path.join(work, 'modified.json') };
  fs.writeFileSync(files.original, JSON.stringify(config));
  fs.writeFileSync(files.modified, JSON.stringify(updated));
  for (const name of ['original', 'modified'] as const) {
    await run(bin('configtxlator'), ['proto_encode', '--input', files[name], '--type', 'common.Config', '--output', path.join(work, `${name}.pb`)]);
  }
  const updatePb = path.join(work, 'update.pb');
  await run(bin('configtxlator'), ['compute_update', '--channel_id', CHANNEL, '--original', path.join(work, 'original.pb'), '--updated', path.join(work, 'modified.pb'), '--output', updatePb]);
  const update = await decode(updatePb, 'common.ConfigUpdate');
  const envelopeJson = path.join(work, 'envelope.json');
  fs.writeFileSync(envelopeJson, JSON.stringify({ payload: { header: { channel_header: { channel_id: CHANNEL, type: 2 } }, data: { config_update: update } } }));
  const envelope = path.join(work, 'envelope.pb');
  await run(bin('configtxlator'), ['proto_encode', '--input', envelopeJson, '--type', 'common.Envelope', '--output', envelope]);
  return envelope;
}

/** Each admin signs with its own identity, from its own organisation's crypto material. */
export async function signUpdate(l: Layout, envelope: string, signers: OrgSpec[], basePort: number): Promise<void> {
  for (const org of signers) await run(bin('peer'), ['channel', 'signconfigtx', '-f', envelope], { env: peerAdminEnv(l, org, basePort) });
}

export async function submitUpdate(l: Layout, envelope: string, submitter: OrgSpec, orderer: OrgSpec, basePort: number): Promise<void> {
  try {
    await run(bin('peer'), ['channel', 'update', '-f', envelope, '-c', CHANNEL, ...ordererArgs(l, orderer, basePort)], { env: peerAdminEnv(l, submitter, basePort) });
  } catch (err) {
    const msg = (err as Error).message;
    const policy = /implicit policy evaluation failed - (\d+) sub-policies were satisfied, but this policy requires (\d+)/.exec(msg);
    if (policy) throw new SetupError(`the channel update was refused: ${policy[1]} organisations' admins signed, the channel's Admins policy (MAJORITY) requires ${policy[2]}`);
    throw err;
  }
}

/** The new organisation's peer joins from the channel's first block, fetched as its own admin. */
export async function fetchGenesisAs(l: Layout, org: OrgSpec, orderer: OrgSpec, basePort: number, out: string): Promise<void> {
  await run(bin('peer'), ['channel', 'fetch', '0', out, '-c', CHANNEL, ...ordererArgs(l, orderer, basePort)], { env: peerAdminEnv(l, org, basePort) });
}
