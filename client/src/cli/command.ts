// The shape of one `cats` command, and the option specs shared between commands (one type per name).
import type { OptionSpec } from './args';
import type { Context } from './context';

export interface ArgSpec {
  name: string;
  description: string;
  optional?: boolean;
}

export interface Command {
  /** one or two words: 'release', 'guarantee issue' */
  name: string;
  summary: string;
  args: ArgSpec[];
  options: OptionSpec[];
  /** whether --as is needed */
  identity: boolean;
  details?: string[];
  examples?: string[];
  /** resolves to the exit code, or nothing for 0 */
  run: (ctx: Context, args: string[]) => Promise<number | void>;
}

const s = (name: string, metavar: string, description: string): OptionSpec => ({ name, type: 'string', metavar, description });

export const OPT = {
  office: s('office', '<code>', 'the customs office acting, e.g. AZ000600'),
  officeFilter: s('office', '<code>', 'only movements concerning this office'),
  status: s('status', '<STATUS>', 'only movements in this status (e.g. RELEASED)'),
  country: s('country', '<CC>', 'ISO country code'),
  holder: s('holder', '<traderId>', 'only movements of this holder'),
  limit: s('limit', '<n>', 'at most n items (1–200)'),
  cursor: s('cursor', '<cursor>', 'continue a listing from this cursor'),
  reason: s('reason', '<text>', 'the reason, in free text'),
  text: s('text', '<text>', 'free text'),
  code: s('code', '<code>', 'the code'),
  remarks: s('remarks', '<text>', 'remarks, in free text'),
  timeLimit: s('time-limit', '<date-time>', 'time limit for presentation at destination (ISO 8601)'),
  motivationCode: s('motivation-code', '<nn>', 'NCTS motivation code (default 99)'),
  documents: s('documents', '<text>', 'the documents requested for the control'),
  seals: s('seals', 'intact|broken', 'the state of the seals'),
  conform: s('conform', 'yes|no', 'whether the goods conform to the declaration'),
  description: s('description', '<text>', 'what differs'),
  resolution: s('resolution', '<text>', 'how it was resolved'),
  proofFound: s('proof-found', 'yes|no', 'whether alternative proof of the end of the procedure was found'),
  evidenceHash: s('evidence-hash', '<sha256 hex>', 'hash of the evidence document'),
  settledBy: s('settled-by', 'HOLDER|GUARANTOR', 'who settled the debt'),
  accessCode: { name: 'access-code', type: 'list', metavar: '<GRN>=<code>', description: 'access code of a guarantee, as GRN=CODE (repeatable; for a single guarantee CODE alone)' } as OptionSpec,
  amount: s('amount', '<amount>', 'the reference amount, e.g. 100000.00'),
  currency: s('currency', '<CCY>', 'the currency, e.g. USD'),
  countries: s('countries', '<CC,CC,…>', 'the countries where the guarantee is valid'),
  type: s('type', '<type>', 'guarantee type (default 1: comprehensive)'),
  validFrom: s('valid-from', '<date>', 'first day of validity (default today)'),
  validTo: s('valid-to', '<date>', 'last day of validity'),
  ttl: s('ttl', '<seconds>', 'token lifetime in seconds (default 900)'),
  from: s('from', '<n>', 'first block'),
  to: s('to', '<n>', 'last block'),
  role: s('role', '<role>', 'only offices with this role (DEPARTURE, TRANSIT, DESTINATION…)'),
  xml: { name: 'xml', type: 'boolean', description: 'ask for the NCTS XML answer instead of JSON' } as OptionSpec,
  noWait: { name: 'no-wait', type: 'boolean', description: 'do not wait for the commit (answer may be PENDING)' } as OptionSpec,
};
