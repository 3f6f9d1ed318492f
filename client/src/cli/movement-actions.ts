// One command per movement transition: POST /movements/{mrn}/{action} with the fields the chaincode reads.
import { isValidAccessCode, isValidGrn, isValidMrn, isValidOfficeCode } from '../../../chaincode/src/domain/identifiers';
import type { Opts, OptionSpec } from './args';
import { OPT, type Command } from './command';
import { UsageError } from './errors';
import { readDeclarationFile } from './files';
import { writeLines } from './format';

export function checkMrn(mrn: string | undefined): string {
  if (mrn === undefined) throw new UsageError('missing argument <MRN>');
  if (!isValidMrn(mrn)) throw new UsageError(`'${mrn}' is not a valid MRN`, 'INVALID_IDENTIFIER');
  return mrn;
}

export function checkOffice(code: string | undefined, required: boolean): string | undefined {
  if (code === undefined) {
    if (required) throw new UsageError('missing option --office <code>');
    return undefined;
  }
  if (!isValidOfficeCode(code)) throw new UsageError(`--office: '${code}' is not an office code (e.g. AZ000600)`, 'INVALID_IDENTIFIER');
  return code;
}

export function yesNo(o: Opts, name: string, yes = 'yes', no = 'no'): boolean | undefined {
  const v = o.str(name);
  if (v === undefined) return undefined;
  if (v.toLowerCase() === yes) return true;
  if (v.toLowerCase() === no) return false;
  throw new UsageError(`--${name}: ${yes} or ${no} expected, got '${v}'`);
}

interface ActionDef {
  command: string;
  action: string;
  summary: string;
  /** --office: required (customs), optional (trader actions), or not used */
  office: 'required' | 'optional';
  options?: OptionSpec[];
  fields?: (o: Opts) => Record<string, unknown>;
  who: string;
}

const req = (o: Opts, name: string) => o.required(name);

const ACTIONS: ActionDef[] = [
  { command: 'release', action: 'release', office: 'required', who: 'departure officer', summary: 'release a movement for transit (IE029)', options: [OPT.timeLimit], fields: (o) => ({ timeLimit: o.str('time-limit') }) },
  {
    command: 'refuse', action: 'refuse', office: 'required', who: 'departure officer', summary: 'refuse the release (IE051)', options: [OPT.reason, OPT.motivationCode],
    fields: (o) => ({ reason: req(o, 'reason'), motivationCode: o.str('motivation-code') }),
  },
  { command: 'control', action: 'control', office: 'required', who: 'departure officer', summary: 'decide a control before release', options: [OPT.documents], fields: (o) => ({ requestedDocuments: req(o, 'documents') }) },
  { command: 'cross', action: 'cross', office: 'required', who: 'transit/border officer', summary: 'record the crossing of an office of transit (IE118)' },
  { command: 'incident', action: 'incident', office: 'required', who: 'officer en route', summary: 'record an incident en route', options: [OPT.code, OPT.text], fields: (o) => ({ code: req(o, 'code'), text: req(o, 'text') }) },
  {
    command: 'arrive', action: 'arrival', office: 'required', who: 'destination officer', summary: 'notify the arrival at destination (IE007)', options: [OPT.seals],
    fields: (o) => ({ sealsOk: yesNo(o, 'seals', 'intact', 'broken') }),
  },
  { command: 'unloading', action: 'unloading-permission', office: 'required', who: 'destination officer', summary: 'grant the unloading permission (IE043)' },
  {
    command: 'unloading-remarks', action: 'unloading-remarks', office: 'required', who: 'destination officer', summary: 'record the unloading remarks (IE044)', options: [OPT.conform, OPT.seals, OPT.remarks],
    fields: (o) => ({ conform: yesNo(o, 'conform'), sealsOk: yesNo(o, 'seals', 'intact', 'broken'), remarks: o.str('remarks') }),
  },
  {
    command: 'control-results', action: 'control-results', office: 'required', who: 'destination officer', summary: 'record the control results at destination (IE018/IE025)', options: [OPT.code, OPT.remarks],
    fields: (o) => ({ code: req(o, 'code'), remarks: o.str('remarks') }),
  },
  { command: 'discrepancies', action: 'discrepancies', office: 'required', who: 'destination officer', summary: 'record discrepancies found', options: [OPT.description], fields: (o) => ({ description: req(o, 'description') }) },
  { command: 'resolve', action: 'discrepancies-resolved', office: 'required', who: 'departure officer', summary: 'resolve recorded discrepancies', options: [OPT.resolution], fields: (o) => ({ resolution: req(o, 'resolution') }) },
  { command: 'write-off', action: 'write-off', office: 'required', who: 'departure officer', summary: 'write the movement off and release the guarantee (IE045)' },
  { command: 'enquiry', action: 'enquiry', office: 'required', who: 'departure officer', summary: 'open an enquiry (IE140/IE142)' },
  {
    command: 'enquiry-answer', action: 'enquiry-answer', office: 'optional', who: 'holder or officer', summary: 'answer an enquiry', options: [OPT.proofFound, OPT.evidenceHash, OPT.text],
    fields: (o) => {
      const proofFound = yesNo(o, 'proof-found');
      if (proofFound === undefined) throw new UsageError('missing option --proof-found yes|no');
      return { proofFound, evidenceHash: o.str('evidence-hash'), text: req(o, 'text') };
    },
  },
  { command: 'recovery', action: 'recovery', office: 'required', who: 'departure officer', summary: 'start the recovery procedure', options: [OPT.reason, OPT.country], fields: (o) => ({ reason: req(o, 'reason'), country: o.str('country') }) },
  {
    command: 'recovered', action: 'recovered', office: 'required', who: 'departure officer', summary: 'close the recovery (debt settled)', options: [OPT.settledBy],
    fields: (o) => ({ settledBy: req(o, 'settled-by').toUpperCase() }),
  },
  { command: 'cancel', action: 'cancel', office: 'optional', who: 'holder', summary: 'request the cancellation of a declaration (IE014)', options: [OPT.reason], fields: (o) => ({ reason: req(o, 'reason') }) },
  { command: 'invalidate', action: 'invalidate', office: 'required', who: 'departure officer', summary: 'invalidate a declaration', options: [OPT.reason], fields: (o) => ({ reason: req(o, 'reason') }) },
  { command: 'present', action: 'present', office: 'optional', who: 'holder', summary: 'present the goods of a pre-lodged declaration (IE170)' },
];

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function actionCommand(def: ActionDef): Command {
  return {
    name: def.command,
    summary: def.summary,
    args: [{ name: 'MRN', description: 'the movement reference number' }],
    options: [OPT.office, ...(def.options ?? []), OPT.noWait],
    identity: true,
    details: [`Acts as: ${def.who}. Sends POST /api/v1/movements/{MRN}/${def.action}.`, ...(def.office === 'optional' ? ['--office is optional for this action.'] : [])],
    examples: def.command === 'control-results' ? [`cats control-results 25AZ00000000001234 --office GE000600 --code A1 --as CustomsGE:officer1`] : [`cats ${def.command} <MRN> --office <code> --as <Org>:<user>`],
    async run(ctx, args) {
      const mrn = checkMrn(args[0]);
      const office = checkOffice(ctx.opts.str('office'), def.office === 'required');
      const body = stripUndefined({ office, ...(def.fields?.(ctx.opts) ?? {}) });
      const client = ctx.client();
      const record = await client.post(`/movements/${mrn}/${def.action}`, body, ctx.opts.flag('no-wait') ? { waitSeconds: undefined } : {});
      ctx.print(record, () => writeLines(def.command, record));
    },
  };
}

