// Registry governance for the suite: a SET_PARAMETERS change proposed by one customs administration's
// admin and approved by another (a majority of the three), submitted with the admins' own certificates.
// The REST gateways have no governance route, so this goes through the Fabric client directly.
import crypto from 'node:crypto';
import { contractOf, findUser, openGateway, peerConnection } from '../../network/src/fabric-client';
import type { NetworkFile } from '../../network/src/network-file';

async function submitAs(network: NetworkFile, orgName: string, fn: string, arg: unknown): Promise<Record<string, unknown>> {
  const org = network.organisations.find((o) => o.name === orgName)!;
  const client = peerConnection(org);
  const gateway = openGateway(client, findUser(network, orgName, 'admin1'));
  try {
    return JSON.parse(new TextDecoder().decode(await contractOf(gateway, network, 'registry').submitTransaction(fn, JSON.stringify(arg))));
  } finally {
    gateway.close();
    client.close();
  }
}

/** Applies `parameters` (seconds as strings) by a majority of the customs administrations. */
export async function setParameters(network: NetworkFile, parameters: Record<string, string>): Promise<void> {
  const customs = network.organisations.filter((o) => o.kind === 'CUSTOMS').map((o) => o.name);
  const id = `conformance-params-${crypto.randomBytes(4).toString('hex')}`;
  let p = await submitAs(network, customs[0], 'Propose', { id, change: { kind: 'SET_PARAMETERS', parameters } });
  for (const org of customs.slice(1)) {
    if (p.status === 'APPLIED') break;
    p = await submitAs(network, org, 'Approve', { id });
  }
  if (p.status !== 'APPLIED') throw new Error(`governance: ${id} was not applied (${JSON.stringify(p)})`);
}
