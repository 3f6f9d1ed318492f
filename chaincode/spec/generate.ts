// Renders docs/specification.md: the contract metadata as the peer builds it (fabric-shim's
// ChaincodeFromContract over the decorated classes in chaincode/src/index.ts) merged with the hand-kept
// table in transactions.ts, the closed error set (domain/errors.ts) and the NCTS catalogue (domain/messages.ts).
// `npm run spec` writes the file; tests/unit/chaincode/specification.test.ts fails when it drifts.

import { contracts } from '../src/index';
import { ERROR_CODES, ERROR_STATUS } from '../src/domain/errors';
import { MESSAGES, type MessageType } from '../src/domain/messages';
import { ORGANISATION_KINDS, ROLES, type Role } from '../src/domain/roles';
import { implicitCollection } from '../src/ledger/state';
import { T as GUARANTEE_KEYS } from '../src/guarantee/store';
import { T as MOVEMENT_KEYS } from '../src/movement/store';
import { T as REGISTRY_KEYS } from '../src/registry/store';
import { ERROR_MEANINGS, EVENTS, TRANSACTIONS, type TransactionSpec } from './transactions';

export interface TransactionMeta {
  name: string;
  /** true: submitted (endorsed, ordered, committed); false: evaluated (a query on one peer) */
  submit: boolean;
  parameters: string[];
}

export interface ContractMeta {
  name: string;
  title: string;
  description: string;
  transactions: TransactionMeta[];
}

interface RawTransaction {
  name: string;
  tag?: string[];
  tags?: string[];
  parameters?: { name: string; schema?: { type?: string } }[];
}

interface RawMetadata {
  contracts: Record<string, { name: string; info?: { title?: string; description?: string }; transactions: RawTransaction[] }>;
}

type ChaincodeFromContractClass = new (classes: unknown[], serializers: unknown, metadata: unknown, title: string, version: string) => { metadata: RawMetadata };

const SYSTEM_CONTRACT = 'org.hyperledger.fabric';

/** The metadata the peer serves (org.hyperledger.fabric:GetMetadata), without the system contract. */
export function contractMetadata(): ContractMeta[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract.js') as ChaincodeFromContractClass;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSONSerializer } = require('fabric-contract-api') as { JSONSerializer: unknown };
  // bootstrap.js's default serialisation; the constructor appends the system contract, so pass a copy
  const serializers = { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } };
  const cc = new ChaincodeFromContract([...contracts], serializers, {}, 'cats', 'spec');
  return Object.values(cc.metadata.contracts)
    .filter((c) => c.name !== SYSTEM_CONTRACT)
    .map((c) => ({
      name: c.name,
      title: c.info?.title ?? c.name,
      description: c.info?.description ?? '',
      transactions: c.transactions.map((t) => ({
        name: t.name,
        submit: (t.tag ?? t.tags ?? []).includes('SUBMIT'),
        parameters: (t.parameters ?? []).map((p) => `${p.name}: ${p.schema?.type ?? 'unknown'}`),
      })),
    }));
}

/** Transactions in the metadata without a row in the table, and rows without a transaction. */
export function tableDrift(meta: ContractMeta[]): { missingInTable: string[]; missingInMetadata: string[] } {
  const inMeta = new Set(meta.flatMap((c) => c.transactions.map((t) => `${c.name}:${t.name}`)));
  const inTable = new Set(Object.entries(TRANSACTIONS).flatMap(([c, txs]) => Object.keys(txs).map((t) => `${c}:${t}`)));
  return {
    missingInTable: [...inMeta].filter((k) => !inTable.has(k)).sort(),
    missingInMetadata: [...inTable].filter((k) => !inMeta.has(k)).sort(),
  };
}

