// Starting, watching and stopping the network's native processes. Every process we start gets a PID
// file; stopping reads those files and signals only those PIDs, after checking that the PID still runs
// the program we started (a PID can be reused after a crash).
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SetupError } from './progress';

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; a failure carries the command's own last output lines. */
export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const tail = `${stderr}\n${stdout}`.trim().split('\n').slice(-8).join('\n');
        reject(new SetupError(`${path.basename(cmd)} ${args.slice(0, 3).join(' ')} failed: ${tail || err.message}`));
      } else resolve({ stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/**
 * V8 flags for the long-running Node servers (chaincode servers, gateways): a small young generation
 * keeps an idle server's resident memory down, at the price of more frequent, cheap scavenges.
 */
export const NODE_SERVER_FLAGS = ['--max-semi-space-size=2'];

export interface DaemonSpec {
  name: string;
  cmd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  pidDir: string;
  logDir: string;
}

export function pidFile(pidDir: string, name: string): string {
  return path.join(pidDir, `${name}.pid`);
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function cmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

/** The PID of a daemon we started, if it still runs the program recorded next to it. */
export function runningPid(pidDir: string, name: string): number | undefined {
  const file = pidFile(pidDir, name);
  const pid = readPid(file);
  if (!pid) return undefined;
  const expected = fs.existsSync(`${file}.cmd`) ? fs.readFileSync(`${file}.cmd`, 'utf8') : '';
  const actual = cmdline(pid);
  if (!actual || (expected && !actual.startsWith(expected))) return undefined;
  return pid;
}

export function startDaemon(spec: DaemonSpec): number {
  fs.mkdirSync(spec.pidDir, { recursive: true });
  fs.mkdirSync(spec.logDir, { recursive: true });
  const log = fs.openSync(path.join(spec.logDir, `${spec.name}.log`), 'a');
  const child = spawn(spec.cmd, spec.args, { env: spec.env, cwd: spec.cwd, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  if (!child.pid) throw new SetupError(`could not start ${spec.name} (${spec.cmd})`);
  child.unref();
  const file = pidFile(spec.pidDir, spec.name);
  fs.writeFileSync(file, String(child.pid));
  fs.writeFileSync(`${file}.cmd`, [spec.cmd, ...spec.args].join(' ').slice(0, 64));
  return child.pid;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM, then SIGKILL after a grace period; returns whether something was stopped. */
export async function stopDaemon(pidDir: string, name: string, graceMs = 8000): Promise<boolean> {
  const pid = runningPid(pidDir, name);
  const file = pidFile(pidDir, name);
  if (!pid) {
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.cmd`, { force: true });
    return false;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && cmdline(pid) !== undefined && !isZombie(pid)) await sleep(100);
  if (cmdline(pid) !== undefined && !isZombie(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  }
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.cmd`, { force: true });
  return true;
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

export function listPidNames(pidDir: string): string[] {
  if (!fs.existsSync(pidDir)) return [];
  return fs.readdirSync(pidDir).filter((f) => f.endsWith('.pid')).map((f) => f.slice(0, -4));
}

/** Who listens on a TCP port, from /proc, so a clash is reported with the program that holds it. */
export function portHolder(port: number): string {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1].endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return 'an unknown process';
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(target);
        if (m && inodes.has(m[1])) return `PID ${pid} (${(cmdline(Number(pid)) ?? '').trim().slice(0, 80)})`;
      }
    } catch {
      /* process gone or not ours to read */
    }
  }
  return 'a process this user cannot see';
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Something accepts connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until `probe` resolves true; never a fixed sleep standing in for readiness. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, logHint?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      /* not ready yet */
    }
    if (Date.now() > deadline) throw new SetupError(`${what} not ready after ${timeoutMs / 1000} s${logHint ? ` (see ${logHint})` : ''}`);
    await sleep(150);
  }
}

export async function httpGet(url: string, timeoutMs = 2000): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, body: await res.text() };
}
