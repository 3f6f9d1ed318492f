// `npm run demo` (and the end of `npm start`): the CAREC pilot corridors scenario on the running network
// (client/src/demo/pilot/scenario.ts), each step by the organisation whose office acts, through that
// organisation's own gateway. Argument: the network profile (default 'default').
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, layout } from '../../../network/src/layout';
import { readNetworkFile } from '../../../network/src/network-file';
import { ApiClient, ApiError, NetworkUnavailable } from '../api-client';
import { runPilot } from './pilot/scenario';

async function main(): Promise<void> {
  const file = layout(process.argv[2] ?? 'default').networkFile;
  if (!fs.existsSync(file)) throw new NetworkUnavailable('no network is set up: run `npm start` first');
  const network = readNetworkFile(file);
  const as = (who: string) => ApiClient.as(network, who);
  await runPilot(as, path.join(ROOT, 'gateway', 'ncts', 'samples'));
}

main().catch((err: unknown) => {
  if (err instanceof ApiError) console.error(`\nerror: ${err.code}: ${err.message}`);
  else if (err instanceof NetworkUnavailable) console.error(`\nerror: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
