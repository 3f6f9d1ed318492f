// The organisations of a network and the port plan. One place decides every listener, so two networks
// (the one `npm start` leaves running and the one `npm test` starts) can never collide: each profile has
// its own base port and its own state folder.

export type OrgKind = 'CUSTOMS' | 'GUARANTOR' | 'AUDITOR';

export interface OrgSpec {
  /** organisation name, also the MSP id stem: CustomsAZ → CustomsAZMSP */
  name: string;
  kind: OrgKind;
  /** ISO country of a customs administration */
  country?: string;
  /** DNS-style domain used in certificates (never resolved: every address is 127.0.0.1) */
  domain: string;
  /** index in the port plan; fixed per organisation so ports stay stable when others join */
  slot: number;
  /** customs administrations each run one Raft orderer */
  runsOrderer: boolean;
}

export interface Ports {
  peer: number;
  peerChaincode: number;
  peerOperations: number;
  chaincodeServer: number;
  gateway: number;
}

export interface OrdererPorts {
  listen: number;
  admin: number;
  operations: number;
}

export const DEFAULT_ORGS: OrgSpec[] = [
  { name: 'CustomsAZ', kind: 'CUSTOMS', country: 'AZ', domain: 'customs-az.cats.local', slot: 0, runsOrderer: true },
  { name: 'CustomsGE', kind: 'CUSTOMS', country: 'GE', domain: 'customs-ge.cats.local', slot: 1, runsOrderer: true },
  { name: 'CustomsUZ', kind: 'CUSTOMS', country: 'UZ', domain: 'customs-uz.cats.local', slot: 2, runsOrderer: true },
  { name: 'GuarantorPool', kind: 'GUARANTOR', domain: 'guarantor-pool.cats.local', slot: 3, runsOrderer: false },
  { name: 'Auditor', kind: 'AUDITOR', domain: 'auditor.cats.local', slot: 4, runsOrderer: false },
];

/** A customs administration that joins later (accession) gets the next free slot. */
export function customsOrg(country: string, slot: number): OrgSpec {
  const cc = country.toUpperCase();
  return { name: `Customs${cc}`, kind: 'CUSTOMS', country: cc, domain: `customs-${cc.toLowerCase()}.cats.local`, slot, runsOrderer: false };
}

export const mspId = (org: { name: string }): string => `${org.name}MSP`;
export const ordererOrgName = (org: OrgSpec): string => `${org.name}Orderer`;
export const ordererMspId = (org: OrgSpec): string => `${org.name}OrdererMSP`;
export const peerHost = (org: OrgSpec): string => `peer0.${org.domain}`;
export const ordererHost = (org: OrgSpec): string => `orderer0.orderer.${org.domain}`;

/**
 * Port plan, from a profile's base port B:
 *   orderer n (n = 0,1,2):  B+10n+1 listen, B+10n+2 admin, B+10n+3 operations
 *   organisation slot s:    B+100+10s+1 peer, +2 peer chaincode, +3 peer operations, +4 chaincode server
 *   gateway of slot s:      B+200+s
 * Slots run 0–9, so a profile uses B+1 … B+209; profiles are 10 000 apart.
 */
export function orgPorts(base: number, slot: number): Ports {
  const b = base + 100 + 10 * slot;
  return { peer: b + 1, peerChaincode: b + 2, peerOperations: b + 3, chaincodeServer: b + 4, gateway: base + 200 + slot };
}

export function ordererPorts(base: number, index: number): OrdererPorts {
  const b = base + 10 * index;
  return { listen: b + 1, admin: b + 2, operations: b + 3 };
}

export interface Profile {
  name: string;
  basePort: number;
}

/**
 * default: what `npm start` runs; test: what `npm test` starts and removes; the dev-* profiles let
 * engineers (and their tools) run further networks side by side without touching either. Every base
 * stays below 32768, where Linux's ephemeral range starts: an outgoing connection could otherwise hold
 * a planned port by chance.
 */
export const PROFILES: Record<string, Profile> = {
  default: { name: 'default', basePort: 7000 },
  test: { name: 'test', basePort: 17000 },
  'dev-a': { name: 'dev-a', basePort: 20000 },
  'dev-b': { name: 'dev-b', basePort: 23000 },
  'dev-c': { name: 'dev-c', basePort: 26000 },
  'dev-d': { name: 'dev-d', basePort: 29000 },
};

export const CHANNEL = 'transit';
export const CHAINCODE = 'cats';
