// The application channel's configuration (configtx.yaml, written as JSON) and its genesis block.
// Governance: ImplicitMeta MAJORITY for Admins, LifecycleEndorsement and Endorsement, so a new member is
// counted without rewriting policies. The auditor's organisation may read and endorse but its clients
// may not write: its Writers policy names only its admin (who approves chaincode definitions).
import path from 'node:path';
import { ordererOrgDir, orgDir, writeYaml } from './crypto-material';
import { bin } from './layout';
import { run } from './processes';
import { CHANNEL, OrgSpec, mspId, ordererHost, ordererMspId, ordererOrgName, ordererPorts, orgPorts } from './topology';

const sig = (rule: string) => ({ Type: 'Signature', Rule: rule });
const implicit = (rule: string) => ({ Type: 'ImplicitMeta', Rule: rule });

export interface BatchSettings {
  /** how long the orderer waits to fill a block: decides single-submit latency */
  timeout: string;
  maxMessageCount: number;
}

export const DEFAULT_BATCH: BatchSettings = { timeout: '100ms', maxMessageCount: 200 };

export function applicationOrg(cryptoDir: string, org: OrgSpec, basePort: number): Record<string, unknown> {
  const m = mspId(org);
  const writers = org.kind === 'AUDITOR' ? `OR('${m}.admin')` : `OR('${m}.admin', '${m}.client')`;
  return {
    Name: m,
    ID: m,
    MSPDir: path.join(orgDir(cryptoDir, org), 'msp'),
    Policies: {
      Readers: sig(`OR('${m}.admin', '${m}.peer', '${m}.client')`),
      Writers: sig(writers),
      Admins: sig(`OR('${m}.admin')`),
      Endorsement: sig(`OR('${m}.peer')`),
    },
    AnchorPeers: [{ Host: '127.0.0.1', Port: orgPorts(basePort, org.slot).peer }],
  };
}

function ordererOrg(cryptoDir: string, org: OrgSpec, basePort: number, index: number): Record<string, unknown> {
  const m = ordererMspId(org);
  return {
    Name: ordererOrgName(org),
    ID: m,
    MSPDir: path.join(ordererOrgDir(cryptoDir, org), 'msp'),
    Policies: {
      Readers: sig(`OR('${m}.member')`),
      Writers: sig(`OR('${m}.member')`),
      Admins: sig(`OR('${m}.admin')`),
    },
    OrdererEndpoints: [`127.0.0.1:${ordererPorts(basePort, index).listen}`],
  };
}

export function ordererTlsCert(cryptoDir: string, org: OrgSpec): string {
  return path.join(ordererOrgDir(cryptoDir, org), 'orderers', ordererHost(org), 'tls', 'server.crt');
}

export function configtx(cryptoDir: string, orgs: OrgSpec[], basePort: number, batch: BatchSettings): unknown {
  const ordering = orgs.filter((o) => o.runsOrderer);
  return {
    Profiles: {
      TransitChannel: {
        Policies: {
          Readers: implicit('ANY Readers'),
          Writers: implicit('ANY Writers'),
          Admins: implicit('MAJORITY Admins'),
        },
        // Fabric 2.5 knows no channel capability above V2_0; V2_5 exists for the application group only.
        Capabilities: { V2_0: true },
        Orderer: {
          OrdererType: 'etcdraft',
          BatchTimeout: batch.timeout,
          BatchSize: { MaxMessageCount: batch.maxMessageCount, AbsoluteMaxBytes: '10 MB', PreferredMaxBytes: '2 MB' },
          EtcdRaft: {
            Consenters: ordering.map((o, i) => ({
              Host: '127.0.0.1',
              Port: ordererPorts(basePort, i).listen,
              ClientTLSCert: ordererTlsCert(cryptoDir, o),
              ServerTLSCert: ordererTlsCert(cryptoDir, o),
            })),
            Options: { TickInterval: '250ms', ElectionTick: 10, HeartbeatTick: 1, MaxInflightBlocks: 5, SnapshotIntervalSize: '16 MB' },
          },
          Organizations: ordering.map((o, i) => ordererOrg(cryptoDir, o, basePort, i)),
          Policies: {
            Readers: implicit('ANY Readers'),
            Writers: implicit('ANY Writers'),
            Admins: implicit('MAJORITY Admins'),
            BlockValidation: implicit('ANY Writers'),
          },
          Capabilities: { V2_0: true },
        },
        Application: {
          Organizations: orgs.map((o) => applicationOrg(cryptoDir, o, basePort)),
          Policies: {
            Readers: implicit('ANY Readers'),
            Writers: implicit('ANY Writers'),
            Admins: implicit('MAJORITY Admins'),
            LifecycleEndorsement: implicit('MAJORITY Endorsement'),
            Endorsement: implicit('MAJORITY Endorsement'),
          },
          Capabilities: { V2_5: true },
          // Proposals (evaluate and endorse) need only Readers, so the auditor's users can read the ledger
          // through its own peer; writing still needs Writers at the orderer, which the auditor's users are not.
          ACLs: { 'peer/Propose': '/Channel/Application/Readers' },
        },
      },
    },
  };
}

export async function writeGenesisBlock(configDir: string, cryptoDir: string, orgs: OrgSpec[], basePort: number, out: string, batch = DEFAULT_BATCH): Promise<void> {
  writeYaml(path.join(configDir, 'configtx.yaml'), configtx(cryptoDir, orgs, basePort, batch));
  await run(bin('configtxgen'), ['-profile', 'TransitChannel', '-outputBlock', out, '-channelID', CHANNEL, '-configPath', configDir]);
}

