// A bare HTTP/1.1 client for the hostile sender: one keep-alive socket, requests written as prepared
// bytes, answers read by Content-Length (or chunks). fetch() spent ~1.8 ms of CPU per request in the
// sender, on the same two cores as the network; this spends a small fraction of that, so what the
// normal traffic feels in a mixed window is the gateway refusing, not the test producing. Test code only.
import net from 'node:net';
import type { Answer } from './lib';

interface Pending {
  resolve: (a: Answer) => void;
  t0: number;
}

export class RawHttpConnection {
  private socket: net.Socket | undefined;
  private buf: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** One request at a time per connection; the answer, or neterr when the connection failed first. */
  request(method: string, path: string, headers: Record<string, string>, body: Buffer | string | undefined, timeoutMs: number): Promise<Answer> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : body;
    const lines = [`${method} ${path} HTTP/1.1`, `Host: ${this.host}:${this.port}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${payload?.length ?? 0}`, '', ''];
    const t0 = performance.now();
    return new Promise<Answer>((resolve) => {
      const timer = setTimeout(() => this.fail('timeout'), timeoutMs);
      this.pending = {
        t0,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      };
      const s = this.connected();
      s.write(lines.join('\r\n'));
      if (payload?.length) s.write(payload);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connected(): net.Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    this.buf = Buffer.alloc(0);
    const s = net.connect({ host: this.host, port: this.port, noDelay: true });
    s.on('data', (chunk: Buffer) => {
      if (this.socket !== s) return;
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
      this.parse();
    });
    // events of a socket this connection already replaced say nothing about the current request
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (this.socket === s) this.fail(e.code ?? e.message);
    });
    s.on('close', () => {
      if (this.socket === s) this.fail('closed');
    });
    this.socket = s;
    return s;
  }

  private fail(neterr: string): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    this.close();
    p.resolve({ status: 0, body: '', json: undefined, ms: performance.now() - p.t0, neterr });
  }

  private parse(): void {
    const p = this.pending;
    if (!p) return;
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buf.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(head[0].split(' ')[1]);
    const header = (name: string) => head.find((l) => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
    let rest = this.buf.subarray(end + 4);
    let body: Buffer;
    if (header('transfer-encoding')?.toLowerCase() === 'chunked') {
      const parts: Buffer[] = [];
      for (;;) {
        const eol = rest.indexOf('\r\n');
        if (eol < 0) return;
        const size = parseInt(rest.subarray(0, eol).toString('latin1'), 16);
        if (rest.length < eol + 2 + size + 2) return;
        if (size === 0) {
          rest = rest.subarray(eol + 4);
          break;
        }
        parts.push(rest.subarray(eol + 2, eol + 2 + size));
        rest = rest.subarray(eol + 2 + size + 2);
      }
      body = Buffer.concat(parts);
    } else {
      const length = Number(header('content-length') ?? 0);
      if (rest.length < length) return;
      body = rest.subarray(0, length);
      rest = rest.subarray(length);
    }
    this.buf = rest;
    this.pending = undefined;
    if (header('connection')?.toLowerCase() === 'close') this.close();
    const text = body.toString('utf8');
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    p.resolve({ status, body: text, json, ms: performance.now() - p.t0 });
  }
}
