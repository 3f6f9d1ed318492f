// The officer's worklist: expected, at the border, arrived, overdue — each a server-side filter of the
// index, paged by cursor, refreshed live when the feed brings an event for a movement on the page or of
// the officer's country.
import { useEffect, useRef, useState } from 'react';
import { useApp, useLiveEvents } from '../app-context';
import { ErrorBox, Link, Loading, OfficeName, Pager, StatusBadge, When } from '../components/ui';
import { usePaged } from '../components/use-paged';
import type { MessageKey } from '../lib/i18n';
import { WORKLIST_VIEWS, worklistQuery, type WorklistView } from '../lib/worklist';

export interface MovementRow {
  mrn: string;
  lrn?: string;
  status: string;
  holder?: string;
  offices: string[];
  countries: string[];
  grns: string[];
  updatedAt: string;
  lastEvent: string;
}

export function MovementTable({ items, caption, tzOffice }: { items: MovementRow[]; caption: string; tzOffice?: string | null }) {
  const { t } = useApp();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('movement.mrn')}</th>
            <th scope="col">{t('movement.lrn')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('common.holder')}</th>
            <th scope="col">{t('movement.itinerary')}</th>
            <th scope="col">{t('common.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.mrn} data-mrn={m.mrn}>
              <td>
                <Link to={`/movements/${m.mrn}`} className="mono">
                  {m.mrn}
                </Link>
              </td>
              <td className="mono">{m.lrn}</td>
              <td>
                <StatusBadge status={m.status} />
              </td>
              <td className="mono">{m.holder}</td>
              <td className="mono small">{m.offices.join(' → ')}</td>
              <td>
                <When at={m.updatedAt} office={tzOffice ?? m.offices[0]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Worklist() {
  const { t, session, api, officeRoles } = useApp();
  const initial = new URLSearchParams(window.location.search);
  const [view, setView] = useState<WorklistView>((WORKLIST_VIEWS as readonly string[]).includes(initial.get('view') ?? '') ? (initial.get('view') as WorklistView) : 'expected');
  const [office, setOffice] = useState(initial.get('office') ?? '');
  const [limitSeconds, setLimitSeconds] = useState(8 * 86400);
  const borderOffices = session.offices.filter((o) => (officeRoles[o] ?? []).some((r) => r === 'TRA' || r === 'EXT'));
  const now = useRef(Date.now());
  useEffect(() => {
    api
      .get<{ arrivalTimeLimitSeconds?: string }>('/parameters')
      .then((p) => p.arrivalTimeLimitSeconds && setLimitSeconds(Number(p.arrivalTimeLimitSeconds)))
      .catch(() => undefined);
  }, [api]);
  useEffect(() => {
    const q = new URLSearchParams({ view, ...(office ? { office } : {}) });
    window.history.replaceState(null, '', `/worklist?${q}`);
  }, [view, office]);

  const input = { view, office, country: session.country, borderOffices, arrivalTimeLimitSeconds: limitSeconds, now: now.current, limit: 25 };
  const key = `${view}|${office}|${limitSeconds}|${borderOffices.join(',')}`;
  const list = usePaged<MovementRow>((cursor) => `/movements?${worklistQuery({ ...input, cursor })}`, key);

  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveEvents(
    (e) => !!e.mrn && (list.data?.items.some((m) => m.mrn === e.mrn) || (Array.isArray(e.payload.countries) ? (e.payload.countries as string[]).includes(session.country ?? '') : true)),
    () => {
      clearTimeout(pending.current);
      pending.current = setTimeout(() => void list.reload(), 150);
    },
  );

  const tabs: WorklistView[] = [...WORKLIST_VIEWS];
  const shownOffice = view === 'border' && (!office || !borderOffices.includes(office)) ? (borderOffices[0] ?? office) : office;
  return (
    <section aria-labelledby="wl-title">
      <h1 id="wl-title">{t('worklist.title')}</h1>
      <div className="toolbar">
        <div role="group" aria-label={t('worklist.tabs')} className="tabs">
          {tabs.map((v) => (
            <button key={v} type="button" className={v === view ? 'tab active' : 'tab'} aria-pressed={v === view} onClick={() => setView(v)} data-testid={`tab-${v}`}>
              {t(`worklist.${v}` as MessageKey)}
            </button>
          ))}
        </div>
        <label>
          <span>{t('common.office')}</span>
          <select value={shownOffice} onChange={(e) => setOffice(e.target.value)} data-testid="wl-office">
            {view !== 'border' && <option value="">{t('common.allMine')}</option>}
            {(view === 'border' ? borderOffices : session.offices).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => void list.reload()}>
          {t('common.refresh')}
        </button>
      </div>
      <p className="muted">{t(`worklist.${view}.help` as MessageKey, { days: Math.round(limitSeconds / 86400) })}</p>
      {shownOffice && (
        <p>
          <OfficeName code={shownOffice} />
        </p>
      )}
      <ErrorBox error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (list.data.items.length ? <MovementTable items={list.data.items as MovementRow[]} caption={t(`worklist.${view}` as MessageKey)} tzOffice={shownOffice || session.offices[0]} /> : <p>{t('common.none')}</p>)}
      <Pager page={list.page} hasNext={list.hasNext} busy={list.busy} ms={list.ms} onFirst={list.first} onPrev={list.prev} onNext={list.next} />
    </section>
  );
}
