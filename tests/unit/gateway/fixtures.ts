// A network.json-shaped description with two organisations and real JWT keys in a temp folder, for
// gateway unit tests that need no running Fabric network.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NetworkFile, NetworkOrg } from '../../../network/src/network-file';

function org(dir: string, name: string, kind: NetworkOrg['kind'], country: string | null): NetworkOrg {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwtKeyFile = path.join(dir, `${name}.jwk.json`);
  fs.writeFileSync(jwtKeyFile, JSON.stringify({ ...privateKey.export({ format: 'jwk' }), alg: 'ES256', kid: `${name}-test` }));
  const pass = path.join(dir, `${name}.pass`);
  fs.writeFileSync(pass, 'secret');
  return {
    name,
    mspId: `${name}MSP`,
    kind,
    country,
    peer: { host: 'peer0', endpoint: '127.0.0.1:1', tlsCaCert: pass, operations: '127.0.0.1:2' },
    chaincodeServer: '127.0.0.1:3',
    gateway: { port: 0, url: 'http://127.0.0.1:0' },
    keyPassphraseFile: pass,
    jwtKeyFile,
    users: [
      { id: 'officer1', role: 'officer', offices: [`${country ?? 'XX'}000100`], certPath: '', keyPath: '' },
      { id: 'trader1', role: 'trader', traderId: `${country ?? 'XX'}1700123451`, certPath: '', keyPath: '' },
      { id: 'auditor1', role: 'auditor', certPath: '', keyPath: '' },
    ],
  };
}

export function testNetwork(): { network: NetworkFile; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-gw-unit-'));
  const network: NetworkFile = {
    name: 'unit',
    channel: 'transit',
    chaincode: 'cats',
    stateDir: dir,
    basePort: 0,
    orderers: [],
    organisations: [org(dir, 'CustomsAZ', 'CUSTOMS', 'AZ'), org(dir, 'CustomsGE', 'CUSTOMS', 'GE')],
  };
  return { network, dir };
}
