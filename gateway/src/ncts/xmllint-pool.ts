// Runs libxml2's xmllint (xmllint-wasm) in long-lived worker threads.
//
// Why not xmllint-wasm's validateXML(): it starts a new worker thread and recompiles the wasm for every
// call (~80–100 ms before any XML is read). Here each worker compiles the wasm once, keeps the schema
// bundles it was sent, and runs xmllint's main() per job in a fresh wasm instance (so no state leaks from
// one message to the next). Requests for the same schema that queue up while a worker is busy are
// validated in one xmllint run (xmllint accepts several files), which amortises the schema parse under load.
//
// The worker still isolates the Emscripten runtime from the gateway process: xmllint's exit() or an abort
// cannot take the gateway down, and a stuck run is killed by a timeout and the worker replaced.

import { Worker } from 'node:worker_threads';
import * as path from 'node:path';

/** The worker's program. Plain JavaScript, evaluated in the worker (no TypeScript loader needed there). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
// xmllint-node.js also registers a listener of its own on parentPort; it ignores messages without its tag.
const createXmllint = require(workerData.modulePath);
const compiled = new WebAssembly.Module(fs.readFileSync(workerData.wasmPath));
const schemas = new Map();
parentPort.on('message', (msg) => {
  if (msg.kind === 'schema') { schemas.set(msg.key, msg.bytes); return; }
  let stderr = '';
  let finished = false;
  const finish = (exitCode) => {
    if (finished) return;
    finished = true;
    parentPort.postMessage({ id: msg.id, exitCode, stderr });
  };
  const schema = schemas.get(msg.schemaKey);
  if (!schema) { stderr = 'no schema ' + msg.schemaKey; finish(-2); return; }
  createXmllint({
    inputFiles: [{ fileName: 'schema.xsd', contents: schema }, ...msg.files],
    arguments: ['--schema', 'schema.xsd', '--noout', ...msg.files.map((f) => f.fileName)],
    print() {},
    printErr(text) { stderr += text + '\\n'; },
    onExit: finish,
    onAbort(reason) { stderr += 'WASM Abort: ' + reason + '\\n'; finish(-1); },
    wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: workerData.maxMemoryPages }),
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(compiled, imports).then((instance) => done(instance, compiled), (e) => {
        stderr += 'instantiate: ' + e + '\\n';
        finish(-1);
      });
      return {};
    },
  }).catch((e) => { stderr += String(e) + '\\n'; finish(-1); });
});
`;

export interface XmllintFileResult {
  /** xmllint printed "<file> validates" */
  valid: boolean;
  /** xmllint's lines about this file, without the file-name prefix: "12: element LRN: Schemas validity error : …" */
  lines: string[];
}

export interface XmllintPoolOptions {
  /** worker threads (default 2) */
  size?: number;
  /** a run taking longer is killed and its jobs fail (default 10 s) */
  timeoutMs?: number;
  /** most documents validated in one xmllint run (default 16) */
  maxBatch?: number;
  /** wasm memory limit in 64 KiB pages (default 2048 = 128 MiB) */
  maxMemoryPages?: number;
  /** a worker idle this long is stopped, giving its memory back; the next message starts one again (default 60 s) */
  idleMs?: number;
}

interface Job {
  schemaKey: string;
  xml: string;
  resolve(r: XmllintFileResult): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  schemasSent: Set<string>;
  running?: { id: number; jobs: Job[]; timer: NodeJS.Timeout };
  idle?: NodeJS.Timeout;
}

// xmllint exit codes that mean "xmllint could not do its job" rather than "the document is invalid":
// 5 schema did not compile, 6 output error, 9 out of memory; negative values are our own (abort, no schema).
const INTERNAL_FAILURES = new Set([5, 6, 9, -1, -2]);