const amend: Command = {
  name: 'amend',
  summary: 'amend a declaration with an IE013 (XML) or its JSON form',
  args: [
    { name: 'MRN', description: 'the movement reference number' },
    { name: 'file', description: 'an IE013 XML message, or JSON {declaration, accessCodes?}' },
  ],
  options: [OPT.accessCode, OPT.noWait],
  identity: true,
  details: ['Acts as: holder. Sends POST /api/v1/movements/{MRN}/amend.'],
  async run(ctx, args) {
    const mrn = checkMrn(args[0]);
    if (!args[1]) throw new UsageError('missing argument <file>');
    const file = readDeclarationFile(args[1]);
    const codes = parseAccessCodes(ctx.opts.list('access-code'));
    const client = ctx.client();
    const wait = ctx.opts.flag('no-wait') ? undefined : 60;
    const record =
      file.kind === 'xml'
        ? await client.request('POST', `/movements/${mrn}/amend`, { xml: xmlWithAccessCodes(file.text, codes), waitSeconds: wait })
        : await client.request('POST', `/movements/${mrn}/amend`, { body: withAccessCodes(file.json!, codes), waitSeconds: wait });
    ctx.print(record, () => writeLines('amend', record));
  },
};

/** `GRN=CODE` pairs → {GRN: CODE}. */
export function parseAccessCodes(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const m = /^([^=\s]+)=([^=\s]+)$/.exec(v);
    if (!m) throw new UsageError(`--access-code: GRN=CODE expected, got '${v}'`);
    if (!isValidGrn(m[1])) throw new UsageError(`--access-code: '${m[1]}' is not a GRN`, 'INVALID_IDENTIFIER');
    if (!isValidAccessCode(m[2])) throw new UsageError(`--access-code: the code for ${m[1]} must be 4 alphanumerics`, 'INVALID_IDENTIFIER');
    out[m[1]!] = m[2]!;
  }
  return out;
}

/** Access codes beside a JSON declaration ({…, accessCodes: {GRN: CODE}}): the gateway moves them to the transient map. */
export function withAccessCodes(body: Record<string, unknown>, codes: Record<string, string>): Record<string, unknown> {
  if (!Object.keys(codes).length) return body;
  const existing = body.accessCodes && typeof body.accessCodes === 'object' && !Array.isArray(body.accessCodes) ? (body.accessCodes as Record<string, unknown>) : {};
  return { ...body, accessCodes: { ...existing, ...codes } };
}

/** Access codes into an IE015: `<accessCode>` right after the reference's `<GRN>` (its place in the XSD). */
export function xmlWithAccessCodes(xml: string, codes: Record<string, string>): string {
  let out = xml;
  for (const [grn, code] of Object.entries(codes)) {
    const esc = grn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const withCode = new RegExp(`(<GRN>\\s*${esc}\\s*</GRN>\\s*)<accessCode>[^<]*</accessCode>`, 'g');
    const bare = new RegExp(`(<GRN>\\s*${esc}\\s*</GRN>)(?!\\s*<accessCode>)`, 'g');
    if (!new RegExp(`<GRN>\\s*${esc}\\s*</GRN>`).test(out)) throw new UsageError(`--access-code: the message has no guarantee reference ${grn}`);
    out = out.replace(withCode, `$1<accessCode>${code}</accessCode>`).replace(bare, `$1<accessCode>${code}</accessCode>`);
  }
  return out;
}

export const ACTION_COMMANDS: Command[] = [...ACTIONS.map(actionCommand), amend];
