// Sets the console passwords of every user of a network (for local use and tests) and prints them:
//   node -r @swc-node/register web/scripts/console-passwords.ts [profile] [--password <same-for-all>] [--user Org:user]
// Without --password each user gets a new random one. Writes <stateDir>/users/<Org>/<user>/console-password.
import path from 'node:path';
import { generateConsolePassword, writeConsolePassword } from '../../network/src/console-passwords';
import { layout } from '../../network/src/layout';
import { readNetworkFile } from '../../network/src/network-file';

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const profile = argv.find((a, i) => !a.startsWith('--') && !['--password', '--user'].includes(argv[i - 1] ?? '')) ?? 'default';
  const same = flag('--password');
  const only = flag('--user');
  const network = readNetworkFile(layout(profile).networkFile);
  const rows: string[] = [];
  for (const org of network.organisations) {
    for (const u of org.users) {
      if (only && only.toLowerCase() !== `${org.name}:${u.id}`.toLowerCase()) continue;
      const password = same ?? generateConsolePassword();
      await writeConsolePassword(path.join(network.stateDir, 'users', org.name, u.id), password);
      rows.push(`${org.name.padEnd(14)} ${u.id.padEnd(12)} ${u.role.padEnd(10)} ${password}   ${org.gateway.url}/`);
    }
  }
  console.log(`Console passwords of network ${network.name}:`);
  for (const r of rows) console.log(`  ${r}`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
