// Faults on the processes of ONE profile only, found by the PIDs in its pids folder (never by name), and
// their restart with the per-kind start functions of network/src (which start only what is not running).
import { chaincodeServerName, packageFor, startChaincodeServer } from '../network/src/chaincode-deploy';
import { gatewayName, startGateway, waitGatewayReady } from '../network/src/gateways';
import { layout, type Layout } from '../network/src/layout';
import { readOrgs } from '../network/src/network';
import type { NetworkFile } from '../network/src/network-file';
import { ordererName, peerName, startOrderer, startPeer, waitOrdererHealthy, waitPeerHealthy } from '../network/src/nodes';
import { httpGet, runningPid } from '../network/src/processes';
import { DEFAULT_ORGS, type OrgSpec, type Profile } from '../network/src/topology';
import { sleep } from './lib';

export class Faults {
  readonly l: Layout;
  readonly orgs: OrgSpec[];
  constructor(
    readonly profile: Profile,
    readonly network: NetworkFile,
  ) {
    this.l = layout(profile.name);
    this.orgs = readOrgs(this.l) ?? DEFAULT_ORGS;
  }

  private org(name: string): OrgSpec {
    const o = this.orgs.find((x) => x.name === name);
    if (!o) throw new Error(`no organisation ${name} in profile ${this.profile.name}`);
    return o;
  }

  /** The orderer that leads the transit channel's Raft, from the orderers' operations /metrics. */
  async raftLeader(): Promise<{ org: OrgSpec; index: number } | undefined> {
    const ordering = this.orgs.filter((o) => o.runsOrderer);
    for (const [index, org] of ordering.entries()) {
      const ops = this.network.orderers[index]?.operations;
      if (!ops) continue;
      try {
        const { body } = await httpGet(`http://${ops}/metrics`);
        if (/^consensus_etcdraft_is_leader\{channel="transit"\} 1$/m.test(body)) return { org, index };
      } catch {
        /* that orderer is down */
      }
    }
    return undefined;
  }

  /** SIGKILL of one process of this profile, by its PID file; returns the PID killed. */
  kill(name: string): number {
    const pid = runningPid(this.l.pids, name);
    if (!pid) throw new Error(`${name} is not running in profile ${this.profile.name}`);
    process.kill(pid, 'SIGKILL');
    return pid;
  }

  async waitGone(name: string, ms = 10_000): Promise<void> {
    const end = Date.now() + ms;
    while (runningPid(this.l.pids, name) && Date.now() < end) await sleep(50);
  }

  async restartOrderer(orgName: string): Promise<void> {
    const ordering = this.orgs.filter((o) => o.runsOrderer);
    const index = ordering.findIndex((o) => o.name === orgName);
    startOrderer(this.l, ordering[index], index, this.profile.basePort);
    await waitOrdererHealthy(this.l, ordering[index], index, this.profile.basePort);
  }

  async restartPeer(orgName: string): Promise<void> {
    startPeer(this.l, this.org(orgName), this.profile.basePort);
    await waitPeerHealthy(this.l, this.org(orgName), this.profile.basePort);
  }

  async restartChaincode(orgName: string): Promise<void> {
    const org = this.org(orgName);
    const pkg = await packageFor(this.l, org, this.profile.basePort);
    startChaincodeServer(this.l, org, this.profile.basePort, pkg.id);
    // listening is enough: the peer reconnects on the next invocation
    const end = Date.now() + 30_000;
    while (!runningPid(this.l.pids, chaincodeServerName(org)) && Date.now() < end) await sleep(100);
  }

  async restartGateway(orgName: string): Promise<void> {
    const org = this.network.organisations.find((o) => o.name === orgName)!;
    startGateway(this.l, org, this.network);
    await waitGatewayReady(this.l, org);
  }

  static names = { orderer: ordererName, peer: peerName, chaincode: chaincodeServerName, gateway: gatewayName };
}
