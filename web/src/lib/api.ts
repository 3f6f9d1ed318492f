// The console's HTTP client for its own gateway (same origin): bearer token from the session, coded
// errors as ApiError, writes with an Idempotency-Key and `Prefer: wait`, and a 202 followed until the
// transaction is committed (with progress). A 401 ends the session (the caller keeps drafts).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface SessionInfo {
  token: string;
  expiresAt: string;
  organisation: string;
  kind: string;
  country: string | null;
  user: string;
  role: 'officer' | 'supervisor' | 'trader' | 'guarantor' | 'auditor' | 'admin';
  offices: string[];
  traderId: string | null;
}

export interface TxRecord<T = unknown> {
  id: string;
  state: 'PENDING' | 'COMMITTED' | 'FAILED';
  transactionId: string;
  blockNumber?: string;
  result: T;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface WriteOptions {
  json?: unknown;
  xml?: string;
  idempotencyKey?: string;
  onProgress?: (stage: 'sending' | 'ordering' | 'committed', tx?: TxRecord) => void;
}

export class Api {
  constructor(
    private readonly base: string,
    private readonly token: () => string | null,
    private readonly onUnauthenticated: (e: ApiError) => void,
    private readonly fetchImpl: FetchLike = (i, init) => fetch(i, init),
  ) {}

  async request<T>(method: string, path: string, opts: { json?: unknown; xml?: string; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    const t = this.token();
    if (t) headers.authorization = `Bearer ${t}`;
    let body: string | undefined;
    if (opts.xml !== undefined) {
      headers['content-type'] = 'application/xml; charset=utf-8';
      body = opts.xml;
    } else if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.base}/api/v1${path}`, { method, headers, body, signal: opts.signal, credentials: 'same-origin' });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(0, 'NETWORK_UNAVAILABLE', (e as Error).message);
    }
    const text = await res.text();
    if (!res.ok) {
      let parsed: { code?: string; message?: string; details?: Record<string, unknown> } = {};
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      const err = new ApiError(res.status, parsed.code ?? `HTTP_${res.status}`, parsed.message ?? text.slice(0, 200), parsed.details ?? {});
      if (res.status === 401 && path !== '/session') this.onUnauthenticated(err);
      throw err;
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, { signal });
  }

  /** A write waited for until it is committed (202 → the status resource is followed). */
  async write<T = unknown>(path: string, opts: WriteOptions = {}): Promise<TxRecord<T>> {
    opts.onProgress?.('sending');
    const key = opts.idempotencyKey ?? newIdempotencyKey();
    let rec = await this.request<TxRecord<T>>('POST', path, { json: opts.xml === undefined ? (opts.json ?? {}) : undefined, xml: opts.xml, headers: { prefer: 'wait=20', 'idempotency-key': key } });
    for (let i = 0; rec.state === 'PENDING' && i < 30; i++) {
      opts.onProgress?.('ordering', rec);
      rec = await this.request<TxRecord<T>>('GET', `/transactions/${rec.id}`, { headers: { prefer: 'wait=10' } });
    }
    if (rec.state === 'FAILED' && rec.error) throw new ApiError(409, rec.error.code, rec.error.message, rec.error.details ?? {});
    if (rec.state !== 'COMMITTED') throw new ApiError(504, 'TIMEOUT', `transaction ${rec.transactionId} is not committed yet`);
    opts.onProgress?.('committed', rec);
    return rec;
  }
}

export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
