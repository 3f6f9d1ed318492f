// One form per movement action: its fields, who may see it in which status, and the checks made in the
// browser before anything is sent (formats the API would refuse, and the officer's own offices). Business
// rules stay with the ledger; its coded answer is shown next to the field it names (details.field).
import { CONTROL_RESULT_CODES, type Role } from '../../../chaincode/src/domain/roles';
import { isValidCountryCode, isValidOfficeCode } from '../../../chaincode/src/domain/identifiers';
import type { MessageKey } from './i18n';
import { localInputToIso } from './dates';

export type FieldKind = 'office' | 'text' | 'textarea' | 'bool' | 'select' | 'datetime';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  label: MessageKey;
  required?: boolean | ((ctx: ActionContext) => boolean);
  max?: number;
  pattern?: { re: RegExp; message: MessageKey };
  options?: { value: string; label: MessageKey | string }[];
  /** office fields: the office roles that fit (the select offers those of the user's offices first) */
  officeRoles?: string[];
}

export interface ActionSpec {
  name: string;
  label: MessageKey;
  statuses: string[];
  roles: Role[];
  fields: FieldSpec[];
  /** which of the movement's offices is the natural one */
  officeOf: 'departure' | 'destination' | 'border';
  danger?: boolean;
}

export interface MovementLike {
  status: string;
  officeOfDeparture?: string;
  officeOfDestination?: string;
  officesOfTransit?: string[];
  officesOfExit?: string[];
  countries?: string[];
  sealsCount?: number;
  crossings?: { office: string }[];
}

export interface ActionContext {
  role: Role;
  offices: string[];
  movement: MovementLike;
  /** office code → its roles (DEP, DES, TRA, EXT), when the registry was read */
  officeRoles?: Record<string, string[]>;
}

const office = (roles: string[]): FieldSpec => ({ name: 'office', kind: 'office', label: 'field.office', required: true, officeRoles: roles });
const text = (name: string, label: MessageKey, required = false, max = 512): FieldSpec => ({ name, kind: 'textarea', label, required, max });
const bool = (name: string, label: MessageKey, required: FieldSpec['required'] = false): FieldSpec => ({ name, kind: 'bool', label, required });
const CUSTOMS: Role[] = ['officer', 'supervisor'];
const DEP = ['DEP'];
const DES = ['DES'];
const BORDER = ['TRA', 'EXT'];
const sealsDeclared = (c: ActionContext) => (c.movement.sealsCount ?? 0) > 0;

