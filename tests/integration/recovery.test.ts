// `npm start` on a half-started network completes it: processes that died are started again from their
// data, and the ledger carries on where it was.
import { expect } from 'chai';
import { layout } from '../../network/src/layout';
import { up } from '../../network/src/network';
import { NetworkFile } from '../../network/src/network-file';
import { runningPid } from '../../network/src/processes';
import { contractOf, findUser, openGateway, peerConnection } from '../../network/src/fabric-client';
import { startTestNetwork, testProfile } from './harness';

async function blockHeight(network: NetworkFile, orgName: string): Promise<number> {
  const org = network.organisations.find((o) => o.name === orgName)!;
  const client = peerConnection(org);
  const gateway = openGateway(client, findUser(network, orgName, 'admin1'));
  try {
    const qscc = gateway.getNetwork(network.channel).getContract('qscc');
    const info = await qscc.evaluateTransaction('GetChainInfo', network.channel);
    // BlockchainInfo protobuf: field 1 (varint) is the height.
    let height = 0;
    let shift = 0;
    for (let i = 1; i < info.length; i++) {
      height |= (info[i] & 0x7f) << shift;
      if ((info[i] & 0x80) === 0) break;
      shift += 7;
    }
    return height;
  } finally {
    gateway.close();
    client.close();
  }
}

describe('recovery: start again on a half-started network', function () {
  let network: NetworkFile;
  before(async () => {
    network = await startTestNetwork();
  });

  it('restarts a killed peer and chaincode server and keeps the ledger', async () => {
    const l = layout(testProfile().name);
    const heightBefore = await blockHeight(network, 'CustomsGE');
    for (const name of ['peer-CustomsGE', 'chaincode-CustomsGE']) {
      const pid = runningPid(l.pids, name);
      expect(pid, `${name} should be running`).to.be.a('number');
      process.kill(pid!, 'SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(runningPid(l.pids, 'peer-CustomsGE')).to.equal(undefined);

    await up({ profile: testProfile() });

    expect(runningPid(l.pids, 'peer-CustomsGE')).to.be.a('number');
    expect(runningPid(l.pids, 'chaincode-CustomsGE')).to.be.a('number');
    expect(await blockHeight(network, 'CustomsGE')).to.be.at.least(heightBefore);
    const org = network.organisations.find((o) => o.name === 'CustomsGE')!;
    const client = peerConnection(org);
    const gateway = openGateway(client, findUser(network, 'CustomsGE', 'officer1'));
    try {
      const out = await contractOf(gateway, network, 'ops')
        .submitTransaction('Ping')
        .then((b) => new TextDecoder().decode(b))
        .catch((e: { details?: unknown; message: string }) => {
          throw new Error(`${e.message}: ${JSON.stringify(e.details)}`);
        });
      expect(out.length).to.be.greaterThan(0);
    } finally {
      gateway.close();
      client.close();
    }
  });
});
