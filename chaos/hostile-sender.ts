// The hostile client of `npm run chaos`, as a process of its own. A real attacker does not share the
// gateway's CPU: on this one machine the sender runs at the lowest priority (nice 19), so what the normal
// traffic feels is the system's cost of refusing the requests, not the attacker's cost of making them.
// The parent sends {network, targets, requests, concurrency, durationMs} over IPC and gets the tallies back.
import { fork } from 'node:child_process';
import os from 'node:os';
import type { NetworkFile } from '../network/src/network-file';
import { type HostileKind, type HostileTally, type HostileTargets, hostileKinds, newTally, schedule, tallyAnswer } from './hostile';
import { type Answer, Http, orgOf, sleep } from './lib';
import { RawHttpConnection } from './raw-http';

export interface SenderJob {
  network: NetworkFile;
  targets: HostileTargets;
  requests: number;
  concurrency: number;
  /** [start (epoch ms), length (ms)] of each window the requests are spread over, never sent faster */
  windows: [number, number][];
  /** only these kinds (all when absent) */
  kinds?: string[];
}

export interface SenderResult {
  byKind: Record<string, HostileTally>;
  total: HostileTally;
  /** answers received inside a window */
  during: number;
  seconds: number;
  /** the sender's own CPU, for the report */
  cpuSeconds: number;
}

/** One worker's connections, one per gateway, kept alive across its requests. */
class Connections {
  private readonly byOrg = new Map<string, RawHttpConnection>();
  constructor(private readonly http: Http) {}

  async send(kind: HostileKind, i: number): Promise<Answer> {
    const r = kind.build(i);
    const headers = await this.http.headersFor(r.who, r);
    let c = this.byOrg.get(r.org);
    if (!c) {
      const url = new URL(orgOf(this.http.network, r.org).gateway.url);
      c = new RawHttpConnection(url.hostname, Number(url.port));
      this.byOrg.set(r.org, c);
    }
    return c.request(r.method, r.path, headers, r.body, 60_000);
  }

  close(): void {
    for (const c of this.byOrg.values()) c.close();
  }
}

async function send(job: SenderJob): Promise<SenderResult> {
  const http = new Http(job.network);
  const kinds = (await hostileKinds(job.network, job.targets)).filter((k) => !job.kinds || job.kinds.includes(k.name));
  const byKind: Record<string, HostileTally> = Object.fromEntries(kinds.map((k) => [k.name, newTally()]));
  const total = newTally();
  const plan = schedule(kinds, job.requests);
  // request i is due at its share of the windows' total time, counted through the windows in turn
  const totalMs = job.windows.reduce((s, [, len]) => s + len, 0);
  const dueOf = (i: number): number => {
    let at = (i * totalMs) / plan.length;
    for (const [from, len] of job.windows) {
      if (at < len) return from + at;
      at -= len;
    }
    return Date.now();
  };
  const inWindow = (t: number) => job.windows.some(([from, len]) => t >= from && t <= from + len);
  const start = Date.now();
  let next = 0;
  let during = 0;
  const cpu0 = process.cpuUsage();
  const worker = async () => {
    const conns = new Connections(http);
    for (;;) {
      const i = next++;
      if (i >= plan.length) return conns.close();
      const due = dueOf(i);
      if (due > Date.now()) await sleep(due - Date.now());
      const a = await conns.send(plan[i], i);
      if (inWindow(Date.now())) during++;
      tallyAnswer(byKind[plan[i].name], plan[i], a);
      tallyAnswer(total, plan[i], a);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const cpu = process.cpuUsage(cpu0);
  return { byKind, total, during, seconds: (Date.now() - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Starts the sender process; resolves with its tallies when it has sent every request. */
export function runSender(job: SenderJob): Promise<SenderResult> {
  const child = fork(__filename, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    os.setPriority(child.pid!, 19);
  } catch {
    // not permitted: the sender then competes at normal priority, and the report's figures say so
  }
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as SenderResult));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the hostile sender exited with ${code} before answering`)));
    child.send(job);
  });
}

if (require.main === module) {
  process.once('message', (job) => {
    send(job as SenderJob).then(
      (r) => process.send!(r, () => process.exit(0)),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
