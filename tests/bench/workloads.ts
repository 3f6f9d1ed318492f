// What the benchmark sends: (a) ops:Ping through @hyperledger/fabric-gateway as enrolled users, each on
// its own organisation's peer; (b) the movement life cycle through the REST gateways (declare at
// CustomsAZ, release at Ganja, crossing at Red Bridge, arrival and control results at Poti, write-off at
// Ganja); (c) guarantee balance enquiries and movement list queries.
import crypto from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { CommitError, EndorseError, GatewayError, type Contract, type Gateway } from '@hyperledger/fabric-gateway';
import { ApiClient, ApiError, NetworkUnavailable } from '../../client/src/api-client';
import { checkDigit } from '../../chaincode/src/domain/identifiers';
import type { Declaration } from '../../chaincode/src/domain/declaration';
import { contractOf, openGateway, peerConnection } from '../../network/src/fabric-client';
import type { NetworkFile } from '../../network/src/network-file';
import type { Recorder } from './stats';
import { ACCESS_CODE, HOLDER, declaration } from '../conformance/fixtures';

export { ACCESS_CODE, HOLDER };
const RUN = crypto.randomBytes(3).toString('hex').toUpperCase();
let serial = 0;

/** A fresh valid GRN of the AZ guarantor country: YY + AZ + 12 alphanumerics + check digit. */
export function benchGrn(): string {
  const body = String(new Date().getUTCFullYear() % 100).padStart(2, '0') + 'AZ' + `${RUN}B${String(++serial).padStart(5, '0')}`.slice(0, 12);
  return body + checkDigit(body);
}

/** The CAREC corridor Ganja (AZ) → Red Bridge (GE) → Poti (GE) as a JSON Declaration, dated now. */
export function benchDeclaration(grn: string, amount = '100000'): Declaration {
  return declaration(grn, { lrn: `BENCH-${RUN}-${++serial}`.slice(0, 22) }, amount);
}

// ---------------------------------------------------------------- errors by cause

/** A short, stable cause for an error of either path (REST code, gRPC status, commit validation code). */
export function causeOf(e: unknown): string {
  if (e instanceof ApiError) return `${e.code}`;
  if (e instanceof NetworkUnavailable) return 'GATEWAY_UNREACHABLE';
  if (e instanceof CommitError) return `commit:${e.code}`;
  if (e instanceof EndorseError) return `endorse:grpc${e.code}`;
  if (e instanceof GatewayError) return `${e.name}:grpc${e.code}`;
  if (e instanceof Error) return e.name === 'Error' ? e.message.slice(0, 60) : e.name;
  return String(e).slice(0, 60);
}

// ---------------------------------------------------------------- (a) the ceiling: ops:Ping

export class PingClients {
  private readonly clients: grpc.Client[] = [];
  private readonly gateways: Gateway[] = [];
  readonly contracts: { org: string; contract: Contract }[] = [];
  private next = 0;

  /** One connection per writing organisation's peer, as one enrolled user of that organisation. */
  constructor(network: NetworkFile) {
    for (const org of network.organisations) {
      const user = org.users.find((u) => u.role === 'officer') ?? org.users.find((u) => u.role === 'guarantor');
      if (!user) continue; // the auditor's users may not write
      const client = peerConnection(org);
      const gateway = openGateway(client, { org, userId: user.id });
      this.clients.push(client);
      this.gateways.push(gateway);
      this.contracts.push({ org: org.name, contract: contractOf(gateway, network) });
    }
    if (this.contracts.length === 0) throw new Error('no organisation with a user that may write');
  }

  /** One Ping, endorsed, ordered and committed; latency from `dueAt` (open loop: waiting counts). */
  async ping(rec: Recorder, dueAt: number): Promise<void> {
    const { contract } = this.contracts[this.next++ % this.contracts.length]!;
    try {
      const submitted = await contract.submitAsync('ops:Ping');
      const status = await submitted.getStatus();
      if (!status.successful) throw new CommitError({ code: status.code, transactionId: status.transactionId });
      rec.ok('ops:Ping', performance.now() - dueAt);
    } catch (e) {
      rec.error(causeOf(e));
      throw e;
    }
  }

  close(): void {
    for (const g of this.gateways) g.close();
    for (const c of this.clients) c.close();
  }
}

// ---------------------------------------------------------------- (b) the movement life cycle (REST)

interface TxAnswer<T = Record<string, unknown>> {
  state: 'PENDING' | 'COMMITTED' | 'FAILED';
  blockNumber?: string;
  attempts?: number;
  endorsementRetries?: number;
  result: T;
}

export const LIFE_CYCLE = ['declare', 'release', 'cross', 'arrival', 'control-results', 'write-off'] as const;

