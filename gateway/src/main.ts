// Entry point of one organisation's gateway process (started by network/src/gateways.ts with
// CATS_NETWORK_FILE, CATS_ORG, CATS_DATA_DIR). Configuration errors stop it with one line.
import { ConfigError, loadConfig } from './config';
import { startGateway } from './gateway';
import { log } from './observability/log';

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) throw new ConfigError(`Node.js 24 or newer is required (this is ${process.version}); run through npm scripts or node_modules/.bin/node`);
  const config = loadConfig();
  const gateway = await startGateway(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const force = setTimeout(() => process.exit(1), 10000);
    force.unref();
    gateway.close().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error('shutdown failed', { error: (e as Error).message });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    process.stderr.write(`cats gateway: ${e.message}\n`);
  } else {
    process.stderr.write(`cats gateway: failed to start: ${(e as Error)?.stack ?? String(e)}\n`);
  }
  process.exit(1);
});