export class XmllintPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxBatch: number;
  private readonly maxMemoryPages: number;
  private readonly idleMs: number;
  private readonly schemas = new Map<string, Uint8Array>();
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: XmllintPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxBatch = Math.max(1, options.maxBatch ?? 16);
    this.maxMemoryPages = options.maxMemoryPages ?? 2048;
    this.idleMs = options.idleMs ?? 60_000;
  }

  /** Makes a schema (one self-contained XSD) available under `key`; workers receive it on first use. */
  addSchema(key: string, xsd: string): void {
    this.schemas.set(key, new TextEncoder().encode(xsd));
  }

  hasSchema(key: string): boolean {
    return this.schemas.has(key);
  }

  validate(schemaKey: string, xml: string): Promise<XmllintFileResult> {
    if (this.closed) return Promise.reject(new Error('xmllint pool is closed'));
    if (!this.schemas.has(schemaKey)) return Promise.reject(new Error(`xmllint pool: unknown schema '${schemaKey}'`));
    return new Promise((resolve, reject) => {
      this.queue.push({ schemaKey, xml, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers; pending and later validations fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('xmllint pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => this.fail(s, new Error('xmllint pool closed'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.running);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const head = this.queue[0];
      const batch: Job[] = [];
      for (let i = 0; i < this.queue.length && batch.length < this.maxBatch; ) {
        if (this.queue[i].schemaKey === head.schemaKey) batch.push(...this.queue.splice(i, 1));
        else i++;
      }
      this.run(slot, batch);
    }
  }

  private spawn(): Slot {
    const modulePath = require.resolve('xmllint-wasm/xmllint-node.js');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // no TypeScript loader or test hooks in the worker: it only runs the plain script above
      execArgv: [],
      workerData: { modulePath, wasmPath: path.join(path.dirname(modulePath), 'xmllint.wasm'), maxMemoryPages: this.maxMemoryPages },
    });
    const slot: Slot = { worker, schemasSent: new Set() };
    worker.on('message', (msg: { id: number; exitCode: number; stderr: string }) => this.finished(slot, msg));
    worker.on('error', (e) => void this.fail(slot, e));
    worker.on('exit', (code) => void this.fail(slot, new Error(`xmllint worker exited with code ${code}`)));
    // An idle worker must not keep the process alive; a busy one must (a caller awaits it).
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, jobs: Job[]): void {
    clearTimeout(slot.idle);
    const key = jobs[0].schemaKey;
    if (!slot.schemasSent.has(key)) {
      slot.worker.postMessage({ kind: 'schema', key, bytes: this.schemas.get(key) });
      slot.schemasSent.add(key);
    }
    const id = this.nextId++;
    const timer = setTimeout(() => void this.fail(slot, new Error(`XSD validation timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    slot.running = { id, jobs, timer };
    slot.worker.ref();
    slot.worker.postMessage({
      kind: 'run',
      id,
      schemaKey: key,
      files: jobs.map((j, i) => ({ fileName: `m${i}.xml`, contents: j.xml })),
    });
  }

  private finished(slot: Slot, msg: { id: number; exitCode: number; stderr: string }): void {
    const running = slot.running;
    if (!running || running.id !== msg.id) return;
    clearTimeout(running.timer);
    slot.running = undefined;
    slot.worker.unref();
    if (INTERNAL_FAILURES.has(msg.exitCode)) {
      const error = new Error(`xmllint failed (exit ${msg.exitCode}): ${msg.stderr.trim().slice(0, 500)}`);
      running.jobs.forEach((j) => j.reject(error));
    } else {
      const perFile = splitOutput(msg.stderr, running.jobs.length);
      running.jobs.forEach((j, i) => j.resolve(perFile[i]));
    }
    this.dispatch();
    // An idle gateway should not hold a wasm heap per worker: stop a worker nobody has needed for a while.
    if (!slot.running) {
      slot.idle = setTimeout(() => void this.retire(slot), this.idleMs);
      slot.idle.unref();
    }
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.running || !this.slots.includes(slot)) return;
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    await slot.worker.terminate();
  }

  private async fail(slot: Slot, error: Error): Promise<void> {
    clearTimeout(slot.idle);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.running) {
      clearTimeout(slot.running.timer);
      slot.running.jobs.forEach((j) => j.reject(error));
      slot.running = undefined;
    }
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    await slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}

/** xmllint writes "m3.xml:12: …" for errors, "m3.xml validates" at the end, and context lines without prefix. */
function splitOutput(stderr: string, count: number): XmllintFileResult[] {
  const results: XmllintFileResult[] = Array.from({ length: count }, () => ({ valid: false, lines: [] }));
  let current = -1;
  for (const line of stderr.split('\n')) {
    const m = /^m(\d+)\.xml(:| )(.*)$/.exec(line);
    if (m && Number(m[1]) < count) {
      current = Number(m[1]);
      if (m[2] === ' ') {
        if (m[3] === 'validates') results[current].valid = true;
        continue; // "validates" / "fails to validate" carry no detail
      }
      results[current].lines.push(m[3]);
    } else if (current >= 0 && line.trim() !== '') {
      results[current].lines.push(line);
    }
  }
  return results;
}
