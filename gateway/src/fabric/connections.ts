// One gRPC connection to the organisation's peer, shared by a Gateway per acting user: every transaction
// is signed with that user's own certificate, so the ledger records who did what. A user's Gateway (and
// the decrypted key inside its signer) is built on first use and kept for the life of the process.
import type * as grpc from '@grpc/grpc-js';
import type { Contract, Gateway, Network } from '@hyperledger/fabric-gateway';
import { findUser, openGateway, peerConnection } from '../../../network/src/fabric-client';
import type { NetworkFile, NetworkOrg } from '../../../network/src/network-file';

export class FabricConnections {
  private readonly client: grpc.Client;
  private readonly gateways = new Map<string, Gateway>();

  constructor(
    readonly network: NetworkFile,
    readonly org: NetworkOrg,
  ) {
    this.client = peerConnection(org);
  }

  gateway(userId: string): Gateway {
    let gw = this.gateways.get(userId);
    if (!gw) {
      gw = openGateway(this.client, findUser(this.network, this.org.name, userId));
      this.gateways.set(userId, gw);
    }
    return gw;
  }

  channel(userId: string): Network {
    return this.gateway(userId).getNetwork(this.network.channel);
  }

  /** The chaincode as `userId`; transaction names carry the contract ('movement:Declare'). */
  contract(userId: string): Contract {
    return this.channel(userId).getContract(this.network.chaincode);
  }

  /** A system chaincode (qscc) as `userId`. */
  systemContract(userId: string, name: string): Contract {
    return this.channel(userId).getContract(name);
  }

  close(): void {
    for (const gw of this.gateways.values()) gw.close();
    this.gateways.clear();
    this.client.close();
  }
}
