// cats token (a JWT for an enrolled user, signed locally with the organisation's key) and cats status
// (each organisation's gateway and what its /health says).
import { issueToken } from '../../../gateway/src/auth/tokens';
import { NetworkUnavailable } from '../api-client';
import { OPT, type Command } from './command';
import { EXIT, UsageError } from './errors';
import { cell, table } from './format';

type Row = Record<string, unknown>;

const token: Command = {
  name: 'token',
  summary: "print an access token (JWT) for an enrolled user, signed with its organisation's key",
  args: [],
  options: [OPT.ttl],
  identity: true,
  details: ['No gateway is needed: the token is signed here with the key from network.json.', 'Use it as `Authorization: Bearer <token>` against that organisation\'s gateway only.'],
  examples: ['curl -H "Authorization: Bearer $(cats token --as CustomsAZ:officer1)" http://127.0.0.1:8101/api/v1/offices'],
  async run(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    const ttl = ctx.opts.int('ttl');
    if (ttl !== undefined && (ttl < 1 || ttl > 24 * 3600)) throw new UsageError('--ttl: 1 to 86400 seconds');
    const { network, org, userId } = ctx.identity();
    let jwt: string;
    try {
      jwt = await issueToken(network, org.name, userId, ttl);
    } catch (e) {
      throw new NetworkUnavailable(`the token signing key of ${org.name} (${org.jwtKeyFile}) cannot be used: ${(e as Error).message}`);
    }
    ctx.print({ organisation: org.name, user: userId, token: jwt, expiresIn: ttl ?? 900 }, () => jwt);
  },
};

export interface OrgStatus {
  organisation: string;
  mspId: string;
  gateway: string;
  reachable: boolean;
  httpStatus: number | null;
  status: string;
  peerReachable: boolean | null;
  ledgerHeight: string | null;
  indexLagBlocks: number | null;
  error?: string;
}

/** What a /health answer says, whatever its shape (the block height only if it has one). */
export function summariseHealth(httpStatus: number, body: unknown): Pick<OrgStatus, 'status' | 'peerReachable' | 'ledgerHeight' | 'indexLagBlocks'> {
  const b = (body && typeof body === 'object' ? body : {}) as Row;
  const peer = (b.peer ?? {}) as Row;
  const index = (b.index ?? {}) as Row;
  const height = index.ledgerHeight ?? peer.blockHeight ?? peer.height ?? b.blockHeight ?? b.ledgerHeight;
  return {
    status: typeof b.status === 'string' ? b.status : httpStatus === 200 ? 'ready' : `HTTP ${httpStatus}`,
    peerReachable: typeof peer.reachable === 'boolean' ? peer.reachable : null,
    ledgerHeight: height === undefined || height === null ? null : String(height),
    indexLagBlocks: typeof index.lagBlocks === 'number' ? index.lagBlocks : null,
  };
}

function describeFetchError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if ((e as Error).name === 'TimeoutError') return 'no answer within 5 s';
  return cause?.code ?? cause?.message ?? (e as Error).message;
}

const status: Command = {
  name: 'status',
  summary: "the network's status: each organisation's gateway, its /health, the peer's block height",
  args: [],
  options: [],
  identity: false,
  details: ['Exits 0 when every gateway is ready, 3 when one is not reachable or not ready, or no network is set up.'],
  async run(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    const network = ctx.network();
    const rows: OrgStatus[] = await Promise.all(
      network.organisations.map(async (o): Promise<OrgStatus> => {
        const base = { organisation: o.name, mspId: o.mspId, gateway: o.gateway.url };
        try {
          const res = await ctx.env.fetch(`${o.gateway.url}/health`, { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
          const text = await res.text();
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          return { ...base, reachable: true, httpStatus: res.status, ...summariseHealth(res.status, body) };
        } catch (e) {
          return { ...base, reachable: false, httpStatus: null, status: 'unreachable', peerReachable: null, ledgerHeight: null, indexLagBlocks: null, error: describeFetchError(e) };
        }
      }),
    );
    const allReady = rows.every((r) => r.reachable && r.status === 'ready');
    ctx.print({ network: network.name, channel: network.channel, ready: allReady, organisations: rows }, () => [
      `Network '${network.name}' (channel ${network.channel}): ${allReady ? 'ready' : 'NOT READY'}`,
      ...table(
        rows.map((r) => ({ ...r, peer: r.peerReachable === null ? '' : r.peerReachable ? 'up' : 'down', lag: r.indexLagBlocks ?? '' })),
        [
          ['organisation', 'ORGANISATION'],
          ['gateway', 'GATEWAY'],
          ['status', 'HEALTH'],
          ['peer', 'PEER'],
          ['ledgerHeight', 'HEIGHT'],
          ['lag', 'INDEX LAG'],
        ],
      ).map((l) => `  ${l}`),
      ...rows.filter((r) => r.error).map((r) => `  ${r.organisation}: ${cell(r.error)}`),
    ]);
    return allReady ? EXIT.OK : EXIT.UNAVAILABLE;
  },
};

export const OPERATION_COMMANDS: Command[] = [token, status];
