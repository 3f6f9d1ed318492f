// Entry point of the network scripts: `up`, `down`, `status`. Kept thin; the steps live in network.ts.
import { down, up } from './network';
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
  const [command = 'up', profileName = 'default'] = argv;
  const profile = PROFILES[profileName];
  if (!profile) throw new SetupError(`unknown profile ${profileName} (known: ${Object.keys(PROFILES).join(', ')})`);
  switch (command) {
    case 'up': {
      console.log(`CATS/ICE: bringing up the ${profile.name} network`);
      const network = await up({ profile });
      console.log(`\nNetwork ${network.name} is up (${elapsed()} s). Gateways:`);
      for (const o of network.organisations) console.log(`  ${o.name.padEnd(14)} ${o.gateway.url}`);
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
      throw new SetupError(`unknown command ${command} (use up, down or status)`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof SetupError) console.error(`\nerror: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