export class LifeCycle {
  readonly guarantor: ApiClient;
  readonly trader: ApiClient;
  readonly azOfficer: ApiClient;
  readonly geBorder: ApiClient;
  readonly geOfficer: ApiClient;
  readonly grns: string[] = [];
  private nextGrn = 0;

  constructor(readonly network: NetworkFile) {
    const as = (who: string) => ApiClient.as(network, who);
    this.guarantor = as('GuarantorPool:guarantor1');
    this.trader = as('CustomsAZ:trader1');
    this.azOfficer = as('CustomsAZ:officer1');
    this.geBorder = as('CustomsGE:officer2');
    this.geOfficer = as('CustomsGE:officer1');
  }

  /** Issues `count` comprehensive guarantees (untimed), `parallel` at a time. */
  async issueGuarantees(count: number, parallel = 16): Promise<void> {
    const year = new Date().getUTCFullYear();
    const todo = Array.from({ length: count }, () => benchGrn());
    for (let i = 0; i < todo.length; i += parallel) {
      await Promise.all(
        todo.slice(i, i + parallel).map(async (grn) => {
          await this.guarantor.submit('/guarantees', {
            body: {
              grn, type: '1', holderId: HOLDER, referenceAmount: { amount: '100000000000', currency: 'USD' },
              countries: ['AZ', 'GE', 'UZ'], validFrom: `${year - 1}-01-01`, validTo: `${year + 2}-12-31`, accessCode: ACCESS_CODE,
            },
          });
          this.grns.push(grn);
        }),
      );
    }
  }

  private async write(rec: Recorder, type: string, client: ApiClient, path: string, body: unknown, since: number, after?: TxAnswer): Promise<TxAnswer> {
    try {
      // each movement is its own session: a step waits for its previous step's block, not for everybody's;
      // a declaration follows nothing (block 0)
      const minBlock = after?.blockNumber === undefined ? 0n : BigInt(after.blockNumber);
      const r = await client.request<TxAnswer>('POST', path, { body, waitSeconds: 60, minBlock });
      rec.retry('commit conflict (new proposal)', Math.max(0, (r.attempts ?? 1) - 1));
      rec.retry('endorsement retried (mismatch/unavailable)', r.endorsementRetries ?? 0);
      if (r.state !== 'COMMITTED') throw new ApiError(202, `${r.state}`, `${type}: ${r.state} after the wait`);
      rec.ok(type, performance.now() - since);
      return r;
    } catch (e) {
      rec.error(`${type}: ${causeOf(e)}`);
      throw e;
    }
  }

  /** One movement through its life cycle; each step waits for the previous one's commit. */
  async movement(rec: Recorder, dueAt: number, onMovement: (at: number) => void): Promise<void> {
    const grn = this.grns[this.nextGrn++ % this.grns.length]!;
    let last = await this.write(rec, 'declare', this.trader, '/movements', benchDeclaration(grn), dueAt);
    const mrn = String((last.result as { mrn?: string }).mrn);
    let t = performance.now();
    last = await this.write(rec, 'release', this.azOfficer, `/movements/${mrn}/release`, { office: 'AZ000600' }, t, last);
    t = performance.now();
    last = await this.write(rec, 'cross', this.geBorder, `/movements/${mrn}/cross`, { office: 'GE000200' }, t, last);
    t = performance.now();
    last = await this.write(rec, 'arrival', this.geOfficer, `/movements/${mrn}/arrival`, { office: 'GE000600', sealsOk: true }, t, last);
    t = performance.now();
    last = await this.write(rec, 'control-results', this.geOfficer, `/movements/${mrn}/control-results`, { office: 'GE000600', code: 'A1' }, t, last);
    t = performance.now();
    await this.write(rec, 'write-off', this.azOfficer, `/movements/${mrn}/write-off`, { office: 'AZ000600' }, t, last);
    onMovement(performance.now());
  }

  // ---------------------------------------------------------------- (c) queries

  async balance(rec: Recorder): Promise<void> {
    const grn = this.grns[Math.floor(Math.random() * this.grns.length)]!;
    const t = performance.now();
    try {
      await this.trader.request('POST', `/guarantees/${grn}/balance`, { body: { accessCode: ACCESS_CODE } });
      rec.ok('balance enquiry', performance.now() - t);
    } catch (e) {
      rec.error(`balance enquiry: ${causeOf(e)}`);
    }
  }

  async list(rec: Recorder): Promise<void> {
    const t = performance.now();
    try {
      await this.azOfficer.get('/movements?limit=50');
      rec.ok('movement list', performance.now() - t);
    } catch (e) {
      rec.error(`movement list: ${causeOf(e)}`);
    }
  }
}
