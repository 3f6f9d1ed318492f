// One movement: summary, itinerary (with crossings and estimates), timeline, messages with IE numbers,
// seals, guarantee, the TAD as PDF, and the forms of the actions this user may take now. Refreshed live
// when the feed brings an event for this MRN.
import { useCallback, useEffect, useState } from 'react';
import { useApp, useLiveEvents } from '../app-context';
import { ActionForm } from '../components/ActionForm';
import { ErrorBox, Link, Loading, OfficeName, StatusBadge, When } from '../components/ui';
import { actionsFor, type ActionSpec } from '../lib/actions';
import { ApiError } from '../lib/api';
import { formatAmount } from '../lib/money';

interface Actor {
  mspId?: string;
  user?: string;
}
export interface MovementView {
  movement: {
    mrn: string;
    lrn: string;
    status: string;
    declarationType?: string;
    holderId?: string;
    officeOfDeparture: string;
    officeOfDestination: string;
    officesOfTransit: string[];
    officesOfExit: string[];
    countries: string[];
    sealsCount?: number;
    timeLimit?: string;
    transitEstimates?: Record<string, string>;
    crossings?: { office: string; at?: string; timestamp?: string; actor?: Actor }[];
    incidents?: { office: string; code: string; text?: string; at?: string }[];
    guarantees?: { grn: string; amount: string; currency: string; type: string }[];
  };
  timeline: { at: string; status?: string; event?: string; office?: string; actor?: Actor; txId?: string }[];
  messages: { message: string; event: string; transactionId: string; blockNumber: string; at?: string }[];
}

interface Details {
  declaration?: { consignment?: { transportEquipment?: { containerIdentificationNumber?: string; seals?: { identifier: string }[] }[]; consignor?: { name?: string }; consignee?: { name?: string }; houseConsignments?: { items: { descriptionOfGoods: string }[] }[] }; holder?: { name?: string } };
}

