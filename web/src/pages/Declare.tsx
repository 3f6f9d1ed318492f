// Lodging a declaration (holder): an IE015 XML file checked in the browser then sent as is, or a short
// form that becomes the ledger's JSON declaration. The form draft survives an expired session.
import { useEffect, useState } from 'react';
import { useApp } from '../app-context';
import { ErrorBox, FieldMessage, Link } from '../components/ui';
import type { FieldError } from '../lib/actions';
import { ApiError } from '../lib/api';
import { offsetLabel, offsetOfOffice } from '../lib/dates';
import { checkIe015Text, EMPTY_DECLARATION_FORM, validateDeclarationForm, type DeclarationForm } from '../lib/declaration';
import type { MessageKey } from '../lib/i18n';
import { clearDraft, loadDraft, saveDraft } from '../lib/storage';

const FIELD_OF_REJECTION: Record<string, keyof DeclarationForm> = {
  lrn: 'lrn', officeOfDeparture: 'officeOfDeparture', officeOfDestination: 'officeOfDestination', officesOfTransit: 'officeOfTransit',
  guarantees: 'grn', accessCode: 'accessCode', accessCodes: 'accessCode', grn: 'grn', consignment: 'goods',
};

export function Declare() {
  const { t, api, session } = useApp();
  const [form, setForm] = useState<DeclarationForm>(() => ({ ...EMPTY_DECLARATION_FORM, ...(loadDraft<DeclarationForm>(sessionStorage, 'declare') ?? {}) }));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [rejection, setRejection] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<FieldError | null>(null);
  const [fileRejection, setFileRejection] = useState<ApiError | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  useEffect(() => saveDraft(sessionStorage, 'declare', form), [form]);

  const sent = (mrn: string) => {
    setAccepted(mrn);
    setStage(null);
  };

  const upload = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFileRejection(null);
    setAccepted(null);
    const input = e.currentTarget.elements.namedItem('ie015') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return setFileError({ key: 'v.xmlFile' });
    setStage(t('declare.readFile', { name: file.name, size: file.size }));
    const text = await file.text();
    const bad = checkIe015Text(text, file.size);
    setFileError(bad);
    if (bad) return setStage(null);
    try {
      setStage(t('common.sending'));
      const rec = await api.write<{ mrn: string }>('/movements', { xml: text.replace(/^\ufeff/, ''), onProgress: (s) => s === 'ordering' && setStage(`${t('common.sending')}…`) });
      sent(rec.result.mrn);
      input.value = '';
    } catch (err) {
      setStage(null);
      if (err instanceof ApiError && err.code !== 'UNAUTHENTICATED') setFileRejection(err);
    }
  };

  const submitForm = async (e: React.FormEvent) => {
    e.preventDefault();
    setRejection(null);
    setAccepted(null);
    const { errors: errs, declaration } = validateDeclarationForm(form, session.traderId);
    setErrors(errs);
    if (!declaration) {
      document.getElementById(`d-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    try {
      setStage(t('common.sending'));
      const rec = await api.write<{ mrn: string }>('/movements', { json: declaration });
      clearDraft(sessionStorage, 'declare');
      sent(rec.result.mrn);
    } catch (err) {
      setStage(null);
      if (err instanceof ApiError && err.code !== 'UNAUTHENTICATED') setRejection(err);
    }
  };

  const rejField = rejection ? FIELD_OF_REJECTION[String(rejection.details.field ?? '').split(/[.[]/)[0]] : undefined;
  const field = (k: keyof DeclarationForm, label: MessageKey, opts: { type?: string; required?: boolean; hint?: string } = {}) => {
    const id = `d-${k}`;
    const err = errors[k];
    const rej = rejField === k ? rejection ?? undefined : undefined;
    return (
      <div className="field" key={k}>
        <label htmlFor={id}>
          {t(label)} <span className="muted small">({opts.required === false ? t('common.optional') : t('common.required')})</span>
          {opts.hint && <span className="muted small"> {opts.hint}</span>}
        </label>
        <input id={id} type={opts.type ?? 'text'} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} aria-invalid={!!(err || rej) || undefined} aria-describedby={err || rej ? `${id}-err` : undefined} />
        <FieldMessage id={`${id}-err`} error={err} rejection={rej} />
      </div>
    );
  };

  return (
    <section aria-labelledby="dc-h">
      <h1 id="dc-h">{t('declare.title')}</h1>
      {accepted && (
        <p className="success" role="status" data-testid="declared">
          {t('declare.accepted', { mrn: accepted })} <Link to={`/movements/${accepted}`}>{t('common.open')}</Link>
        </p>
      )}
      {stage && (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {stage}
        </p>
      )}
      <form className="card" onSubmit={upload} noValidate aria-labelledby="dx-h">
        <h2 id="dx-h">{t('declare.xml')}</h2>
        <div className="field">
          <label htmlFor="ie015">{t('declare.xmlFile')}</label>
          <input id="ie015" name="ie015" type="file" accept=".xml,application/xml,text/xml" aria-describedby={fileError || fileRejection ? 'ie015-err' : undefined} aria-invalid={!!(fileError || fileRejection) || undefined} data-testid="ie015-file" />
          <FieldMessage id="ie015-err" error={fileError ?? undefined} rejection={fileRejection ?? undefined} />
        </div>
        <button type="submit" disabled={!!stage} data-testid="upload-ie015">
          {t('common.send')}
        </button>
      </form>
      <form className="card" onSubmit={submitForm} noValidate aria-labelledby="df-h">
        <h2 id="df-h">{t('declare.form')}</h2>
        {rejection && !rejField && <ErrorBox error={rejection} />}
        <div className="grid-3">
          {field('lrn', 'declare.lrn')}
          <div className="field">
            <label htmlFor="d-declarationType">{t('declare.type')}</label>
            <select id="d-declarationType" value={form.declarationType} onChange={(e) => setForm({ ...form, declarationType: e.target.value })}>
              {['T1', 'T2', 'T', 'TIR'].map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </div>
          {field('officeOfDeparture', 'declare.departure')}
          {field('officeOfTransit', 'declare.transit', { required: false })}
          {field('transitEta', 'declare.transitEta', { type: 'datetime-local', required: false, hint: form.officeOfTransit ? offsetLabel(offsetOfOffice(form.officeOfTransit)) : undefined })}
          {field('officeOfDestination', 'declare.destination')}
          {field('grn', 'declare.grn')}
          {field('accessCode', 'declare.accessCode')}
          {field('amount', 'declare.amount')}
          {field('currency', 'declare.currency')}
          {field('goods', 'declare.goods')}
          {field('hsCode', 'declare.hs', { required: false })}
          {field('grossMassKg', 'declare.mass')}
          {field('seals', 'declare.seal', { required: false })}
          {field('vehicle', 'declare.vehicle')}
        </div>
        <button type="submit" disabled={!!stage}>
          {t('common.send')}
        </button>
      </form>
    </section>
  );
}
