// CPU and memory of the network's processes, per kind (orderer, peer, chaincode, gateway), read from
// /proc/<pid>/stat and /proc/<pid>/status for the PIDs the network recorded in .run/<profile>/pids.
import fs from 'node:fs';
import path from 'node:path';

export type ProcessKind = 'orderer' | 'peer' | 'chaincode' | 'gateway';
export const KINDS: ProcessKind[] = ['orderer', 'peer', 'chaincode', 'gateway'];

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface ProcSample {
  pid: number;
  name: string;
  kind: ProcessKind;
  /** user + system CPU seconds since the process started */
  cpuSeconds: number;
  rssBytes: number;
}

export function kindOf(name: string): ProcessKind | undefined {
  return KINDS.find((k) => name.startsWith(`${k}-`));
}

/** The network's processes that run now, from the PID files. */
export function networkPids(pidDir: string): { pid: number; name: string; kind: ProcessKind }[] {
  if (!fs.existsSync(pidDir)) return [];
  const out: { pid: number; name: string; kind: ProcessKind }[] = [];
  for (const f of fs.readdirSync(pidDir).filter((x) => x.endsWith('.pid'))) {
    const name = f.slice(0, -4);
    const kind = kindOf(name);
    const pid = Number(fs.readFileSync(path.join(pidDir, f), 'utf8').trim());
    if (kind && Number.isInteger(pid) && pid > 0 && fs.existsSync(`/proc/${pid}/stat`)) out.push({ pid, name, kind });
  }
  return out;
}

function readSample(p: { pid: number; name: string; kind: ProcessKind }): ProcSample | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${p.pid}/stat`, 'utf8');
    // fields after the command name (which may contain spaces) start at ") "
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = fs.readFileSync(`/proc/${p.pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return { ...p, cpuSeconds: (utime + stime) / TICKS_PER_SECOND, rssBytes: rss ? Number(rss[1]) * 1024 : 0 };
  } catch {
    return undefined;
  }
}

export interface KindUsage {
  processes: number;
  cpuSeconds: number;
  /** average cores busy over the interval */
  cores: number;
  rssMaxMiB: number;
  rssEndMiB: number;
}

/** Samples every process at start, every `everyMs` (for peak RSS) and at stop. */
export class ProcMonitor {
  private readonly first = new Map<number, ProcSample>();
  private readonly last = new Map<number, ProcSample>();
  private readonly rssMax = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private t0 = 0;
  private t1 = 0;
  private cpu0 = process.cpuUsage();
  private driverCpu = 0;
  private driverRssMax = 0;

  constructor(private readonly pidDir: string) {}

  private sample(into: Map<number, ProcSample>): void {
    for (const p of networkPids(this.pidDir)) {
      const s = readSample(p);
      if (!s) continue;
      into.set(s.pid, s);
      this.rssMax.set(s.pid, Math.max(this.rssMax.get(s.pid) ?? 0, s.rssBytes));
    }
    this.driverRssMax = Math.max(this.driverRssMax, process.memoryUsage().rss);
  }

  start(everyMs = 1000): void {
    this.t0 = performance.now();
    this.cpu0 = process.cpuUsage();
    this.sample(this.first);
    this.timer = setInterval(() => this.sample(this.last), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample(this.last);
    this.t1 = performance.now();
    const c = process.cpuUsage(this.cpu0);
    this.driverCpu = (c.user + c.system) / 1e6;
  }

  get seconds(): number {
    return (this.t1 - this.t0) / 1000;
  }

  usage(): Record<ProcessKind | 'driver', KindUsage> {
    const secs = Math.max(1e-6, this.seconds);
    const out = {} as Record<ProcessKind | 'driver', KindUsage>;
    for (const k of KINDS) out[k] = { processes: 0, cpuSeconds: 0, cores: 0, rssMaxMiB: 0, rssEndMiB: 0 };
    for (const [pid, end] of this.last) {
      const begin = this.first.get(pid);
      if (!begin) continue; // started during the interval: not comparable
      const u = out[end.kind];
      u.processes++;
      u.cpuSeconds += Math.max(0, end.cpuSeconds - begin.cpuSeconds);
      u.rssMaxMiB += (this.rssMax.get(pid) ?? end.rssBytes) / 2 ** 20;
      u.rssEndMiB += end.rssBytes / 2 ** 20;
    }
    for (const k of KINDS) {
      const u = out[k];
      u.cores = u.cpuSeconds / secs;
      for (const f of ['cpuSeconds', 'cores', 'rssMaxMiB', 'rssEndMiB'] as const) u[f] = Math.round(u[f] * 100) / 100;
    }
    out.driver = {
      processes: 1,
      cpuSeconds: Math.round(this.driverCpu * 100) / 100,
      cores: Math.round((this.driverCpu / secs) * 100) / 100,
      rssMaxMiB: Math.round((this.driverRssMax / 2 ** 20) * 10) / 10,
      rssEndMiB: Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10,
    };
    return out;
  }
}

/** Bytes under a folder (regular files, apparent size). */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += folderBytes(p);
    else if (e.isFile()) {
      try {
        total += fs.statSync(p).size;
      } catch {
        /* removed meanwhile (compaction) */
      }
    }
  }
  return total;
}

/** Bytes of each peer's ledger folder (.run/<profile>/ledgers/peer-*), and of the orderers'. */
export function ledgerBytes(ledgersDir: string): { peers: Record<string, number>; orderers: number } {
  const peers: Record<string, number> = {};
  let orderers = 0;
  if (!fs.existsSync(ledgersDir)) return { peers, orderers };
  for (const d of fs.readdirSync(ledgersDir)) {
    if (d.startsWith('peer-')) peers[d] = folderBytes(path.join(ledgersDir, d));
    else if (d.startsWith('orderer-')) orderers += folderBytes(path.join(ledgersDir, d));
  }
  return { peers, orderers };
}

export function loadavg(): string {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}
