// Where everything of a network lives on disk. All of it is git-ignored: Fabric's binaries and sample
// configuration under .fabric/, each profile's state (crypto material, ledgers, logs, PIDs) under .run/<profile>/.
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []));

export const FABRIC_DIR = path.join(ROOT, '.fabric');
export const FABRIC_BIN = path.join(FABRIC_DIR, 'bin');
export const FABRIC_SAMPLECONFIG = path.join(FABRIC_DIR, 'sampleconfig');
export const BUILDER_DIR = path.join(ROOT, 'network', 'builder');
export const CHAINCODE_DIR = path.join(ROOT, 'chaincode');

export function bin(name: string): string {
  return path.join(FABRIC_BIN, name);
}

export interface Layout {
  state: string;
  crypto: string;
  config: string;
  ledgers: string;
  logs: string;
  pids: string;
  chaincode: string;
  users: string;
  networkFile: string;
  genesisBlock: string;
}

export function layout(profile: string): Layout {
  const state = path.join(ROOT, '.run', profile);
  return {
    state,
    crypto: path.join(state, 'crypto'),
    config: path.join(state, 'config'),
    ledgers: path.join(state, 'ledgers'),
    logs: path.join(state, 'logs'),
    pids: path.join(state, 'pids'),
    chaincode: path.join(state, 'chaincode'),
    users: path.join(state, 'users'),
    networkFile: path.join(state, 'network.json'),
    genesisBlock: path.join(state, 'config', 'transit.block'),
  };
}