export const ACTIONS: ActionSpec[] = [
  { name: 'release', label: 'action.release', statuses: ['ACCEPTED', 'UNDER_CONTROL'], roles: CUSTOMS, officeOf: 'departure', fields: [office(DEP), { name: 'timeLimit', kind: 'datetime', label: 'field.timeLimit' }] },
  {
    name: 'refuse', label: 'action.refuse', statuses: ['ACCEPTED', 'UNDER_CONTROL', 'GUARANTEE_INVALID'], roles: CUSTOMS, officeOf: 'departure', danger: true,
    fields: [office(DEP), text('reason', 'field.reason', true), { name: 'motivationCode', kind: 'text', label: 'field.motivationCode', max: 2, pattern: { re: /^[0-9]{2}$/, message: 'v.incidentCode' } }],
  },
  { name: 'control', label: 'action.control', statuses: ['ACCEPTED'], roles: CUSTOMS, officeOf: 'departure', fields: [office(DEP), text('requestedDocuments', 'field.requestedDocuments')] },
  { name: 'cross', label: 'action.cross', statuses: ['RELEASED'], roles: CUSTOMS, officeOf: 'border', fields: [office(BORDER)] },
  {
    name: 'incident', label: 'action.incident', statuses: ['RELEASED'], roles: CUSTOMS, officeOf: 'border',
    fields: [office(['DEP', 'DES', 'TRA', 'EXT']), { name: 'code', kind: 'text', label: 'field.code', required: true, max: 2, pattern: { re: /^[0-9A-Z]{1,2}$/, message: 'v.incidentCode' } }, text('text', 'field.text')],
  },
  { name: 'arrival', label: 'action.arrival', statuses: ['RELEASED'], roles: CUSTOMS, officeOf: 'destination', fields: [office(DES), bool('sealsOk', 'field.sealsOk', sealsDeclared), bool('simplified', 'field.simplified')] },
  { name: 'unloading-permission', label: 'action.unloading-permission', statuses: ['ARRIVED'], roles: CUSTOMS, officeOf: 'destination', fields: [office(DES)] },
  {
    name: 'unloading-remarks', label: 'action.unloading-remarks', statuses: ['UNLOADING'], roles: CUSTOMS, officeOf: 'destination',
    fields: [office(DES), bool('conform', 'field.conform', true), bool('sealsOk', 'field.sealsOk', sealsDeclared), text('remarks', 'field.remarks')],
  },
  {
    name: 'control-results', label: 'action.control-results', statuses: ['ARRIVED', 'UNLOADING'], roles: CUSTOMS, officeOf: 'destination',
    fields: [office(DES), { name: 'code', kind: 'select', label: 'field.code', required: true, options: CONTROL_RESULT_CODES.map((c) => ({ value: c, label: `control.${c}` as MessageKey })) }, text('remarks', 'field.remarks')],
  },
  { name: 'discrepancies', label: 'action.discrepancies', statuses: ['CONTROLLED'], roles: CUSTOMS, officeOf: 'departure', fields: [office(['DEP', 'DES']), text('description', 'field.description', true)] },
  { name: 'discrepancies-resolved', label: 'action.discrepancies-resolved', statuses: ['DISCREPANCIES'], roles: CUSTOMS, officeOf: 'departure', fields: [office(['DEP', 'DES']), text('resolution', 'field.resolution', true)] },
  { name: 'write-off', label: 'action.write-off', statuses: ['CONTROLLED', 'ENQUIRY', 'RECOVERED'], roles: CUSTOMS, officeOf: 'departure', fields: [office(DEP)] },
  { name: 'enquiry', label: 'action.enquiry', statuses: ['RELEASED', 'ARRIVED'], roles: CUSTOMS, officeOf: 'departure', fields: [office(DEP)] },
  { name: 'enquiry-answer', label: 'action.enquiry-answer', statuses: ['ENQUIRY'], roles: [...CUSTOMS, 'trader'], officeOf: 'destination', fields: [bool('proofFound', 'field.proofFound', true), text('text', 'field.text')] },
  {
    name: 'recovery', label: 'action.recovery', statuses: ['ENQUIRY', 'DISCREPANCIES'], roles: CUSTOMS, officeOf: 'departure', danger: true,
    fields: [office(DEP), { name: 'country', kind: 'text', label: 'field.country', max: 2, pattern: { re: /^[A-Z]{2}$/, message: 'v.country' } }, text('reason', 'field.reason')],
  },
  {
    name: 'recovered', label: 'action.recovered', statuses: ['RECOVERY'], roles: CUSTOMS, officeOf: 'departure',
    fields: [office(DEP), { name: 'settledBy', kind: 'select', label: 'field.settledBy', required: true, options: [{ value: 'HOLDER', label: 'settledBy.HOLDER' }, { value: 'GUARANTOR', label: 'settledBy.GUARANTOR' }] }],
  },
];

export function actionSpec(name: string): ActionSpec | undefined {
  return ACTIONS.find((a) => a.name === name);
}

/** The actions this user may take on the movement now (the ledger checks again). */
export function actionsFor(ctx: ActionContext): ActionSpec[] {
  return ACTIONS.filter((a) => a.roles.includes(ctx.role) && a.statuses.includes(ctx.movement.status) && (ctx.role === 'trader' || officeChoices(a, ctx).length > 0 || !a.fields.some((f) => f.kind === 'office')));
}

function isMine(ctx: ActionContext, code: string | undefined): code is string {
  return !!code && ctx.offices.includes(code);
}

/** The offices the form offers: the user's offices that have a fitting role (all of them if roles are unknown). */
export function officeChoices(a: ActionSpec, ctx: ActionContext): string[] {
  const f = a.fields.find((x) => x.kind === 'office');
  if (!f) return [];
  const roles = f.officeRoles ?? [];
  if (!ctx.officeRoles) return [...ctx.offices];
  return ctx.offices.filter((o) => (ctx.officeRoles![o] ?? []).some((r) => roles.includes(r)));
}

