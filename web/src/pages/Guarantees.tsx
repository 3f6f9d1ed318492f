// The guarantor's view: its guarantees (found in the event feed, since the API has no list of guarantees)
// with amount, reserved and available; one guarantee's reservations per movement, claims with their split
// between the fronting insurer and reinsurers, and the notifications (enquiry, recovery, claims,
// reservations made and credited back) — all refreshed live from the feed.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApp, useLiveEvents, type FeedEvent } from '../app-context';
import { ErrorBox, Link, Loading, When } from '../components/ui';
import { ApiError } from '../lib/api';
import { formatAmount, share } from '../lib/money';
import type { MessageKey } from '../lib/i18n';
import { isValidGrn } from '../../../chaincode/src/domain/identifiers';

interface Balance {
  grn: string;
  referenceAmount: string;
  reserved: string;
  available: string;
  currency: string;
  status: string;
  reservations: { mrn: string; amount: string; reservedAt?: string; status: string; releasedAt?: string }[];
}
interface SharePart {
  party: string;
  bp: number;
  amount: string;
}
interface Claim {
  mrn: string;
  amount: string;
  currency: string;
  country: string;
  status: string;
  raisedAt: string;
  dueBy: string;
  split?: { fronting: SharePart[]; reinsurance: SharePart[] };
}

const NOTIFY = ['EnquiryOpened', 'RecoveryStarted', 'ClaimRaised', 'ClaimPaid', 'MovementDeclared', 'MovementWrittenOff'];
const grnsOf = (e: FeedEvent): string[] => [...(e.grn ? [e.grn] : []), ...(Array.isArray(e.payload.grns) ? (e.payload.grns as string[]) : []), ...(typeof e.payload.grn === 'string' ? [e.payload.grn] : [])];

