// Issue 8, small versions of `npm run chaos` on the harness network (its own processes, its own ports):
// faults under a short open-loop load (a chaincode server, the gateway taking the load and another
// gateway's event listener killed and restarted; the Raft leader orderer; one peer), each
// checked for exactly-once by idempotency key, reservations, index convergence and webhook deliveries;
// a few requests of every hostile kind (4xx with the right code, no 5xx, no ledger write); and the
// forbidden actions submitted straight to the peers.
import { expect } from 'chai';
import { ABUSE_CASES, runAbuse } from '../../chaos/abuse';
import { FAULTS, type FaultSpec, hostileTargets, runFaultCase } from '../../chaos/cases';
import { Faults } from '../../chaos/faults';
import { hostileKinds, newTally, sendHostile, tallyAnswer } from '../../chaos/hostile';
import { Http, Ledger, VIEWERS, WebhookReceiver } from '../../chaos/lib';
import type { NetworkFile } from '../../network/src/network-file';
import { startTestNetwork, testProfile } from './harness';

process.env.CATS_LOG_LEVEL ??= 'warn';

describe('resilience: faults and hostile input under load lose nothing (issue 8)', function () {
  this.timeout(240_000);
  let network: NetworkFile;
  let http: Http;
  let faults: Faults;
  const receiver = new WebhookReceiver();
  let targets: { mrn: string; grn: string };

  before(async () => {
    network = await startTestNetwork();
    http = new Http(network);
    faults = new Faults(testProfile(), network);
    await receiver.start();
    await receiver.subscribe(http, VIEWERS);
    targets = await hostileTargets(network, http);
  });
  after(() => receiver.stop());

  const assertCase = (r: Awaited<ReturnType<typeof runFaultCase>>) => {
    const e = r.exactlyOnce!;
    expect(e.lost, 'accepted but not on the ledger').to.deep.equal([]);
    expect(e.doubled, 'on the ledger twice').to.deep.equal([]);
    expect(e.declarationsCommitted).to.be.greaterThan(0);
    const res = r.reservations!;
    expect(res.balanced, `available ${res.available} = ${res.referenceAmount} − ${res.activeSum}`).to.equal(true);
    expect(res.lost).to.deep.equal([]);
    expect(res.doubled).to.deep.equal([]);
    expect(res.statusMismatch).to.deep.equal([]);
    for (const i of r.indexes!) {
      expect(i, `index of ${i.org}`).to.include({ converged: true, duplicates: 0, phantoms: 0, gaps: 0, webhookMissing: 0 });
    }
    expect(r.resumeMs, 'service resumed').to.be.a('number');
    console.log(`      ${r.killed}: resumed ${(r.resumeMs! / 1000).toFixed(1)} s after the kill; ${r.writesAccepted}/${r.writesSent} writes accepted, ${r.clientRetries} client retries`);
  };

  it('kills a chaincode server, the gateway taking the load and another gateway (its event listener) mid-load: exactly once, reservations kept, indexes converge, webhooks see every event', async () => {
    const spec: FaultSpec = {
      name: 'chaincode-CustomsAZ + gateway-CustomsAZ + gateway-CustomsGE',
      downMs: 2000,
      inject: async (f) => {
        for (const n of ['chaincode-CustomsAZ', 'gateway-CustomsAZ', 'gateway-CustomsGE']) f.kill(n);
        return 'chaincode-CustomsAZ, gateway-CustomsAZ, gateway-CustomsGE';
      },
      restart: async (f) => {
        await f.restartChaincode('CustomsAZ');
        await Promise.all([f.restartGateway('CustomsAZ'), f.restartGateway('CustomsGE')]);
      },
    };
    assertCase(await runFaultCase(network, http, faults, receiver, 'it', spec, { intervalMs: 800, durationMs: 9000, faultAtMs: 2500, indexTimeoutMs: 45_000 }));
  });

  it('kills the Raft leader orderer mid-load and restarts it: exactly once, reservations kept, indexes converge', async () => {
    const leader = await faults.raftLeader();
    expect(leader, 'a Raft leader on the orderers’ /metrics').to.not.equal(undefined);
    const spec: FaultSpec = {
      name: 'Raft leader',
      downMs: 3000,
      inject: async (f) => {
        const name = `orderer-${leader!.org.name}`;
        f.kill(name);
        await f.waitGone(name);
        return name;
      },
      restart: (f, killed) => f.restartOrderer(killed.replace('orderer-', '')),
    };
    assertCase(await runFaultCase(network, http, faults, receiver, 'it', spec, { intervalMs: 800, durationMs: 9000, faultAtMs: 2500, indexTimeoutMs: 45_000 }));
  });

  it('kills one peer (CustomsGE, an endorser of the AZ→GE declarations) mid-load and restarts it: exactly once, reservations kept, indexes converge', async () => {
    // The peer's own gateway (CustomsGE) loses its peer too: its index must catch up from its checkpoint.
    const spec: FaultSpec = { ...FAULTS.peer, downMs: 3000 };
    assertCase(await runFaultCase(network, http, faults, receiver, 'it', spec, { intervalMs: 800, durationMs: 9000, faultAtMs: 2500, indexTimeoutMs: 45_000 }));
  });

  it('answers every hostile kind with its 4xx code, never 5xx, and writes nothing to the ledger', async () => {
    const kinds = await hostileKinds(network, targets);
    const ledger = new Ledger(network);
    try {
      const before = await ledger.height();
      const failures: string[] = [];
      for (const k of kinds) {
        const t = newTally();
        const n = k.weight < 1 ? 1 : 3;
        for (let i = 0; i < n; i++) tallyAnswer(t, k, await sendHostile(http, k, i));
        if (t.fourxx !== n || t.wrongCode || t.throttled || t.withTxId) failures.push(`${k.name}: ${JSON.stringify(t.codes)} ${t.examples.join(' ‖ ')}`);
      }
      expect(failures).to.deep.equal([]);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await ledger.height(), 'no block was cut for a hostile request').to.equal(before);
    } finally {
      ledger.close();
    }
  });

  it('refuses forbidden actions submitted straight to the peers with valid certificates, and nothing changes', async () => {
    const results = await runAbuse(network, targets, ABUSE_CASES);
    for (const r of results) {
      expect(r, r.name).to.include({ refused: true, movementUnchanged: true });
      expect(r.expected, `${r.name}: got ${r.code}`).to.include(r.code);
      expect(r.heightAfter, r.name).to.equal(r.heightBefore);
    }
  });
});
