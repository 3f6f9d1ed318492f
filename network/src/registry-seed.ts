// Readiness of the chaincode (a real evaluate on every peer) and the first content of the registry:
// organisations, member countries and the CAREC offices, agreed by the customs administrations
// themselves (one proposes, the others confirm), never written by one organisation alone.
import { Gateway } from '@hyperledger/fabric-gateway';
import { contractOf, findUser, openGateway, peerConnection } from './fabric-client';
import { NetworkFile, NetworkOrg } from './network-file';
import { waitFor } from './processes';
import { referenceOffices } from './users';

const utf8 = new TextDecoder();

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

/** Each organisation's own peer answers ops:Health through its own chaincode server. */
export async function waitChaincodeReady(network: NetworkFile): Promise<void> {
  await Promise.all(
    network.organisations.map((org) =>
      waitFor(
        `chaincode on the peer of ${org.name}`,
        () => withAdmin(network, org, async (g) => utf8.decode(await contractOf(g, network, 'ops').evaluateTransaction('Health')).length > 0),
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

export async function seedRegistry(network: NetworkFile): Promise<void> {
  const customs = network.organisations.filter((o) => o.kind === 'CUSTOMS');
  const [first, ...others] = customs;
  const organisations = network.organisations.map((o) => ({ mspId: o.mspId, name: o.name, kind: o.kind, country: o.country ?? undefined }));
  const members = new Set(INITIAL_COUNTRIES.map((c) => c.code));
  const offices = referenceOffices().filter((o) => members.has(o.countryCode));

  const seeded = await withAdmin(network, first, async (g) => {
    const json = utf8.decode(await contractOf(g, network, 'registry').evaluateTransaction('ListOffices', '{}'));
    return (JSON.parse(json) as unknown[]).length > 0;
  });
  if (seeded) return;

  const proposal = { organisations, countries: INITIAL_COUNTRIES, offices };
  await withAdmin(network, first, (g) => contractOf(g, network, 'registry').submitTransaction('Bootstrap', JSON.stringify(proposal)));
  for (const org of others) {
    await withAdmin(network, org, (g) => contractOf(g, network, 'registry').submitTransaction('ConfirmBootstrap', '{}'));
  }
}

