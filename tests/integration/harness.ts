// The integration suites' own network: profile "test" (its own ports and folders), started once for the
// whole run and stopped, with its state removed, at the end. It never touches a network left running
// by `npm start`. CATS_TEST_PROFILE picks another profile (dev-a, dev-b, dev-c) to run suites side by side.
import { down, up } from '../../network/src/network';
import { NetworkFile } from '../../network/src/network-file';
import { PROFILES, Profile } from '../../network/src/topology';

let started: Promise<NetworkFile> | undefined;

export function testProfile(): Profile {
  const name = process.env.CATS_TEST_PROFILE ?? 'test';
  const profile = PROFILES[name];
  if (!profile || name === 'default') throw new Error(`CATS_TEST_PROFILE=${name}: use test or a dev-* profile`);
  return profile;
}

export function startTestNetwork(): Promise<NetworkFile> {
  started ??= (async () => {
    await down(testProfile().name, { purge: true }); // leftovers of an interrupted run
    return up({ profile: testProfile() });
  })();
  return started;
}

export async function stopTestNetwork(): Promise<void> {
  if (!started) return;
  started = undefined;
  await down(testProfile().name, { purge: process.env.CATS_KEEP_TEST_NETWORK !== '1' });
}
