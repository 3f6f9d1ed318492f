// What every command gets: its options, the network description of the chosen profile, the client for
// the acting user, and output that is human-readable by default and JSON with --json.
import fs from 'node:fs';
import { layout } from '../../../network/src/layout';
import { readNetworkFile, type NetworkFile, type NetworkOrg } from '../../../network/src/network-file';
import { ApiClient, NetworkUnavailable } from '../api-client';
import { Opts, parseIdentity } from './args';
import { UsageError } from './errors';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliEnv extends CliIo {
  /** the network description of a profile; throws NetworkUnavailable when there is none */
  loadNetwork: (profile: string) => NetworkFile;
  /** a REST client for one user (tests replace it) */
  clientFor: (network: NetworkFile, org: NetworkOrg, userId: string) => ApiClient;
  fetch: typeof fetch;
}

export function loadNetworkProfile(profile: string): NetworkFile {
  if (!/^[A-Za-z0-9_.-]+$/.test(profile) || profile.startsWith('.')) throw new UsageError(`--network: '${profile}' is not a profile name`);
  const file = layout(profile).networkFile;
  if (!fs.existsSync(file)) {
    throw new NetworkUnavailable(`no network '${profile}' is set up (${file} does not exist): run \`npm start\` first`);
  }
  try {
    return readNetworkFile(file);
  } catch (e) {
    throw new NetworkUnavailable(`the network description ${file} cannot be read (${(e as Error).message})`);
  }
}

export const defaultEnv = (): CliEnv => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  loadNetwork: loadNetworkProfile,
  clientFor: (network, org, userId) => new ApiClient(network, org, userId),
  fetch: (...a) => fetch(...a),
});

/** Finds the enrolled user `Org:user` in the network description; anything else is a usage error. */
export function resolveIdentity(network: NetworkFile, who: string | undefined): { org: NetworkOrg; userId: string } {
  const { org: orgName, user } = parseIdentity(who);
  const org = network.organisations.find((o) => o.name.toLowerCase() === orgName.toLowerCase());
  if (!org) {
    throw new UsageError(`unknown organisation '${orgName}' (known: ${network.organisations.map((o) => o.name).join(', ')})`, 'UNKNOWN_IDENTITY');
  }
  if (!org.users.some((u) => u.id === user)) {
    throw new UsageError(`unknown user '${user}' in ${org.name} (known: ${org.users.map((u) => u.id).join(', ')})`, 'UNKNOWN_IDENTITY');
  }
  return { org, userId: user };
}

export class Context {
  private networkFile?: NetworkFile;

  constructor(
    readonly env: CliEnv,
    readonly opts: Opts,
  ) {}

  get json(): boolean {
    return this.opts.flag('json');
  }

  get profile(): string {
    return this.opts.str('network') ?? 'default';
  }

  network(): NetworkFile {
    this.networkFile ??= this.env.loadNetwork(this.profile);
    return this.networkFile;
  }

  /** The acting user's identity: syntax first (no network needed), then the network's enrolment. */
  identity(): { network: NetworkFile; org: NetworkOrg; userId: string } {
    parseIdentity(this.opts.str('as'));
    const network = this.network();
    return { network, ...resolveIdentity(network, this.opts.str('as')) };
  }

  client(): ApiClient {
    const { network, org, userId } = this.identity();
    return this.env.clientFor(network, org, userId);
  }

  /** Prints `data` as JSON with --json, otherwise the human lines. */
  print(data: unknown, human: () => string | string[]): void {
    if (this.json) {
      this.env.out(JSON.stringify(data, null, 2));
      return;
    }
    const text = human();
    for (const line of Array.isArray(text) ? text : [text]) this.env.out(line);
  }
}
