// A fake CLI environment: a network description in memory, a client whose requests are recorded and
// answered by a handler, and captured stdout / stderr.
import type { NetworkFile, NetworkOrg } from '../../../network/src/network-file';
import { ApiClient, NetworkUnavailable, type RequestOptions } from '../../../client/src/api-client';
import type { CliEnv } from '../../../client/src/cli/context';

export interface Recorded {
  org: string;
  user: string;
  method: string;
  path: string;
  opts: RequestOptions;
}

export function fakeNetwork(): NetworkFile {
  const org = (name: string, kind: NetworkOrg['kind'], country: string | null, port: number, users: { id: string; role: string; offices?: string[]; traderId?: string | null }[]): NetworkOrg =>
    ({
      name,
      mspId: `${name}MSP`,
      kind,
      country,
      peer: { host: `peer0.${name.toLowerCase()}`, endpoint: `127.0.0.1:${port + 1000}`, tlsCaCert: '/nonexistent/tlsca.pem', operations: `127.0.0.1:${port + 2000}` },
      chaincodeServer: `127.0.0.1:${port + 3000}`,
      gateway: { port, url: `http://127.0.0.1:${port}` },
      keyPassphraseFile: '/nonexistent/passphrase',
      jwtKeyFile: '/nonexistent/jwt.json',
      users: users.map((u) => ({ offices: [], traderId: null, ...u, certPath: '/nonexistent/cert.pem', keyPath: '/nonexistent/key.pem' })),
    }) as unknown as NetworkOrg;
  return {
    name: 'test',
    channel: 'transit',
    chaincode: 'cats',
    stateDir: '/nonexistent',
    basePort: 1,
    orderers: [],
    organisations: [
      org('CustomsAZ', 'CUSTOMS' as NetworkOrg['kind'], 'AZ', 1, [
        { id: 'officer1', role: 'officer', offices: ['AZ000600'] },
        { id: 'trader1', role: 'trader', traderId: 'AZ1700123451' },
      ]),
      org('GuarantorPool', 'GUARANTOR' as NetworkOrg['kind'], null, 2, [{ id: 'guarantor1', role: 'guarantor' }]),
    ],
  };
}

export type Handler = (r: Recorded) => unknown;

export interface FakeEnv extends CliEnv {
  stdout: string[];
  stderr: string[];
  requests: Recorded[];
}

export function fakeEnv(handler: Handler = () => ({ state: 'COMMITTED', transactionId: 'tx1', result: { mrn: '25AZ5Q7Y2ZLOT9V2J0', status: 'RELEASED' } }), network: NetworkFile | Error = fakeNetwork()): FakeEnv {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const requests: Recorded[] = [];
  class FakeClient extends ApiClient {
    override async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
      const r = { org: this.org.name, user: this.userId, method, path, opts };
      requests.push(r);
      return (await handler(r)) as T;
    }
  }
  return {
    stdout,
    stderr,
    requests,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    loadNetwork: () => {
      if (network instanceof Error) throw network;
      return network;
    },
    clientFor: (n, o, u) => new FakeClient(n, o, u),
    fetch: async () => {
      throw new TypeError('fetch failed');
    },
  };
}

export const noNetwork = () => new NetworkUnavailable("no network 'x' is set up");
