// Readiness of the chaincode (a real evaluate on every peer) and the first content of the registry:
// organisations, member countries and the CAREC offices, agreed by the customs administrations
// themselves (one proposes, the others confirm), never written by one organisation alone.
import { Gateway } from '@hyperledger/fabric-gateway';
import { contractOf, findUser, openGateway, peerConnection } from './fabric-client';
import { NetworkFile, NetworkOrg } from './network-file';
import { waitFor } from './processes';
import { referenceOffices } from './users';

const utf8 = new TextDecoder();

/** The regional guarantee pool and the auditor are seated in the first pilot country for the registry. */
const REGIONAL_SEAT = 'AZ';

export async function withAdmin<T>(network: NetworkFile, org: NetworkOrg, work: (gateway: Gateway) => Promise<T>): Promise<T> {
  const client = peerConnection(org);
  const gateway = openGateway(client, findUser(network, org.name, 'admin1'));
  try {
    return await work(gateway);
  } finally {
    gateway.close();
    client.close();
  }
}

/**
 * Each organisation's own peer answers ops:Health through its own chaincode server. The evaluate is
 * pinned to the organisation: a peer still catching up would otherwise be skipped by its gateway,
 * and readiness would be claimed before its chaincode server is reachable.
 */
export async function waitChaincodeReady(network: NetworkFile): Promise<void> {
  await Promise.all(
    network.organisations.map((org) =>
      waitFor(
        `chaincode on the peer of ${org.name}`,
        () =>
          withAdmin(network, org, async (g) => {
            const proposal = contractOf(g, network, 'ops').newProposal('Health', { endorsingOrganizations: [org.mspId] });
            return utf8.decode(await proposal.evaluate()).length > 0;
          }),
        120000,
        `${network.stateDir}/logs/chaincode-${org.name}.log`,
      ),
    ),
  );
}

/** Member countries at set-up: the pilot's three administrations; Turkmenistan joins by accession. */
export const INITIAL_COUNTRIES = [
  { code: 'AZ', status: 'RATIFIED', mode: 'PILOT' },
  { code: 'GE', status: 'RATIFIED', mode: 'PILOT' },
  { code: 'UZ', status: 'RATIFIED', mode: 'PILOT' },
];

interface GenesisView {
  digest: string;
  status: 'PENDING' | 'ACTIVE';
  confirmations: string[];
}

async function genesisOf(network: NetworkFile, org: NetworkOrg): Promise<GenesisView | undefined> {
  return withAdmin(network, org, async (g) => {
    try {
      return JSON.parse(utf8.decode(await contractOf(g, network, 'registry').evaluateTransaction('GetGenesis', '{}'))) as GenesisView;
    } catch (err) {
      if (/NOT_FOUND/.test(String((err as { details?: unknown }).details ? JSON.stringify((err as { details: unknown }).details) : err))) return undefined;
      throw err;
    }
  });
}

/** Idempotent: a genesis already active is left alone; a pending one gets the missing confirmations. */
export async function seedRegistry(network: NetworkFile): Promise<void> {
  const customs = network.organisations.filter((o) => o.kind === 'CUSTOMS');
  const first = customs[0];
  let genesis = await genesisOf(network, first);
  if (genesis?.status === 'ACTIVE') return;
  if (!genesis) {
    const members = new Set(INITIAL_COUNTRIES.map((c) => c.code));
    const proposal = {
      organisations: network.organisations.map((o) => ({ mspId: o.mspId, name: o.name, kind: o.kind, country: o.country ?? REGIONAL_SEAT })),
      countries: INITIAL_COUNTRIES,
      offices: referenceOffices().filter((o) => members.has(o.countryCode)),
    };
    genesis = await withAdmin(network, first, async (g) =>
      JSON.parse(utf8.decode(await contractOf(g, network, 'registry').submitTransaction('Bootstrap', JSON.stringify(proposal)))) as GenesisView,
    );
  }
  for (const org of customs) {
    if (genesis.confirmations.includes(org.mspId)) continue;
    // The proposal committed on the proposer's peer; wait until this administration's own peer has it.
    await waitFor(`genesis proposal on the peer of ${org.name}`, async () => (await genesisOf(network, org)) !== undefined, 30000);
    await withAdmin(network, org, (g) => contractOf(g, network, 'registry').submitTransaction('ConfirmBootstrap', JSON.stringify({ digest: genesis!.digest })));
  }
}
