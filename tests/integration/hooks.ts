// Root hooks: one real network for every integration suite.
import { startTestNetwork, stopTestNetwork } from './harness';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(15 * 60 * 1000); // a cold machine builds Fabric first
    await startTestNetwork();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(120 * 1000);
    await stopTestNetwork();
  },
};
