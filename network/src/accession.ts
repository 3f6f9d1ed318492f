// Accession of a new customs administration to the running network (`npm run accede -- TM`).
// Order matters for "a failed accession leaves the network as it was": everything local and reversible
// (checks, crypto material, the new peer started but not yet a member) comes before the one step that
// changes the channel (the configuration update signed by a majority of admins). If anything fails before
// that step, the new organisation's processes are stopped and the channel is untouched; every step is
// idempotent, so running the command again completes an accession that stopped half-way.
import fs from 'node:fs';
import path from 'node:path';
import { committedSequence, approve, installOn, packageFor, startChaincodeServer } from './chaincode-deploy';
import { buildAddOrgUpdate, channelHasOrg, fetchConfig, fetchGenesisAs, signUpdate, submitUpdate } from './channel-update';
import { generateCrypto } from './crypto-material';
import { startGateway, waitGatewayReady } from './gateways';
import { agree } from './governance';
import { layout } from './layout';
import { describe as describeNetwork, checkPorts, readOrgs, writeOrgs } from './network';
import { NetworkFile, readNetworkFile, writeNetworkFile } from './network-file';
import { joinPeer, peerName, startPeer, waitGossip, waitPeerHealthy } from './nodes';
import { stopDaemon } from './processes';
import { SetupError, step } from './progress';
import { waitChaincodeReady } from './registry-seed';
import { DEFAULT_ORGS, OrgSpec, Profile, customsOrg, mspId, ordererPorts } from './topology';
import { referenceOffices } from './users';

export interface AccessionOptions {
  profile: Profile;
  country: string;
  /** how many customs administrations are asked to sign the channel update (default: all) */
  signers?: number;
}

export interface AccessionResult {
  network: NetworkFile;
  org: OrgSpec;
  seconds: number;
}

export async function accede(opts: AccessionOptions): Promise<AccessionResult> {
  const t0 = Date.now();
  const country = opts.country.toUpperCase();
  const base = opts.profile.basePort;
  const l = layout(opts.profile.name);
  if (!/^[A-Z]{2}$/.test(country)) throw new SetupError(`"${opts.country}" is not an ISO country code`);
  if (!fs.existsSync(l.networkFile)) throw new SetupError(`no ${opts.profile.name} network is set up here: run \`npm start\` first`);
  const offices = referenceOffices().filter((o) => o.countryCode === country);
  if (offices.length === 0) throw new SetupError(`no offices of ${country} in network/reference/carec-offices.json: a country needs its offices to accede`);

  const orgs = readOrgs(l) ?? DEFAULT_ORGS;
  const existing = orgs.find((o) => o.kind === 'CUSTOMS' && o.country === country);
  const org = existing ?? customsOrg(country, Math.max(...orgs.map((o) => o.slot)) + 1);
  const all = existing ? orgs : [...orgs, org];
  const members = orgs.filter((o) => o !== existing);
  const customs = members.filter((o) => o.kind === 'CUSTOMS');
  const orderer = orgs.find((o) => o.runsOrderer)!;
  const work = path.join(l.state, 'accession', country);
  fs.mkdirSync(work, { recursive: true });

  await step(`check the ports planned for ${org.name}`, () => checkPorts(l, [org], base));
  await step(`crypto material and users of ${org.name}`, async () => {
    await generateCrypto(l.crypto, l.config, all);
  });

  let config = await step('fetch the channel configuration', () => fetchConfig(l, customs[0], orderer, base, work));
  const alreadyMember = channelHasOrg(config, org);

  await step(`start the peer of ${org.name}`, async () => {
    startPeer(l, org, base);
    await waitPeerHealthy(l, org, base);
  });

  if (!alreadyMember) {
    const signers = customs.slice(0, opts.signers ?? customs.length);
    try {
      await step(`add ${mspId(org)} to the channel, signed by ${signers.map((o) => o.name).join(', ')}`, async () => {
        const envelope = await buildAddOrgUpdate(l, config, org, base, work);
        await signUpdate(l, envelope, signers.slice(0, -1), base);
        await submitUpdate(l, envelope, signers[signers.length - 1], orderer, base);
      });
    } catch (err) {
      // The channel is unchanged: take back what this run started.
      await stopDaemon(l.pids, peerName(org));
      throw err;
    }
    config = await fetchConfig(l, customs[0], orderer, base, work);
    if (!channelHasOrg(config, org)) throw new SetupError(`the channel update was submitted but ${mspId(org)} is not in the configuration`);
  }
  writeOrgs(l, all);

  const network = await step(`write network.json with ${org.name}`, async () => {
    const n = await describeNetwork(l, all, opts.profile);
    writeNetworkFile(l.networkFile, n);
    return n;
  });

  await step(`join the peer of ${org.name} to the channel`, async () => {
    const genesis = path.join(work, 'genesis.block');
    if (!fs.existsSync(genesis)) await fetchGenesisAs(l, org, orderer, base, genesis);
    await joinPeerFrom(l, org, base, genesis);
    await waitGossip(l, org, base, all.length - 1);
  });

  await step(`install and approve the chaincode for ${org.name}, start its chaincode server`, async () => {
    const pkg = await packageFor(l, org, base);
    await installOn(l, org, base, pkg);
    startChaincodeServer(l, org, base, pkg.id);
    const sequence = await committedSequence(l, customs[0], base);
    await approve(l, org, base, pkg.id, sequence, orderer, ordererPorts(base, 0).listen);
    await waitChaincodeReady({ ...network, organisations: network.organisations.filter((o) => o.name === org.name) });
  });

  await step(`registry: ${country} ACCEDED in PILOT mode, its offices and its administration, agreed by a majority`, async () => {
    await agree(network, `accession-${country}-country`, { kind: 'UPSERT_COUNTRY', country: { code: country, status: 'ACCEDED', mode: 'PILOT' } });
    await agree(network, `accession-${country}-offices`, { kind: 'UPSERT_OFFICES', offices });
    await agree(network, `accession-${country}-organisation`, {
      kind: 'UPSERT_ORGANISATION',
      organisation: { mspId: mspId(org), name: org.name, kind: 'CUSTOMS', country },
    });
  });

  await step(`start the REST gateway of ${org.name}`, async () => {
    const netOrg = network.organisations.find((o) => o.name === org.name)!;
    startGateway(l, netOrg, network);
    await waitGatewayReady(l, netOrg);
  });
  return { network, org, seconds: (Date.now() - t0) / 1000 };
}

async function joinPeerFrom(l: ReturnType<typeof layout>, org: OrgSpec, base: number, block: string): Promise<void> {
  await joinPeer({ ...l, genesisBlock: block }, org, base);
}