const ROLE_NOTES: Record<Role, string> = {
  officer: 'customs officer acting for the offices in cats.offices (CUSTOMS organisations)',
  supervisor: 'as officer; the chaincode gives officers and supervisors the same rights',
  trader: 'holder of the transit procedure, identified by cats.traderId; enrolled by the customs administration of its country',
  guarantor: 'issues and manages the guarantees of its GUARANTOR organisation and answers claims',
  auditor: 'reads movements and guarantees (AUDITOR organisations, or the role elsewhere)',
  admin: 'governs the registry (genesis, proposals, approvals) for a CUSTOMS organisation',
};

const DIRECTION: Record<MessageType['direction'], string> = {
  TRADER_TO_CUSTOMS: 'trader → customs',
  CUSTOMS_TO_TRADER: 'customs → trader',
  CUSTOMS_TO_CUSTOMS: 'customs → customs',
  CUSTOMS_TO_GUARANTOR: 'customs → guarantor',
  GUARANTEE_MANAGEMENT: 'guarantee management',
};

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function codeList(items: readonly string[]): string {
  return items.length === 0 ? '—' : items.map((i) => '`' + i + '`').join(', ');
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** The error codes of a row, once each, in the order of domain/errors.ts. */
function errorsOf(spec: TransactionSpec): string[] {
  return ERROR_CODES.filter((c) => spec.errors.includes(c));
}

function messagesOf(contract: string, tx: string): MessageType[] {
  return Object.values(MESSAGES)
    .filter((m) => m.transaction === `${contract}:${tx}`)
    .sort((a, b) => (a.ie < b.ie ? -1 : 1));
}

function transactionSection(contract: string, t: TransactionMeta, spec: TransactionSpec): string[] {
  const msgs = messagesOf(contract, t.name).map((m) => `${m.ie} ${m.name} (${DIRECTION[m.direction]})`);
  const ncts = [msgs.join('; '), spec.nctsNote ?? ''].filter((s) => s.length > 0).join('. ');
  return [
    `### ${contract}:${t.name}`,
    '',
    spec.summary,
    '',
    ...table(
      ['aspect', 'rule'],
      [
        ['kind', t.submit ? 'submit (endorsed, ordered, committed)' : 'evaluate (query on one peer, not ordered)'],
        ['parameters (metadata)', t.parameters.length === 0 ? '(none)' : t.parameters.join(', ')],
        ['callers', spec.callers],
        ['argument', spec.args === '' ? '(ignored)' : '`' + spec.args + '`'],
        ['transient keys', codeList(spec.transient ?? [])],
        ['events', codeList(spec.events)],
        ['errors', codeList(errorsOf(spec))],
        ['endorsement', spec.endorsement],
        ['privacy', spec.privacy],
        ['NCTS messages', ncts === '' ? '—' : ncts],
      ],
    ),
    '',
  ];
}

export async function renderSpecification(): Promise<string> {
  const meta = contractMetadata();
  const drift = tableDrift(meta);
  if (drift.missingInTable.length > 0 || drift.missingInMetadata.length > 0) {
    throw new Error(`chaincode/spec/transactions.ts is out of step with the contract metadata: not in the table ${drift.missingInTable.join(', ') || '-'}; not in the metadata ${drift.missingInMetadata.join(', ') || '-'}`);
  }
  const rows = meta.flatMap((c) => c.transactions.map((t) => ({ contract: c.name, t, spec: TRANSACTIONS[c.name][t.name] })));
  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines);

  p(
    '# CATS/ICE system specification (as built)',
    '',
    '<!-- Generated by `npm run spec` (chaincode/spec/write.ts). Do not edit: change the chaincode or chaincode/spec/transactions.ts and regenerate. -->',
    '',
    'This is the specification of the chaincode as it is built. The list of contracts and transactions, and whether each is',
    'submitted or evaluated, is the contract metadata the peer serves (fabric-shim `ChaincodeFromContract` over the classes',
    'exported by `chaincode/src/index.ts`); callers, arguments, events, errors, endorsement and privacy come from',
    '`chaincode/spec/transactions.ts`, kept by hand from the transaction bodies; error statuses from `chaincode/src/domain/errors.ts`;',
    'NCTS messages from `chaincode/src/domain/messages.ts`. `tests/unit/chaincode/specification.test.ts` fails when the table',
    'and the metadata disagree or when this file is not what `npm run spec` writes.',
    '',
    '## 1. Overview',
    '',
    'One channel (`transit`), one chaincode (`cats`) with the contracts below. Every transaction takes one string argument,',
    'a JSON object (queries without parameters accept an empty string); the result is canonical JSON. A failure leaves the',
    'chaincode as the text `CATS:{"code":…,"details":…,"message":…}`, which the gateway decodes into the error code and',
    'its HTTP status (section 3). Every transaction checks its caller itself: the gateway checks too, but can be bypassed.',
    'Each transaction sets at most one event (Fabric keeps only the last).',
    '',
    ...table(
      ['contract', 'description', 'submit', 'evaluate'],
      meta.map((c) => [`\`${c.name}\``, c.description, String(c.transactions.filter((t) => t.submit).length), String(c.transactions.filter((t) => !t.submit).length)]),
    ),
    '',
    '## 2. Identities and roles',
    '',
    'The chaincode identifies the caller by the MSP id of its certificate and these certificate attributes:',
    '',
    ...table(
      ['attribute', 'meaning'],
      [
        ['`cats.role`', `one of ${ROLES.map((r) => '`' + r + '`').join(', ')}; any other value counts as no role`],
        ['`cats.offices`', 'comma-separated office codes the user acts for (officers and supervisors)'],
        ['`cats.traderId`', 'the holder identification number (traders)'],
        ['`cats.user`', 'the acting user recorded in every step (falls back to the certificate CN)'],
      ],
    ),
    '',
    `Organisation kinds on the registry: ${ORGANISATION_KINDS.map((k) => '`' + k + '`').join(', ')}. Except for the genesis and`,
    'the registry queries other than GetHolder, and the ops probes, a caller must belong to an organisation that is on the active registry and not suspended.',
    '',
    ...table(
      ['role', 'acts as'],
      ROLES.map((r) => [`\`${r}\``, ROLE_NOTES[r]]),
    ),
    '',
    '## 3. Error codes',
    '',
    'The closed set of `chaincode/src/domain/errors.ts`. Any failure that is not one of these leaves as `INTERNAL`.',
    '',
    ...table(
      ['code', 'HTTP', 'meaning', 'raised by chaincode transactions'],
      ERROR_CODES.map((code) => {
        const n = rows.filter((r) => r.spec.errors.includes(code)).length;
        return [`\`${code}\``, String(ERROR_STATUS[code]), ERROR_MEANINGS[code], code === 'INTERNAL' ? 'any' : n === 0 ? '— (gateway or reserved)' : String(n)];
      }),
    ),
    '',
  );

  meta.forEach((c, i) => {
    p(`## ${4 + i}. Contract \`${c.name}\``, '', `${c.description}.`, '');
    for (const t of c.transactions) p(...transactionSection(c.name, t, TRANSACTIONS[c.name][t.name]));
  });

  const n = 4 + meta.length;
  const writers = (event: string) => rows.filter((r) => r.spec.events.includes(event)).map((r) => `${r.contract}:${r.t.name}`);
  const transientRows = rows.filter((r) => (r.spec.transient ?? []).length > 0);
  p(
    `## ${n}. Endorsement and private-data rules`,
    '',
    '**Chaincode-level policy.** The chaincode definition carries no policy of its own, so the channel `Endorsement`',
    'policy applies (ImplicitMeta MAJORITY of the member organisations). A transaction that creates a key is validated',
    'against it.',
    '',
    '**Key-level (state-based) endorsement** (`chaincode/src/ledger/endorsement.ts`). Once a record exists, only the',
    'peers of the organisations named in its validation parameter can endorse a change to it (AND of the listed',
    'organisations), whatever the chaincode-level policy. Records are split so that no organisation has to endorse',
    "another's writes and concurrent steps on one movement do not conflict:",
    '',
    ...table(
      ['record', 'composite key', 'endorsed (after creation) by', 'policy set by'],
      [
        ['movement', `\`${MOVEMENT_KEYS.movement}\` [mrn]`, 'the departure administration', '`movement:Declare`'],
        ['LRN index', `\`${MOVEMENT_KEYS.lrn}\` [holderId, lrn]`, 'the departure administration', '`movement:Declare`'],
        ['reservation', `\`${GUARANTEE_KEYS.reservation}\` [grn, mrn]`, 'the departure administration', '`movement:Declare`, `movement:Amend`'],
        ['crossing', `\`${MOVEMENT_KEYS.crossing}\` [mrn, office]`, 'the administration that recorded it', '`movement:RecordCrossing`'],
        ['incident', `\`${MOVEMENT_KEYS.incident}\` [mrn, txId]`, 'the administration that recorded it', '`movement:RecordIncident`'],
        ['arrival (unloading, control results)', `\`${MOVEMENT_KEYS.arrival}\` [mrn]`, 'the administration of the actual office of destination', '`movement:NotifyArrival`'],
        ['enquiry answer', `\`${MOVEMENT_KEYS.answer}\` [mrn, txId]`, "the answering caller's organisation", '`movement:AnswerEnquiry`'],
        ['guarantee', `\`${GUARANTEE_KEYS.guarantee}\` [grn]`, 'the issuing guarantor', '`guarantee:Issue`'],
        ['claim', `\`${GUARANTEE_KEYS.claim}\` [grn, mrn]`, 'the guarantor (customs fixed its part when raising it)', '`guarantee:RaiseClaim`'],
        ['registry records', Object.values(REGISTRY_KEYS).map((k) => '`' + k + '`').join(', '), 'chaincode-level policy (governance is enforced by the contract: unanimity for the genesis, strict majority for changes)', '—'],
        ['ping', '`cats.ping` [txId]', 'chaincode-level policy', '—'],
      ],
    ),
    '',
    '**Private data.** The consignment details of a declaration (parties, goods) are written by `movement:Declare` and',
    `\`movement:Amend\` under \`${MOVEMENT_KEYS.details}\` [mrn] into the implicit collection (\`${implicitCollection('<MSP id>')}\`, no`,
    'collection configuration needed) of the active customs administration of every country on the itinerary; the',
    'public movement record keeps only their hashes. `movement:GetDetails` reads the caller organisation\'s own collection.',
    'Guarantors, auditors and traders never receive them from the ledger.',
    '',
    '**Secrets.** Guarantee access codes travel only in the transient map, are never written to arguments, state, events',
    'or logs, and are stored as a salted PBKDF2 hash. Transient keys by transaction:',
    '',
    ...table(
      ['transaction', 'transient keys'],
      transientRows.map((r) => [`\`${r.contract}:${r.t.name}\``, codeList(r.spec.transient ?? [])]),
    ),
    '',
    `## ${n + 1}. Events`,
    '',
    'Every event payload is canonical JSON with `event`, `actor` ({mspId, user}), `txId` and `timestamp`, plus:',
    '',
    ...table(
      ['event', 'set by', 'payload'],
      Object.keys(EVENTS).map((e) => [`\`${e}\``, codeList(writers(e)), EVENTS[e]]),
    ),
    '',
    `## ${n + 2}. NCTS messages`,
    '',
    'The NCTS Phase 5 catalogue (`chaincode/src/domain/messages.ts`) and the transaction each message starts or reports.',
    '',
    ...table(
      ['message', 'name', 'direction', 'transaction'],
      Object.values(MESSAGES)
        .sort((a, b) => (a.ie < b.ie ? -1 : 1))
        .map((m) => [m.ie, m.name, DIRECTION[m.direction], m.transaction ? '`' + m.transaction + '`' : '— (gateway / not on the ledger)']),
    ),
    '',
  );
  return out.join('\n');
}
