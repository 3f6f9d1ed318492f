// The network grows while gateways run (accession adds an organisation). The endorsement plan counts
// the channel's organisations, so each gateway re-reads network.json when it changes, in place: every
// part holding `config.network` sees the new members without a restart.
import fs from 'node:fs';
import type { GatewayConfig } from './config';
import { log } from './observability/log';
import { readNetworkFile } from '../../network/src/network-file';

export function watchNetworkFile(config: GatewayConfig, file: string): () => void {
  const reload = () => {
    try {
      const fresh = readNetworkFile(file);
      if (fresh.organisations.length !== config.network.organisations.length) {
        config.network.organisations = fresh.organisations;
        log.info('network.json reloaded', { organisations: fresh.organisations.map((o) => o.name) });
      }
    } catch (err) {
      log.warn('network.json could not be reloaded', { error: (err as Error).message });
    }
  };
  fs.watchFile(file, { interval: 1000 }, reload);
  return () => fs.unwatchFile(file, reload);
}
