// A typed REST client for one organisation's gateway, as one user: what the `cats` command and the
// demo use. Errors come back as the gateway's coded body {code, message, details}.
import { issueToken } from '../../gateway/src/auth/tokens';
import { NetworkFile, NetworkOrg } from '../../network/src/network-file';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The gateway could not be reached at all (exit code 3 in the client). */
export class NetworkUnavailable extends Error {}

/** The gateway's answer to a write: the transaction's status resource. */
export interface TxRecordView<T> {
  id: string;
  state: 'PENDING' | 'COMMITTED' | 'FAILED';
  transactionId: string;
  blockNumber?: string;
  result: T;
}

export interface RequestOptions {
  body?: unknown;
  xml?: string;
  accept?: 'json' | 'xml';
  waitSeconds?: number;
  idempotencyKey?: string;
  /**
   * The block this request must see: the block of the last write it follows. Default: the highest block
   * this process has seen a write of its own committed in, right for one user's session, too strict for a
   * process acting for many independent users (each then waits for everybody's latest block).
   */
  minBlock?: bigint;
}

/**
 * The highest block this process has seen a write of its own committed in. Every request carries it
 * (`X-Cats-Min-Block`), so whichever organisation's gateway answers next first waits until its own peer
 * has that block: a step recorded at one border is visible to the next office at once.
 */
let lastBlock: bigint | undefined;

function noteBlock(body: unknown): void {
  const b = (body as { blockNumber?: unknown } | undefined)?.blockNumber;
  if (typeof b === 'string' && /^\d+$/.test(b) && (lastBlock === undefined || BigInt(b) > lastBlock)) lastBlock = BigInt(b);
}

export class ApiClient {
  private token?: { value: string; expires: number };

  constructor(
    readonly network: NetworkFile,
    readonly org: NetworkOrg,
    readonly userId: string,
  ) {}

  static as(network: NetworkFile, who: string): ApiClient {
    const [orgName, userId] = who.split(':');
    const org = network.organisations.find((o) => o.name.toLowerCase() === (orgName ?? '').toLowerCase());
    if (!org || !userId) throw new Error(`unknown identity "${who}": use <organisation>:<user>, e.g. CustomsAZ:officer1`);
    if (!org.users.some((u) => u.id === userId)) throw new Error(`unknown user ${userId} in ${org.name} (known: ${org.users.map((u) => u.id).join(', ')})`);
    return new ApiClient(network, org, userId);
  }

  private async bearer(): Promise<string> {
    if (!this.token || this.token.expires < Date.now() + 60_000) {
      this.token = { value: await issueToken(this.network, this.org.name, this.userId), expires: Date.now() + 10 * 60_000 };
    }
    return this.token.value;
  }

  async request<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.bearer()}` };
    let body: string | undefined;
    if (opts.xml !== undefined) {
      headers['content-type'] = 'application/xml; charset=utf-8';
      body = opts.xml;
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    headers.accept = opts.accept === 'xml' ? 'application/xml' : 'application/json';
    if (opts.waitSeconds !== undefined) headers.prefer = `wait=${opts.waitSeconds}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const minBlock = opts.minBlock ?? lastBlock;
    if (minBlock !== undefined) headers['x-cats-min-block'] = minBlock.toString();
    let res: Response;
    try {
      res = await fetch(`${this.org.gateway.url}/api/v1${path}`, { method, headers, body, signal: AbortSignal.timeout(120_000) });
    } catch (err) {
      throw new NetworkUnavailable(`the gateway of ${this.org.name} at ${this.org.gateway.url} is not reachable (${(err as Error).message})`);
    }
    const text = await res.text();
    if (!res.ok) {
      let parsed: { code?: string; message?: string; details?: unknown } = {};
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON: keep the status */
      }
      throw new ApiError(res.status, parsed.code ?? `HTTP_${res.status}`, parsed.message ?? text.slice(0, 200), parsed.details);
    }
    if (opts.accept === 'xml') return text as T;
    const parsed = (text ? JSON.parse(text) : undefined) as T;
    noteBlock(parsed);
    return parsed;
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { waitSeconds: 60, ...opts, body: body ?? {} });
  }

  /** A write waited for until commit: the ledger's result of the transaction. */
  async submit<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
    const record = await this.request<TxRecordView<T>>('POST', path, { waitSeconds: 60, ...opts, body: opts.xml === undefined ? (opts.body ?? {}) : undefined });
    if (record.state !== 'COMMITTED') throw new ApiError(202, 'PENDING', `transaction ${record.transactionId} is not committed yet (state ${record.state})`, record);
    return record.result;
  }
}
