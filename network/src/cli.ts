// Entry point of the network scripts: `up`, `down`, `status`. Kept thin; the steps live in network.ts.
import { accede } from './accession';
import { consolePasswordsFile, down, up } from './network';
import { layout } from './layout';
import { SetupError, elapsed } from './progress';
import { PROFILES } from './topology';
import { readNetworkFile } from './network-file';
import { listPidNames, runningPid } from './processes';

function requireNode24(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) throw new SetupError(`Node ${process.versions.node} is too old: run through npm (npm start) so the project's Node 24 is used`);
}

async function main(argv: string[]): Promise<void> {
  requireNode24();
  const [command = 'up', ...rest] = argv;
  const positional = rest.filter((a) => !a.startsWith('--'));
  const profileName = command === 'accede' ? (positional[1] ?? 'default') : (positional[0] ?? 'default');
  const profile = PROFILES[profileName];
  if (!profile) throw new SetupError(`unknown profile ${profileName} (known: ${Object.keys(PROFILES).join(', ')})`);
  switch (command) {
    case 'up': {
      console.log(`CATS/ICE: bringing up the ${profile.name} network`);
      const network = await up({ profile });
      console.log(`\nNetwork ${network.name} is up (${elapsed()} s). Gateways (REST API under /api/v1) and web consoles:`);
      for (const o of network.organisations) console.log(`  ${o.name.padEnd(14)} ${o.gateway.url}/api/v1   console ${o.gateway.url}/`);
      console.log(`  console passwords: ${consolePasswordsFile(layout(profile.name))}`);
      return;
    }
    case 'accede': {
      const country = positional[0];
      if (!country) throw new SetupError('usage: npm run accede -- <ISO country code>   (e.g. TM)');
      const signersArg = rest.find((a) => a.startsWith('--signers='));
      console.log(`CATS/ICE: accession of ${country.toUpperCase()} to the ${profile.name} network`);
      const result = await accede({ profile, country, signers: signersArg ? Number(signersArg.split('=')[1]) : undefined });
      console.log(`\n${result.org.name} has acceded in ${result.seconds.toFixed(1)} s (PILOT mode). Its gateway: ${result.network.organisations.find((o) => o.name === result.org.name)?.gateway.url}`);
      return;
    }
    case 'down': {
      const stopped = await down(profile.name, { purge: argv.includes('--purge') });
      console.log(stopped.length ? `stopped ${stopped.length} processes: ${stopped.join(', ')}` : 'nothing was running');
      return;
    }
    case 'status': {
      const l = layout(profile.name);
      const names = listPidNames(l.pids);
      for (const n of names) console.log(`${n.padEnd(28)} ${runningPid(l.pids, n) ? 'running' : 'stopped'}`);
      try {
        const network = readNetworkFile(l.networkFile);
        for (const o of network.organisations) console.log(`${o.name.padEnd(14)} gateway ${o.gateway.url}`);
      } catch {
        console.log('no network.json: the network was never set up');
      }
      return;
    }
    default:
      throw new SetupError(`unknown command ${command} (use up, down, status or accede)`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof SetupError) console.error(`\nerror: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
