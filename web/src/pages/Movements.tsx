// All the movements the caller may see (a holder its own), filtered and paged on the server.
import { useState } from 'react';
import { useApp, useLiveEvents } from '../app-context';
import { ErrorBox, Loading, Pager } from '../components/ui';
import { usePaged } from '../components/use-paged';
import { ALL_STATUSES, statusName } from '../lib/i18n';
import { movementQuery, type MovementFilter } from '../lib/worklist';
import { isValidCountryCode, isValidOfficeCode, isValidTraderId } from '../../../chaincode/src/domain/identifiers';
import { MovementTable, type MovementRow } from './Worklist';

export function Movements() {
  const { t, lang, session } = useApp();
  const [draft, setDraft] = useState<MovementFilter>({ status: '', office: '', country: '', holder: '' });
  const [filter, setFilter] = useState<MovementFilter>(draft);
  const [errors, setErrors] = useState<Partial<Record<keyof MovementFilter, string>>>({});
  const list = usePaged<MovementRow>((cursor) => `/movements?${movementQuery(filter, 25, cursor)}`, JSON.stringify(filter));
  useLiveEvents((e) => !!e.mrn, () => void list.reload());

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const er: typeof errors = {};
    if (draft.office && !isValidOfficeCode(draft.office.trim().toUpperCase())) er.office = t('v.office');
    if (draft.country && !isValidCountryCode(draft.country.trim().toUpperCase())) er.country = t('v.country');
    if (draft.holder && !isValidTraderId(draft.holder.trim().toUpperCase())) er.holder = t('v.required');
    setErrors(er);
    if (!Object.keys(er).length) setFilter({ ...draft });
  };
  const input = (k: keyof MovementFilter, label: string, hidden = false) =>
    hidden ? null : (
      <div className="field inline">
        <label htmlFor={`f-${k}`}>{label}</label>
        <input id={`f-${k}`} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} aria-invalid={!!errors[k] || undefined} aria-describedby={errors[k] ? `f-${k}-err` : undefined} />
        {errors[k] && (
          <p className="field-error" id={`f-${k}-err`}>
            {errors[k]}
          </p>
        )}
      </div>
    );

  return (
    <section aria-labelledby="mv-title">
      <h1 id="mv-title">{session.role === 'trader' ? t('movements.mine') : t('movements.title')}</h1>
      <form className="toolbar" onSubmit={apply} noValidate>
        <div className="field inline">
          <label htmlFor="f-status">{t('common.status')}</label>
          <select id="f-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {ALL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusName(lang, s)}
              </option>
            ))}
          </select>
        </div>
        {input('office', t('common.office'))}
        {input('country', t('common.country'))}
        {input('holder', t('common.holder'), session.role === 'trader')}
        <button type="submit">{t('common.filter')}</button>
      </form>
      <ErrorBox error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (list.data.items.length ? <MovementTable items={list.data.items} caption={t('movements.title')} /> : <p>{t('common.none')}</p>)}
      <Pager page={list.page} hasNext={list.hasNext} busy={list.busy} ms={list.ms} onFirst={list.first} onPrev={list.prev} onNext={list.next} />
    </section>
  );
}
