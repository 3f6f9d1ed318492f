// A Fabric Gateway connection as one enrolled user of one organisation, used by the set-up (registry
// bootstrap, readiness), the REST gateways and the tests. The user's key is decrypted in memory only.
import * as grpc from '@grpc/grpc-js';
import { connect, Contract, Gateway, Identity, Signer, hash } from '@hyperledger/fabric-gateway';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { NetworkFile, NetworkOrg } from './network-file';
import { p256Signer } from './p256-signer';

export interface UserRef {
  org: NetworkOrg;
  userId: string;
}

export function findUser(network: NetworkFile, orgName: string, userId: string): UserRef {
  const org = network.organisations.find((o) => o.name.toLowerCase() === orgName.toLowerCase());
  if (!org) throw new Error(`unknown organisation ${orgName} (known: ${network.organisations.map((o) => o.name).join(', ')})`);
  if (!org.users.some((u) => u.id === userId)) throw new Error(`unknown user ${userId} in ${org.name} (known: ${org.users.map((u) => u.id).join(', ')})`);
  return { org, userId };
}

function identityOf(ref: UserRef): { identity: Identity; signer: Signer } {
  const user = ref.org.users.find((u) => u.id === ref.userId);
  if (!user) throw new Error(`unknown user ${ref.userId}`);
  const passphrase = fs.readFileSync(ref.org.keyPassphraseFile, 'utf8').trim();
  const key = crypto.createPrivateKey({ key: fs.readFileSync(user.keyPath), passphrase });
  return {
    identity: { mspId: ref.org.mspId, credentials: fs.readFileSync(user.certPath) },
    signer: p256Signer(key),
  };
}

/** One gRPC connection per peer, shared by every user's Gateway on it. */
export function peerConnection(org: NetworkOrg): grpc.Client {
  const tls = grpc.credentials.createSsl(fs.readFileSync(org.peer.tlsCaCert));
  return new grpc.Client(org.peer.endpoint, tls, {
    'grpc.ssl_target_name_override': org.peer.host,
    'grpc.keepalive_time_ms': 120000,
  });
}

export function openGateway(client: grpc.Client, ref: UserRef): Gateway {
  const { identity, signer } = identityOf(ref);
  return connect({
    client,
    identity,
    signer,
    // the signer hashes (OpenSSL) as it signs: p256-signer.ts
    hash: hash.none,
    evaluateOptions: () => ({ deadline: Date.now() + 10000 }),
    endorseOptions: () => ({ deadline: Date.now() + 30000 }),
    submitOptions: () => ({ deadline: Date.now() + 10000 }),
    commitStatusOptions: () => ({ deadline: Date.now() + 60000 }),
  });
}

export function contractOf(gateway: Gateway, network: NetworkFile, name?: string): Contract {
  return gateway.getNetwork(network.channel).getContract(network.chaincode, name);
}
