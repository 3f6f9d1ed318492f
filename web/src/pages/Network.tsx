// The network: organisations with their peers' health and block heights (each gateway's /health, read
// through this gateway), the countries with their pilot/live mode, and an SVG diagram of the CAREC
// corridors with the offices and the live count of movements in progress at each (no map tiles).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp, useLiveEvents } from '../app-context';
import { ErrorBox, Loading } from '../components/ui';
import { CORRIDOR_LEGS, countsByOffice, projection, type OfficePoint } from '../lib/corridors';
import type { MessageKey } from '../lib/i18n';
import { formatInOffice } from '../lib/dates';
import referenceOffices from '../../../network/reference/carec-offices.json';

interface NetOrg {
  name: string;
  mspId: string;
  kind: string;
  country: string | null;
  peer: { host: string };
  gatewayUrl: string;
  self: boolean;
}
interface HealthItem {
  organisation: string;
  reachable: boolean;
  httpStatus?: number;
  latencyMs?: number;
  health?: { status: string; peer?: { reachable: boolean; latencyMs?: number }; index?: { ledgerHeight: string | null; lagBlocks: number | null; checkpointBlock: string | null } };
}

const IN_PROGRESS = ['ACCEPTED', 'UNDER_CONTROL', 'RELEASED', 'ARRIVED', 'UNLOADING', 'CONTROLLED', 'DISCREPANCIES', 'ENQUIRY', 'RECOVERY'];
const COUNTRY_COLOURS: Record<string, string> = { AZ: '#0b6e4f', GE: '#9b1d20', UZ: '#1d4e89', TM: '#6a4c93', KZ: '#8a5a00', KG: '#a4243b', TR: '#555555' };