export function MovementPage({ mrn }: { mrn: string }) {
  const { t, lang, api, session, officeRoles } = useApp();
  const [view, setView] = useState<MovementView | null>(null);
  const [details, setDetails] = useState<Details | null | 'hidden'>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<ActionSpec | null>(null);
  const [tadError, setTadError] = useState<unknown>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await api.get<MovementView>(`/movements/${mrn}`));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api, mrn]);
  useEffect(() => {
    void load();
    if (session.role === 'guarantor' || session.role === 'auditor') setDetails('hidden');
    else
      api
        .get<Details>(`/movements/${mrn}/details`)
        .then(setDetails)
        .catch(() => setDetails('hidden'));
  }, [api, mrn, load, session.role]);
  useLiveEvents((e) => e.mrn === mrn, () => void load());

  const downloadTad = async (e: React.MouseEvent) => {
    e.preventDefault();
    setTadError(null);
    try {
      const res = await fetch(`/api/v1/movements/${mrn}/tad`, { headers: { authorization: `Bearer ${session.token}`, accept: 'application/pdf' } });
      if (!res.ok) {
        const b = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
        throw new ApiError(res.status, b.code ?? `HTTP_${res.status}`, b.message ?? '');
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `TAD-${mrn}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setTadError(err);
    }
  };

  if (error) return <ErrorBox error={error} />;
  if (!view) return <Loading />;
  const m = view.movement;
  const ctx = { role: session.role, offices: session.offices, movement: m, officeRoles: Object.keys(officeRoles).length ? officeRoles : undefined };
  const actions = actionsFor(ctx);
  const crossed = new Map((m.crossings ?? []).map((c) => [c.office, c]));
  const seals = details && details !== 'hidden' ? (details.declaration?.consignment?.transportEquipment ?? []).flatMap((e) => (e.seals ?? []).map((s) => s.identifier)) : [];
  const stops: { office: string; kind: string; at?: string; expected?: string }[] = [
    { office: m.officeOfDeparture, kind: 'DEP' },
    ...m.officesOfTransit.map((o) => ({ office: o, kind: 'TRA', at: crossed.get(o)?.at ?? crossed.get(o)?.timestamp, expected: m.transitEstimates?.[o] })),
    ...m.officesOfExit.map((o) => ({ office: o, kind: 'EXT', at: crossed.get(o)?.at ?? crossed.get(o)?.timestamp })),
    ...[...crossed.keys()].filter((o) => !m.officesOfTransit.includes(o) && !m.officesOfExit.includes(o)).map((o) => ({ office: o, kind: 'TRA*', at: crossed.get(o)?.at ?? crossed.get(o)?.timestamp })),
    { office: m.officeOfDestination, kind: 'DES' },
  ];

  return (
    <article aria-labelledby="mv-h">
      <h1 id="mv-h">
        {t('movement.title', { mrn: '' })}
        <span className="mono">{m.mrn}</span> <StatusBadge status={m.status} />
      </h1>
      {flash && (
        <p className="success" role="status" data-testid="flash">
          {flash}
        </p>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="sum-h">
          <h2 id="sum-h" className="sr-only">
            {t('movement.mrn')}
          </h2>
          <dl className="kv">
            <dt>{t('movement.lrn')}</dt>
            <dd className="mono">{m.lrn}</dd>
            <dt>{t('movement.type')}</dt>
            <dd>{m.declarationType}</dd>
            <dt>{t('common.holder')}</dt>
            <dd>
              <span className="mono">{m.holderId}</span>
              {details && details !== 'hidden' && details.declaration?.holder?.name && (
                <>
                  {' '}
                  <span dir="auto">{details.declaration.holder.name}</span>
                </>
              )}
            </dd>
            <dt>{t('movement.departure')}</dt>
            <dd>
              <OfficeName code={m.officeOfDeparture} />
            </dd>
            <dt>{t('movement.destination')}</dt>
            <dd>
              <OfficeName code={m.officeOfDestination} />
            </dd>
            {m.timeLimit && (
              <>
                <dt>{t('movement.timeLimit')}</dt>
                <dd>
                  <When at={m.timeLimit} office={m.officeOfDestination} />
                </dd>
              </>
            )}
          </dl>
          <p>
            <a href={`/api/v1/movements/${mrn}/tad`} onClick={downloadTad} data-testid="tad-link">
              {t('movement.tad')}
            </a>
            {['auditor', 'supervisor', 'admin'].includes(session.role) && (
              <>
                {' · '}
                <Link to={`/audit?subject=${mrn}`}>{t('movement.auditLink')}</Link>
              </>
            )}
          </p>
          <ErrorBox error={tadError} />
        </section>
        <section className="card" aria-labelledby="it-h">
          <h2 id="it-h">{t('movement.itinerary')}</h2>
          <ol className="itinerary" data-testid="itinerary">
            {stops.map((s, i) => (
              <li key={`${s.office}-${i}`} className={s.at ? 'done' : undefined}>
                <span className="kind">{s.kind}</span> <OfficeName code={s.office} />
                {s.kind.startsWith('TRA') || s.kind === 'EXT' ? (
                  <span className="small">
                    {' — '}
                    {s.at ? (
                      <span data-testid={`crossed-${s.office}`}>
                        {t('movement.crossed')} <When at={s.at} office={s.office} />
                      </span>
                    ) : (
                      <>
                        {t('movement.notCrossed')}
                        {s.expected && (
                          <>
                            {' '}
                            ({t('movement.estimated')} <When at={s.expected} office={s.office} />)
                          </>
                        )}
                      </>
                    )}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          <h3>{t('movement.seals')}</h3>
          <p>{t('movement.sealsCount', { n: m.sealsCount ?? 0 })}</p>
          {seals.length > 0 && <p className="mono">{seals.join(', ')}</p>}
          {details === 'hidden' && <p className="muted small">{t('movement.noDetails')}</p>}
          <h3>{t('movement.guarantee')}</h3>
          <ul>
            {(m.guarantees ?? []).map((g) => (
              <li key={g.grn}>
                {session.role === 'guarantor' ? <Link to={`/guarantees/${g.grn}`}>{g.grn}</Link> : <span className="mono">{g.grn}</span>} — {formatAmount(g.amount, g.currency, lang)} ({t('guarantee.type')} {g.type})
              </li>
            ))}
          </ul>
        </section>
      </div>

      {actions.length > 0 && (
        <section className="card" aria-labelledby="act-h">
          <h2 id="act-h">{t('common.actions')}</h2>
          <div className="actions">
            {actions.map((a) => (
              <button key={a.name} type="button" className={action?.name === a.name ? 'active' : a.danger ? 'danger' : 'secondary'} aria-expanded={action?.name === a.name} onClick={() => setAction(action?.name === a.name ? null : a)} data-testid={`action-${a.name}`}>
                {t(a.label)}
              </button>
            ))}
          </div>
          {action && (
            <ActionForm
              key={action.name}
              action={action}
              ctx={ctx}
              mrn={mrn}
              onDone={(block) => {
                setAction(null);
                setFlash(t('common.done', { block: block ?? '?' }));
                void load();
              }}
            />
          )}
        </section>
      )}

      <section className="card" aria-labelledby="tl-h">
        <h2 id="tl-h">{t('movement.timeline')}</h2>
        <div className="table-wrap">
          <table data-testid="timeline">
            <thead>
              <tr>
                <th scope="col">{t('common.at')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.office')}</th>
                <th scope="col">{t('common.who')}</th>
                <th scope="col">{t('common.tx')}</th>
              </tr>
            </thead>
            <tbody>
              {view.timeline.map((e, i) => (
                <tr key={`${e.txId}-${i}`}>
                  <td>
                    <When at={e.at} office={e.office ?? m.officeOfDeparture} seconds />
                  </td>
                  <td>{e.status ? <StatusBadge status={e.status} /> : e.event}</td>
                  <td>
                    <OfficeName code={e.office} />
                  </td>
                  <td>
                    {e.actor?.user}@{e.actor?.mspId}
                  </td>
                  <td className="mono small" title={e.txId}>
                    {e.txId?.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="msg-h">
        <h2 id="msg-h">{t('movement.messages')}</h2>
        <div className="table-wrap">
          <table data-testid="messages">
            <thead>
              <tr>
                <th scope="col">{t('movement.message')}</th>
                <th scope="col">{t('movement.event')}</th>
                <th scope="col">{t('common.at')}</th>
                <th scope="col">{t('common.block')}</th>
                <th scope="col">{t('common.tx')}</th>
              </tr>
            </thead>
            <tbody>
              {view.messages.map((x, i) => (
                <tr key={`${x.transactionId}-${x.message}-${i}`}>
                  <td className="mono">
                    <strong>{x.message}</strong>
                  </td>
                  <td>{x.event}</td>
                  <td>
                    <When at={x.at} office={m.officeOfDeparture} seconds />
                  </td>
                  <td className="mono">{x.blockNumber}</td>
                  <td className="mono small" title={x.transactionId}>
                    {x.transactionId.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {(m.incidents ?? []).length > 0 && (
        <section className="card">
          <h2>{t('movement.incidents')}</h2>
          <ul>
            {(m.incidents ?? []).map((x, i) => (
              <li key={i}>
                <OfficeName code={x.office} /> — <span className="mono">{x.code}</span> <span dir="auto">{x.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
