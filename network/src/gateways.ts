// The REST gateway of each organisation, as its own process on its own port.
import path from 'node:path';
import { Layout, ROOT } from './layout';
import { NetworkFile, NetworkOrg } from './network-file';
import { NODE_SERVER_FLAGS, httpGet, runningPid, startDaemon, waitFor } from './processes';

export const gatewayName = (org: { name: string }) => `gateway-${org.name}`;
export const GATEWAY_MAIN = path.join(ROOT, 'dist', 'gateway', 'src', 'main.js');

export function startGateway(l: Layout, org: NetworkOrg, network: NetworkFile): void {
  if (runningPid(l.pids, gatewayName(org))) return;
  startDaemon({
    name: gatewayName(org),
    cmd: process.execPath,
    args: [...NODE_SERVER_FLAGS, GATEWAY_MAIN],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      CATS_NETWORK_FILE: path.join(network.stateDir, 'network.json'),
      CATS_ORG: org.name,
      CATS_DATA_DIR: path.join(l.state, 'gateway-data', org.name),
    },
    cwd: ROOT,
    pidDir: l.pids,
    logDir: l.logs,
  });
}

export function waitGatewayReady(l: Layout, org: NetworkOrg): Promise<void> {
  return waitFor(
    `gateway of ${org.name}`,
    async () => (await httpGet(`${org.gateway.url}/health`)).status === 200,
    60000,
    path.join(l.logs, `${gatewayName(org)}.log`),
  );
}

