// network.json: the description of a running network that gateways, the client and tests read.
import fs from 'node:fs';
import { EnrolledUser } from './crypto-material';
import { OrgKind } from './topology';

export interface NetworkOrg {
  name: string;
  mspId: string;
  kind: OrgKind;
  country: string | null;
  peer: { host: string; endpoint: string; tlsCaCert: string; operations: string };
  chaincodeServer: string;
  gateway: { port: number; url: string };
  keyPassphraseFile: string;
  jwtKeyFile: string;
  users: EnrolledUser[];
}

export interface NetworkFile {
  name: string;
  channel: string;
  chaincode: string;
  stateDir: string;
  basePort: number;
  orderers: { name: string; endpoint: string; admin: string; operations: string; tlsCaCert: string }[];
  organisations: NetworkOrg[];
}

export function readNetworkFile(file: string): NetworkFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as NetworkFile;
}

export function writeNetworkFile(file: string, value: NetworkFile): void {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