export function Notifications({ events, grn }: { events: FeedEvent[]; grn?: string }) {
  const { t } = useApp();
  const shown = events.filter((e) => NOTIFY.includes(e.name) && (!grn || grnsOf(e).includes(grn))).slice(0, 30);
  return (
    <section className="card" aria-labelledby="nt-h">
      <h2 id="nt-h">{t('guarantee.notifications')}</h2>
      {shown.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul className="notifications" aria-live="polite" data-testid="notifications">
          {shown.map((e) => (
            <li key={e.id} className={`note note-${e.name}`}>
              <When at={String(e.payload.timestamp ?? '')} office={String(e.payload.office ?? '')} />{' '}
              {t(`guarantee.notify.${e.name}` as MessageKey, { mrn: e.mrn ?? String(e.payload.mrn ?? '') })}{' '}
              {e.mrn && <Link to={`/movements/${e.mrn}`}>{e.mrn}</Link>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Guarantees() {
  const { t, lang, api, navigate, recentEvents } = useApp();
  const [grns, setGrns] = useState<string[] | null>(null);
  const [history, setHistory] = useState<FeedEvent[]>([]);
  const [progress, setProgress] = useState(0);
  const [balances, setBalances] = useState<Record<string, Balance | ApiError>>({});
  const [open, setOpen] = useState('');
  const [openErr, setOpenErr] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const loadBalance = useCallback(
    (grn: string) =>
      api
        .request<Balance>('POST', `/guarantees/${grn}/balance`, { json: {} })
        .then((b) => setBalances((x) => ({ ...x, [grn]: b })))
        .catch((e) => setBalances((x) => ({ ...x, [grn]: e as ApiError }))),
    [api],
  );

  useEffect(() => {
    let stop = false;
    (async () => {
      const found = new Set<string>();
      const seen: FeedEvent[] = [];
      let after: string | undefined;
      try {
        for (let page = 1; page <= 40 && !stop; page++) {
          const p = await api.get<{ items: FeedEvent[]; nextCursor: string | null }>(`/events?limit=500${after ? `&after=${after}` : ''}`);
          for (const e of p.items) {
            if (e.name === 'GuaranteeIssued') grnsOf(e).forEach((g) => found.add(g));
            if (NOTIFY.includes(e.name)) seen.push(e);
          }
          setProgress(page);
          if (!p.nextCursor || p.items.length < 500) break;
          after = p.nextCursor;
        }
      } catch (e) {
        setError(e);
      }
      if (stop) return;
      const list = [...found].sort();
      setGrns(list);
      setHistory(seen.reverse());
      list.forEach((g) => void loadBalance(g));
    })();
    return () => {
      stop = true;
    };
  }, [api, loadBalance]);

  useLiveEvents(
    (e) => grnsOf(e).length > 0,
    (events) => {
      const touched = new Set(events.flatMap(grnsOf));
      for (const e of events) if (e.name === 'GuaranteeIssued') setGrns((g) => [...new Set([...(g ?? []), ...grnsOf(e)])].sort());
      touched.forEach((g) => void loadBalance(g));
    },
  );

  const events = useMemo(() => {
    const ids = new Set<string>();
    return [...recentEvents, ...history].filter((e) => (ids.has(e.id) ? false : (ids.add(e.id), true)));
  }, [recentEvents, history]);

  return (
    <section aria-labelledby="g-h">
      <h1 id="g-h">{t('guarantee.list')}</h1>
      <form
        className="toolbar"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const g = open.trim().toUpperCase();
          if (!isValidGrn(g)) return setOpenErr(t('v.grn'));
          navigate(`/guarantees/${g}`);
        }}
      >
        <div className="field inline">
          <label htmlFor="g-open">{t('guarantee.open')}</label>
          <input id="g-open" value={open} onChange={(e) => setOpen(e.target.value)} aria-invalid={!!openErr || undefined} aria-describedby={openErr ? 'g-open-err' : undefined} />
          {openErr && (
            <p className="field-error" id="g-open-err">
              {openErr}
            </p>
          )}
        </div>
        <button type="submit">{t('common.open')}</button>
      </form>
      <ErrorBox error={error} />
      {!grns && (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('common.loading')} {progress > 0 && `(${t('common.page', { n: progress })})`}
        </p>
      )}
      {grns && (
        <div className="table-wrap">
          <table data-testid="guarantees">
            <caption className="sr-only">{t('guarantee.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guarantee.grn')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col" className="num">{t('guarantee.amount')}</th>
                <th scope="col" className="num">{t('guarantee.reserved')}</th>
                <th scope="col" className="num">{t('guarantee.available')}</th>
                <th scope="col">{t('guarantee.reservations')}</th>
              </tr>
            </thead>
            <tbody>
              {grns.map((g) => {
                const b = balances[g];
                const ok = b && !(b instanceof ApiError) ? b : null;
                return (
                  <tr key={g} data-grn={g}>
                    <td>
                      <Link to={`/guarantees/${g}`} className="mono">
                        {g}
                      </Link>
                    </td>
                    <td>{ok?.status ?? (b instanceof ApiError ? b.code : '…')}</td>
                    <td className="num">{ok && formatAmount(ok.referenceAmount, ok.currency, lang)}</td>
                    <td className="num" data-testid={`reserved-${g}`}>{ok && formatAmount(ok.reserved, ok.currency, lang)}</td>
                    <td className="num">{ok && formatAmount(ok.available, ok.currency, lang)}</td>
                    <td>{ok && ok.reservations.filter((r) => r.status === 'ACTIVE').length}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Notifications events={events} />
    </section>
  );
}

export function GuaranteePage({ grn }: { grn: string }) {
  const { t, lang, api, recentEvents } = useApp();
  const [g, setG] = useState<Record<string, unknown> | null>(null);
  const [b, setB] = useState<Balance | null>(null);
  const [claims, setClaims] = useState<Claim[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [history, setHistory] = useState<FeedEvent[]>([]);

  const load = useCallback(async () => {
    try {
      const [gg, bb] = await Promise.all([api.get<Record<string, unknown>>(`/guarantees/${grn}`), api.request<Balance>('POST', `/guarantees/${grn}/balance`, { json: {} })]);
      setG(gg);
      setB(bb);
      setError(null);
      setClaims(await api.get<Claim[]>(`/guarantees/${grn}/claims`).catch(() => []));
    } catch (e) {
      setError(e);
    }
  }, [api, grn]);
  useEffect(() => {
    void load();
    api
      .get<{ events: FeedEvent[] }>(`/audit/guarantees/${grn}`)
      .then((a) => setHistory(a.events.slice().reverse()))
      .catch(() => undefined);
  }, [load, api, grn]);
  useLiveEvents((e) => grnsOf(e).includes(grn), () => void load());

  if (error) return <ErrorBox error={error} />;
  if (!b || !g) return <Loading />;
  const ref = g.referenceAmount as { amount: string; currency: string } | undefined;
  const pct = share(b.reserved, b.referenceAmount);
  return (
    <article aria-labelledby="gp-h">
      <h1 id="gp-h">
        {t('guarantee.title', { grn: '' })}
        <span className="mono">{grn}</span>
      </h1>
      <div className="grid-2">
        <section className="card">
          <dl className="kv">
            <dt>{t('common.status')}</dt>
            <dd>{b.status}</dd>
            <dt>{t('guarantee.type')}</dt>
            <dd>{String(g.type ?? '')}</dd>
            <dt>{t('common.holder')}</dt>
            <dd className="mono">{String(g.holderId ?? '')}</dd>
            <dt>{t('guarantee.countries')}</dt>
            <dd>{((g.countries as string[]) ?? []).join(', ')}</dd>
            <dt>{t('guarantee.validity')}</dt>
            <dd>
              {String(g.validFrom ?? '')} – {String(g.validTo ?? '')}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="bal-h">
          <h2 id="bal-h">{t('guarantee.amount')}</h2>
          <dl className="kv big">
            <dt>{t('guarantee.amount')}</dt>
            <dd>{formatAmount(ref?.amount ?? b.referenceAmount, b.currency, lang)}</dd>
            <dt>{t('guarantee.reserved')}</dt>
            <dd data-testid="g-reserved">{formatAmount(b.reserved, b.currency, lang)}</dd>
            <dt>{t('guarantee.available')}</dt>
            <dd data-testid="g-available">{formatAmount(b.available, b.currency, lang)}</dd>
          </dl>
          <div className="bar" role="img" aria-label={`${t('guarantee.reserved')} ${pct}%`}>
            <span style={{ width: `${Math.min(100, pct)}%` }} />
          </div>
        </section>
      </div>
      <section className="card" aria-labelledby="res-h">
        <h2 id="res-h">{t('guarantee.reservations')}</h2>
        <div className="table-wrap">
          <table data-testid="reservations">
            <thead>
              <tr>
                <th scope="col">{t('movement.mrn')}</th>
                <th scope="col" className="num">{t('guarantee.reserved')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.at')}</th>
              </tr>
            </thead>
            <tbody>
              {b.reservations.map((r) => (
                <tr key={r.mrn} data-mrn={r.mrn} data-status={r.status}>
                  <td>
                    <Link to={`/movements/${r.mrn}`} className="mono">
                      {r.mrn}
                    </Link>
                  </td>
                  <td className="num">{formatAmount(r.amount, b.currency, lang)}</td>
                  <td>{t(`guarantee.reservationStatus.${r.status}` as MessageKey)}</td>
                  <td>
                    <When at={r.releasedAt ?? r.reservedAt} office={r.mrn.slice(2, 4)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="cl-h">
        <h2 id="cl-h">{t('guarantee.claims')}</h2>
        {!claims?.length ? (
          <p>{t('guarantee.noClaims')}</p>
        ) : (
          claims.map((c) => (
            <div key={c.mrn} className="claim">
              <p>
                <Link to={`/movements/${c.mrn}`} className="mono">
                  {c.mrn}
                </Link>{' '}
                — {formatAmount(c.amount, c.currency, lang)} — {c.status} — {c.country}
              </p>
              {c.split && (
                <table>
                  <caption>{t('guarantee.split')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('who.organisation')}</th>
                      <th scope="col" className="num">{t('guarantee.share')}</th>
                      <th scope="col" className="num">{t('guarantee.amount')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...c.split.fronting.map((p) => ({ ...p, kind: 'fronting' })), ...c.split.reinsurance.map((p) => ({ ...p, kind: 'reinsurance' }))].map((p) => (
                      <tr key={`${p.kind}-${p.party}`}>
                        <td>
                          {p.party} <span className="muted small">({p.kind})</span>
                        </td>
                        <td className="num">{(p.bp / 100).toFixed(2)} %</td>
                        <td className="num">{formatAmount(p.amount, c.currency, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))
        )}
      </section>
      <Notifications events={[...recentEvents, ...history.filter((h) => !recentEvents.some((r) => r.id === h.id))]} grn={grn} />
    </article>
  );
}