export function NetworkPage() {
  const { t, lang, api } = useApp();
  const [orgs, setOrgs] = useState<NetOrg[] | null>(null);
  const [health, setHealth] = useState<HealthItem[] | null>(null);
  const [countries, setCountries] = useState<{ code: string; mode: string; status: string }[] | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>(null);
  const [checkedAt, setCheckedAt] = useState<string>('');

  const offices: OfficePoint[] = useMemo(
    () =>
      (referenceOffices as { offices: { referenceNumber: string; name: string; countryCode: string; roles: string[]; coordinates?: { lat: number; lon: number } }[] }).offices
        .filter((o) => o.coordinates)
        .map((o) => ({ code: o.referenceNumber, name: o.name, country: o.countryCode, roles: o.roles, lat: o.coordinates!.lat, lon: o.coordinates!.lon })),
    [],
  );
  const proj = useMemo(() => projection(offices), [offices]);

  const loadHealth = useCallback(() => {
    api
      .get<{ items: HealthItem[]; checkedAt: string }>('/network/health')
      .then((h) => {
        setHealth(h.items);
        setCheckedAt(h.checkedAt);
      })
      .catch(setError);
  }, [api]);
  const loadCounts = useCallback(async () => {
    const pages = await Promise.all(IN_PROGRESS.map((s) => api.get<{ items: { status: string; offices: string[] }[] }>(`/movements?status=${s}&limit=200`).catch(() => ({ items: [] }))));
    setCounts(countsByOffice(pages.flatMap((p) => p.items), []));
  }, [api]);

  useEffect(() => {
    api.get<{ organisations: NetOrg[] }>('/network').then((n) => setOrgs(n.organisations)).catch(setError);
    api.get<{ code: string; mode: string; status: string }[]>('/countries').then(setCountries).catch(() => setCountries([]));
    loadHealth();
    void loadCounts();
    const timer = setInterval(loadHealth, 10_000);
    return () => clearInterval(timer);
  }, [api, loadHealth, loadCounts]);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveEvents(
    (e) => !!e.mrn,
    () => {
      clearTimeout(pending.current);
      pending.current = setTimeout(() => void loadCounts(), 500);
    },
  );

  const byCode = new Map(offices.map((o) => [o.code, o]));
  const modeOf = new Map((countries ?? []).map((c) => [c.code, c.mode]));
  const total = Object.values(counts).reduce((a, b) => Math.max(a, b), 0);

  return (
    <section aria-labelledby="nw-h">
      <h1 id="nw-h">{t('network.title')}</h1>
      <ErrorBox error={error} />
      <section className="card" aria-labelledby="org-h">
        <h2 id="org-h">{t('network.orgs')}</h2>
        {!orgs ? (
          <Loading />
        ) : (
          <div className="table-wrap">
            <table data-testid="orgs">
              <thead>
                <tr>
                  <th scope="col">{t('who.organisation')}</th>
                  <th scope="col">{t('network.kind')}</th>
                  <th scope="col">{t('common.country')}</th>
                  <th scope="col">Peer</th>
                  <th scope="col">{t('network.health')}</th>
                  <th scope="col" className="num">{t('network.height')}</th>
                  <th scope="col" className="num">{t('network.lag')}</th>
                  <th scope="col">{t('network.gateway')}</th>
                </tr>
              </thead>
              <tbody>
                {orgs.map((o) => {
                  const h = health?.find((x) => x.organisation === o.name);
                  const ready = h?.reachable && h.health?.status === 'ready';
                  return (
                    <tr key={o.name} data-org={o.name}>
                      <th scope="row">
                        {o.name}
                        {o.self && ' ★'}
                      </th>
                      <td>{o.kind}</td>
                      <td>{o.country}</td>
                      <td className="mono small">{o.peer.host}</td>
                      <td>
                        {!h ? '…' : <span className={ready ? 'pass' : 'fail'}>{!h.reachable ? t('network.unreachable') : ready ? t('network.ready') : t('network.notReady')}</span>}
                        {h?.health?.peer?.latencyMs !== undefined && <span className="muted small"> {h.health.peer.latencyMs} ms</span>}
                      </td>
                      <td className="num mono" data-testid={`height-${o.name}`}>{h?.health?.index?.ledgerHeight ?? ''}</td>
                      <td className="num">{h?.health?.index?.lagBlocks ?? ''}</td>
                      <td className="mono small">{o.gatewayUrl}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {checkedAt && <p className="muted small">{formatInOffice(checkedAt, orgs?.find((o) => o.self)?.country)}</p>}
      </section>
      <section className="card" aria-labelledby="ct-h">
        <h2 id="ct-h">{t('network.countries')}</h2>
        <ul className="countries">
          {(countries ?? []).map((c) => (
            <li key={c.code} data-country={c.code}>
              <span className="swatch" style={{ background: COUNTRY_COLOURS[c.code] ?? '#444' }} aria-hidden="true" /> <strong>{c.code}</strong> — <span className={`mode mode-${c.mode.toLowerCase()}`}>{t(`mode.${c.mode}` as MessageKey)}</span> <span className="muted small">({c.status})</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="map-h">
        <h2 id="map-h">{t('network.corridors')}</h2>
        <svg viewBox={`0 0 ${proj.width} ${proj.height}`} role="img" aria-labelledby="map-title map-desc" className="corridors" data-testid="corridors">
          <title id="map-title">{t('network.corridors')}</title>
          <desc id="map-desc">{t('network.map')}</desc>
          <rect x="0" y="0" width={proj.width} height={proj.height} fill="#f4f7fa" />
          <text x={proj.x(51)} y={proj.y(41.3)} className="sea" textAnchor="middle">
            {lang === 'ru' ? 'Каспийское море' : 'Caspian Sea'}
          </text>
          <text x={proj.x(40.2)} y={proj.y(42.6)} className="sea" textAnchor="middle">
            {lang === 'ru' ? 'Чёрное море' : 'Black Sea'}
          </text>
          {CORRIDOR_LEGS.filter(([a, b]) => byCode.has(a) && byCode.has(b)).map(([a, b]) => {
            const p = byCode.get(a)!;
            const q = byCode.get(b)!;
            return <line key={`${a}-${b}`} x1={proj.x(p.lon)} y1={proj.y(p.lat)} x2={proj.x(q.lon)} y2={proj.y(q.lat)} className="leg" />;
          })}
          {offices.map((o) => {
            const n = counts[o.code] ?? 0;
            const r = 5 + (total ? (10 * n) / total : 0);
            const mode = modeOf.get(o.country);
            return (
              <g key={o.code} transform={`translate(${proj.x(o.lon)},${proj.y(o.lat)})`} data-office={o.code} data-count={n}>
                <title>{`${o.code} ${o.name} (${o.roles.join(', ')}): ${n} ${t('network.live')}`}</title>
                <circle r={r} fill={COUNTRY_COLOURS[o.country] ?? '#444'} fillOpacity={mode ? 0.9 : 0.35} stroke="#fff" strokeWidth="1.5" />
                {n > 0 && (
                  <text y={4} textAnchor="middle" className="count">
                    {n}
                  </text>
                )}
                {(n > 0 || o.roles.includes('DEP') || o.roles.includes('EXT')) && (
                  <text x={r + 3} y={-r + 2} className="label">
                    {o.code}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <ul className="legend">
          {[...new Set(offices.map((o) => o.country))].map((c) => (
            <li key={c}>
              <span className="swatch" style={{ background: COUNTRY_COLOURS[c] ?? '#444', opacity: modeOf.get(c) ? 1 : 0.4 }} aria-hidden="true" /> {c} {modeOf.get(c) ? `(${t(`mode.${modeOf.get(c)}` as MessageKey)})` : `(${t('mode.NONE')})`}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
