// The integration suites' own network: profile "test" (its own ports and folders), started once for the
// whole run and stopped, with its state removed, at the end. It never touches a network left running
// by `npm start`.
import { down, up } from '../../network/src/network';
import { NetworkFile } from '../../network/src/network-file';
import { PROFILES } from '../../network/src/topology';

let started: Promise<NetworkFile> | undefined;

export function startTestNetwork(): Promise<NetworkFile> {
  started ??= (async () => {
    await down(PROFILES.test.name, { purge: true }); // leftovers of an interrupted run
    return up({ profile: PROFILES.test });
  })();
  return started;
}

export async function stopTestNetwork(): Promise<void> {
  if (!started) return;
  started = undefined;
  await down(PROFILES.test.name, { purge: process.env.CATS_KEEP_TEST_NETWORK !== '1' });
}
