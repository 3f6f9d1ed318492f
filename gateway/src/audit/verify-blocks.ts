// Independent check of the ledger an auditor can run through any gateway: fetch blocks with qscc
// GetBlockByNumber and verify (1) each block's data hash, (2) the hash chain (previous_hash equals the
// SHA-256 of the previous block's header), (3) every endorsement signature of every transaction against
// its endorser's certificate, and the creator's signature of each envelope.
import crypto from 'node:crypto';
import { common, msp, peer } from '@hyperledger/fabric-protos';
import type { FabricConnections } from '../fabric/connections';
import { toCatsError } from '../fabric/fabric-errors';
import { blockDataHash, blockHeaderHash } from './block-header-hash';

export interface TxCheck {
  txId: string;
  type: number;
  validationCode?: number;
  creatorMspId?: string;
  /** null: the genesis block's configuration envelope, which configtxgen leaves unsigned */
  creatorSignatureValid: boolean | null;
  endorsements: { mspId: string; valid: boolean }[];
}

export interface BlockCheck {
  number: string;
  headerHash: string;
  previousHash: string;
  dataHash: string;
  dataHashValid: boolean;
  /** null for block 0, or when the previous block was not fetched */
  linkValid: boolean | null;
  transactions: TxCheck[];
  valid: boolean;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function verifySignature(identityBytes: Uint8Array, data: Uint8Array, signature: Uint8Array): { mspId: string; valid: boolean } {
  const id = msp.SerializedIdentity.deserializeBinary(identityBytes);
  try {
    const cert = new crypto.X509Certificate(Buffer.from(id.getIdBytes_asU8()));
    return { mspId: id.getMspid(), valid: crypto.verify('sha256', data, cert.publicKey, signature) };
  } catch {
    return { mspId: id.getMspid(), valid: false };
  }
}

function checkEnvelope(envBytes: Uint8Array, validationCode: number | undefined, genesis: boolean): TxCheck {
  const env = common.Envelope.deserializeBinary(envBytes);
  const payload = common.Payload.deserializeBinary(env.getPayload_asU8());
  const ch = common.ChannelHeader.deserializeBinary(payload.getHeader()!.getChannelHeader_asU8());
  const sh = common.SignatureHeader.deserializeBinary(payload.getHeader()!.getSignatureHeader_asU8());
  const unsignedGenesis = genesis && ch.getType() === common.HeaderType.CONFIG && env.getSignature_asU8().length === 0;
  const creator = unsignedGenesis ? { mspId: undefined, valid: null } : verifySignature(sh.getCreator_asU8(), env.getPayload_asU8(), env.getSignature_asU8());
  const check: TxCheck = { txId: ch.getTxId(), type: ch.getType(), validationCode, creatorMspId: creator.mspId, creatorSignatureValid: creator.valid, endorsements: [] };
  if (ch.getType() !== common.HeaderType.ENDORSER_TRANSACTION) return check;
  const tx = peer.Transaction.deserializeBinary(payload.getData_asU8());
  for (const action of tx.getActionsList()) {
    const cap = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
    const endorsed = cap.getAction();
    if (!endorsed) continue;
    const prp = endorsed.getProposalResponsePayload_asU8();
    for (const e of endorsed.getEndorsementsList()) {
      // Fabric signs proposal_response_payload || endorser (the serialized identity).
      const signed = Buffer.concat([Buffer.from(prp), Buffer.from(e.getEndorser_asU8())]);
      check.endorsements.push(verifySignature(e.getEndorser_asU8(), signed, e.getSignature_asU8()));
    }
  }
  return check;
}

export async function fetchBlock(fabric: FabricConnections, userId: string, n: bigint): Promise<common.Block> {
  try {
    const bytes = await fabric.systemContract(userId, 'qscc').evaluateTransaction('GetBlockByNumber', fabric.network.channel, n.toString());
    return common.Block.deserializeBinary(bytes);
  } catch (e) {
    throw toCatsError(e);
  }
}

export function checkBlock(block: common.Block, previous: common.Block | undefined): BlockCheck {
  const h = block.getHeader()!;
  const number = BigInt(h.getNumber());
  const data = block.getData()!.getDataList_asU8();
  const dataHashValid = blockDataHash(data).equals(Buffer.from(h.getDataHash_asU8()));
  let linkValid: boolean | null = null;
  if (previous) {
    const p = previous.getHeader()!;
    linkValid = blockHeaderHash(BigInt(p.getNumber()), p.getPreviousHash_asU8(), p.getDataHash_asU8()).equals(Buffer.from(h.getPreviousHash_asU8()));
  }
  const filter = block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER];
  const transactions = data.map((d, i) => checkEnvelope(d, filter && filter.length > i ? filter[i] : undefined, number === 0n));
  const signaturesValid = transactions.every((t) => t.creatorSignatureValid !== false && t.endorsements.every((e) => e.valid));
  return {
    number: number.toString(),
    headerHash: hex(blockHeaderHash(number, h.getPreviousHash_asU8(), h.getDataHash_asU8())),
    previousHash: hex(h.getPreviousHash_asU8()),
    dataHash: hex(h.getDataHash_asU8()),
    dataHashValid,
    linkValid,
    transactions,
    valid: dataHashValid && linkValid !== false && signaturesValid,
  };
}

/** Verifies blocks from..to (inclusive); fetches from-1 too so the first link is checked. */
export async function verifyBlocks(fabric: FabricConnections, userId: string, from: bigint, to: bigint): Promise<{ from: string; to: string; valid: boolean; blocks: BlockCheck[] }> {
  let previous = from > 0n ? await fetchBlock(fabric, userId, from - 1n) : undefined;
  const blocks: BlockCheck[] = [];
  for (let n = from; n <= to; n++) {
    const block = await fetchBlock(fabric, userId, n);
    blocks.push(checkBlock(block, previous));
    previous = block;
  }
  return { from: from.toString(), to: to.toString(), valid: blocks.every((b) => b.valid), blocks };
}
