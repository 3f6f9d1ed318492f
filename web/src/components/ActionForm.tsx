// One action's form: its fields, the draft kept in sessionStorage (an expired session loses nothing), the
// browser's checks before sending, progress while the ledger orders the transaction, and a refusal shown
// as its code and meaning next to the field it concerns.
import { useEffect, useState, type ReactElement } from 'react';
import { useApp } from '../app-context';
import { defaultOffice, fieldOfRejection, officeChoices, validateAction, type ActionContext, type ActionSpec, type FieldError, type FormValues } from '../lib/actions';
import { ApiError } from '../lib/api';
import { offsetLabel, offsetOfOffice } from '../lib/dates';
import type { MessageKey } from '../lib/i18n';
import { clearDraft, loadDraft, saveDraft } from '../lib/storage';
import { ErrorBox, FieldMessage } from './ui';

export function ActionForm({ action, ctx, mrn, onDone }: { action: ActionSpec; ctx: ActionContext; mrn: string; onDone: (block?: string) => void }) {
  const { t, api } = useApp();
  const draftKey = `action:${mrn}:${action.name}`;
  const [values, setValues] = useState<FormValues>(() => {
    const d = loadDraft<FormValues>(sessionStorage, draftKey);
    const init: FormValues = {};
    for (const f of action.fields) init[f.name] = f.kind === 'office' ? defaultOffice(action, ctx) : '';
    return { ...init, ...(d ?? {}) };
  });
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [rejection, setRejection] = useState<ApiError | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  useEffect(() => saveDraft(sessionStorage, draftKey, values), [draftKey, values]);

  const rejectedField = rejection ? fieldOfRejection(action, rejection.details) : undefined;
  const set = (name: string, v: string) => {
    setValues((x) => ({ ...x, [name]: v }));
    if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined as unknown as FieldError }));
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const { errors: errs, body } = validateAction(action, values, ctx);
    const clean = Object.fromEntries(Object.entries(errs).filter(([, v]) => v));
    setErrors(clean);
    setRejection(null);
    if (Object.keys(clean).length) {
      document.getElementById(`af-${action.name}-${Object.keys(clean)[0]}`)?.focus();
      return;
    }
    try {
      setStage(t('common.sending'));
      const rec = await api.write(`/movements/${mrn}/${action.name}`, { json: body, onProgress: (s, tx) => setStage(s === 'ordering' ? `${t('common.sending')} (${tx?.transactionId.slice(0, 12)}…)` : t('common.sending')) });
      clearDraft(sessionStorage, draftKey);
      onDone(rec.blockNumber);
    } catch (err) {
      const a = err instanceof ApiError ? err : new ApiError(0, 'INTERNAL', String(err));
      if (a.code !== 'UNAUTHENTICATED') setRejection(a);
    } finally {
      setStage(null);
    }
  };

  const choices = officeChoices(action, ctx);
  return (
    <form className="action-form" onSubmit={submit} noValidate aria-labelledby={`af-${action.name}-h`} data-testid={`form-${action.name}`}>
      <h3 id={`af-${action.name}-h`}>{t(action.label)}</h3>
      {rejection && !rejectedField && <ErrorBox error={rejection} id={`af-${action.name}-rej`} />}
      {action.fields.map((f) => {
        const id = `af-${action.name}-${f.name}`;
        const err = errors[f.name];
        const rej = rejectedField === f.name ? rejection ?? undefined : undefined;
        const describedBy = err || rej ? `${id}-err` : undefined;
        const req = typeof f.required === 'function' ? f.required(ctx) : !!f.required;
        const common = { id, name: f.name, 'aria-invalid': !!(err || rej) || undefined, 'aria-describedby': describedBy, 'aria-required': req || undefined };
        let control: ReactElement;
        if (f.kind === 'office') {
          const opts = choices.includes(values[f.name]) || !values[f.name] ? choices : [values[f.name], ...choices];
          control = (
            <select {...common} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)}>
              <option value="">—</option>
              {opts.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          );
        } else if (f.kind === 'bool') {
          control = (
            <select {...common} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)}>
              <option value="">—</option>
              <option value="true">{t('common.yes')}</option>
              <option value="false">{t('common.no')}</option>
            </select>
          );
        } else if (f.kind === 'select') {
          control = (
            <select {...common} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)}>
              <option value="">—</option>
              {f.options!.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label.includes('.') ? t(o.label as MessageKey) : o.label}
                </option>
              ))}
            </select>
          );
        } else if (f.kind === 'textarea') {
          control = <textarea {...common} rows={2} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} />;
        } else if (f.kind === 'datetime') {
          control = <input {...common} type="datetime-local" value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} />;
        } else {
          control = <input {...common} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} />;
        }
        return (
          <div className="field" key={f.name}>
            <label htmlFor={id}>
              {t(f.label)} <span className="muted small">({req ? t('common.required') : t('common.optional')})</span>
              {f.kind === 'datetime' && <span className="muted small"> {offsetLabel(offsetOfOffice(values.office || ctx.movement.officeOfDeparture))}</span>}
            </label>
            {control}
            <FieldMessage id={`${id}-err`} error={err} rejection={rej} />
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" disabled={!!stage} className={action.danger ? 'danger' : undefined} data-testid={`submit-${action.name}`}>
          {t('common.send')}
        </button>
        {stage && (
          <span role="status" className="progress">
            <span className="spinner" aria-hidden="true" /> {stage}
          </span>
        )}
      </div>
    </form>
  );
}