/** The office to preselect: the movement's own office of the right kind when it is one of the user's. */
export function defaultOffice(a: ActionSpec, ctx: ActionContext): string {
  const m = ctx.movement;
  const choices = officeChoices(a, ctx);
  const pick = (c: string | undefined) => (isMine(ctx, c) && (choices.length === 0 || choices.includes(c)) ? c : undefined);
  if (a.officeOf === 'departure') return pick(m.officeOfDeparture) ?? choices[0] ?? '';
  if (a.officeOf === 'destination') return pick(m.officeOfDestination) ?? choices[0] ?? '';
  const crossed = new Set((m.crossings ?? []).map((c) => c.office));
  const border = [...(m.officesOfTransit ?? []), ...(m.officesOfExit ?? [])].filter((o) => !crossed.has(o));
  return border.map(pick).find(Boolean) ?? choices.find((c) => !crossed.has(c)) ?? choices[0] ?? '';
}

export interface FieldError {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export type FormValues = Record<string, string>;

function requiredOf(f: FieldSpec, ctx: ActionContext): boolean {
  return typeof f.required === 'function' ? f.required(ctx) : !!f.required;
}

/**
 * Checks the form; returns the errors per field (empty when it may be sent) and the JSON body to send.
 * `now` is for the date checks (tests pass it).
 */
export function validateAction(a: ActionSpec, values: FormValues, ctx: ActionContext, now = Date.now()): { errors: Record<string, FieldError>; body: Record<string, unknown> } {
  const errors: Record<string, FieldError> = {};
  const body: Record<string, unknown> = {};
  for (const f of a.fields) {
    const raw = (values[f.name] ?? '').trim();
    if (raw === '') {
      if (requiredOf(f, ctx)) errors[f.name] = { key: f.kind === 'bool' || f.kind === 'select' ? 'v.choice' : 'v.required' };
      continue;
    }
    if (f.max !== undefined && raw.length > f.max) {
      errors[f.name] = { key: 'v.maxLength', vars: { n: f.max } };
      continue;
    }
    switch (f.kind) {
      case 'office': {
        const code = raw.toUpperCase();
        if (!isValidOfficeCode(code)) errors[f.name] = { key: 'v.office' };
        else if (ctx.role !== 'trader' && !ctx.offices.includes(code)) errors[f.name] = { key: 'v.notMyOffice', vars: { offices: ctx.offices.join(', ') } };
        else body[f.name] = code;
        break;
      }
      case 'bool':
        if (raw !== 'true' && raw !== 'false') errors[f.name] = { key: 'v.choice' };
        else body[f.name] = raw === 'true';
        break;
      case 'select':
        if (!f.options?.some((o) => o.value === raw)) errors[f.name] = { key: 'v.choice' };
        else body[f.name] = raw;
        break;
      case 'datetime': {
        const iso = localInputToIso(raw, a.officeOf === 'departure' ? ctx.movement.officeOfDeparture : ctx.movement.officeOfDestination);
        if (!iso || Date.parse(iso) <= now) errors[f.name] = { key: 'v.dateTime' };
        else body[f.name] = iso;
        break;
      }
      default: {
        const v = f.pattern ? raw.toUpperCase() : raw;
        if (f.pattern && !f.pattern.re.test(v)) errors[f.name] = { key: f.pattern.message };
        else if (f.name === 'country' && !(isValidCountryCode(v) && (ctx.movement.countries ?? [v]).includes(v))) errors[f.name] = { key: 'v.country' };
        else body[f.name] = v;
      }
    }
  }
  return { errors, body };
}

/** Which form field a ledger rejection concerns (details.field, e.g. `office` or `officesOfTransit[0]…`). */
export function fieldOfRejection(a: ActionSpec | undefined, details: unknown): string | undefined {
  const field = (details as { field?: unknown } | null)?.field;
  if (typeof field !== 'string') return undefined;
  const root = field.split(/[.[]/)[0];
  if (!a) return root;
  return a.fields.some((f) => f.name === root) ? root : undefined;
}
