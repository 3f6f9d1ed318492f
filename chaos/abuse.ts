// Direct-to-peer abuse: forbidden actions submitted straight to a peer with a valid enrolled certificate
// (network/src/fabric-client.ts, no REST gateway in between). The chaincode or the channel's policies
// must refuse each one, with its coded error, and the ledger must not change (height and movement).
import { GatewayError } from '@hyperledger/fabric-gateway';
import { chaincodeError, errorTexts } from '../gateway/src/fabric/fabric-errors';
import { contractOf, findUser, openGateway, peerConnection } from '../network/src/fabric-client';
import type { NetworkFile } from '../network/src/network-file';
import { Ledger, orgOf } from './lib';

export interface AbuseCase {
  name: string;
  who: string;
  contract: string;
  transaction: string;
  arg: (t: AbuseTargets) => unknown;
  /** the coded refusals accepted for this case */
  expect: string[];
}

export interface AbuseTargets {
  mrn: string;
  grn: string;
}

export interface AbuseResult {
  name: string;
  who: string;
  transaction: string;
  refused: boolean;
  code: string;
  expected: string[];
  ok: boolean;
  heightBefore: number;
  heightAfter: number;
  movementUnchanged: boolean;
}

export const ABUSE_CASES: AbuseCase[] = [
  { name: 'auditor submits at all (Writers policy: admin only)', who: 'Auditor:auditor1', contract: 'ops', transaction: 'Ping', arg: () => undefined, expect: ['WRITERS_POLICY'] },
  { name: 'auditor releases a movement', who: 'Auditor:auditor1', contract: 'movement', transaction: 'Release', arg: (t) => ({ mrn: t.mrn, office: 'AZ000600' }), expect: ['FORBIDDEN_ROLE', 'WRITERS_POLICY'] },
  { name: 'guarantor releases a movement', who: 'GuarantorPool:guarantor1', contract: 'movement', transaction: 'Release', arg: (t) => ({ mrn: t.mrn, office: 'AZ000600' }), expect: ['FORBIDDEN_ROLE'] },
  { name: 'guarantor cancels a movement', who: 'GuarantorPool:guarantor1', contract: 'movement', transaction: 'RequestCancellation', arg: (t) => ({ mrn: t.mrn, reason: 'guarantor' }), expect: ['FORBIDDEN_ROLE', 'FORBIDDEN'] },
  { name: 'trader releases its own movement', who: 'CustomsAZ:trader1', contract: 'movement', transaction: 'Release', arg: (t) => ({ mrn: t.mrn, office: 'AZ000600' }), expect: ['FORBIDDEN_ROLE'] },
  { name: "trader cancels another trader's movement", who: 'CustomsAZ:trader2', contract: 'movement', transaction: 'RequestCancellation', arg: (t) => ({ mrn: t.mrn, reason: 'not mine' }), expect: ['FORBIDDEN'] },
  { name: 'officer of GE releases an AZ movement (AZ office)', who: 'CustomsGE:officer1', contract: 'movement', transaction: 'Release', arg: (t) => ({ mrn: t.mrn, office: 'AZ000600' }), expect: ['FORBIDDEN_OFFICE'] },
  { name: 'officer of GE releases an AZ movement (own GE office)', who: 'CustomsGE:officer1', contract: 'movement', transaction: 'Release', arg: (t) => ({ mrn: t.mrn, office: 'GE000600' }), expect: ['FORBIDDEN_OFFICE'] },
  { name: 'AZ border officer releases at an office not his', who: 'CustomsAZ:officer2', contract: 'movement', transaction: 'Release', arg: (t) => ({ mrn: t.mrn, office: 'AZ000600' }), expect: ['FORBIDDEN_OFFICE'] },
  { name: 'trader suspends a guarantee', who: 'CustomsAZ:trader1', contract: 'guarantee', transaction: 'Suspend', arg: (t) => ({ grn: t.grn, reason: 'x' }), expect: ['FORBIDDEN_ROLE', 'FORBIDDEN'] },
];

/** The coded refusal of a Fabric error: the chaincode's code, or the orderer's policy refusal. */
export function refusalCode(e: unknown): string {
  const cc = chaincodeError(e);
  if (cc) return process.env.CHAOS_DEBUG ? `${cc.code}:${cc.message}` : cc.code;
  const texts = errorTexts(e).join(' | ');
  if (/FORBIDDEN|access denied|Writers|implicit policy|signature set did not satisfy policy/i.test(texts)) return 'WRITERS_POLICY';
  if (e instanceof GatewayError) return `GRPC_${e.code}:${texts.slice(0, 120)}`;
  return `OTHER:${texts.slice(0, 120)}`;
}

export async function runAbuse(network: NetworkFile, t: AbuseTargets, cases = ABUSE_CASES): Promise<AbuseResult[]> {
  const ledger = new Ledger(network);
  const out: AbuseResult[] = [];
  try {
    for (const c of cases) {
      const [orgName, user] = c.who.split(':');
      const org = orgOf(network, orgName);
      const client = peerConnection(org);
      const gateway = openGateway(client, findUser(network, orgName, user));
      const before = JSON.stringify(await ledger.evaluate('movement', 'Get', { mrn: t.mrn }));
      const heightBefore = await ledger.height();
      let code = 'ACCEPTED';
      let refused = false;
      try {
        const arg = c.arg(t);
        await contractOf(gateway, network, c.contract).submitTransaction(c.transaction, ...(arg === undefined ? [] : [JSON.stringify(arg)]));
      } catch (e) {
        refused = true;
        code = refusalCode(e);
      } finally {
        gateway.close();
        client.close();
      }
      // a refused write never reaches a block; give a wrongly accepted one the time to show
      await new Promise((r) => setTimeout(r, 300));
      const heightAfter = await ledger.height();
      const after = JSON.stringify(await ledger.evaluate('movement', 'Get', { mrn: t.mrn }));
      const movementUnchanged = before === after;
      out.push({ name: c.name, who: c.who, transaction: `${c.contract}:${c.transaction}`, refused, code, expected: c.expect, ok: refused && c.expect.includes(code) && movementUnchanged && heightAfter === heightBefore, heightBefore, heightAfter, movementUnchanged });
    }
  } finally {
    ledger.close();
  }
  return out;
}
