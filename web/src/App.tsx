// The console shell: sign-in or the signed-in layout (who, language, role-aware navigation, live
// indicator), a small router on the History API, the API client whose 401 returns to sign-in (drafts stay
// in sessionStorage), and the 2-second poll of the event feed that every page can listen to.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { Ctx, type AppCtx, type FeedEvent } from './app-context';
import { Api, ApiError, type SessionInfo } from './lib/api';
import { initialLang, translate, type Lang, type MessageKey } from './lib/i18n';
import { clearDraft, loadSession, rememberLang, rememberedLang, saveReturnTo, saveSession, takeReturnTo } from './lib/storage';
import { SignIn } from './pages/SignIn';
import { Worklist } from './pages/Worklist';
import { Movements } from './pages/Movements';
import { MovementPage } from './pages/MovementPage';
import { Declare } from './pages/Declare';
import { Guarantees, GuaranteePage } from './pages/Guarantees';
import { Audit } from './pages/Audit';
import { NetworkPage } from './pages/Network';
import { Link } from './components/ui';
import referenceOffices from '../../network/reference/carec-offices.json';

type Role = SessionInfo['role'];

const NAV: Record<Role, { path: string; label: MessageKey }[]> = {
  officer: [{ path: '/worklist', label: 'nav.worklist' }, { path: '/movements', label: 'nav.movements' }, { path: '/network', label: 'nav.network' }],
  supervisor: [{ path: '/worklist', label: 'nav.worklist' }, { path: '/movements', label: 'nav.movements' }, { path: '/audit', label: 'nav.audit' }, { path: '/network', label: 'nav.network' }],
  trader: [{ path: '/movements', label: 'nav.movements' }, { path: '/declare', label: 'nav.declare' }, { path: '/network', label: 'nav.network' }],
  guarantor: [{ path: '/guarantees', label: 'nav.guarantees' }, { path: '/network', label: 'nav.network' }],
  auditor: [{ path: '/audit', label: 'nav.audit' }, { path: '/network', label: 'nav.network' }],
  admin: [{ path: '/movements', label: 'nav.movements' }, { path: '/audit', label: 'nav.audit' }, { path: '/network', label: 'nav.network' }],
};

const homeOf = (role: Role) => NAV[role][0].path;
const POLL_MS = 2000;

function usePath(): [string, (p: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => {
    const on = () => setPath(window.location.pathname + window.location.search);
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  const navigate = useCallback((p: string) => {
    if (p !== window.location.pathname + window.location.search) window.history.pushState(null, '', p);
    setPath(p);
    window.scrollTo(0, 0);
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  }, []);
  return [path, navigate];
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => initialLang(rememberedLang(localStorage), navigator.languages));
  const [session, setSession] = useState<SessionInfo | null>(() => loadSession(sessionStorage));
  const [expired, setExpired] = useState(false);
  const [path, navigate] = usePath();
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const changeLang = (l: Lang) => {
    setLang(l);
    rememberLang(localStorage, l);
  };

  const sessionRef = useRef(session);
  sessionRef.current = session;
  const expire = useCallback(() => {
    if (!sessionRef.current) return;
    saveReturnTo(sessionStorage, window.location.pathname + window.location.search);
    saveSession(sessionStorage, null);
    setSession(null);
    setExpired(true);
  }, []);
  const api = useMemo(() => new Api('', () => sessionRef.current?.token ?? null, (e: ApiError) => (e.code === 'UNAUTHENTICATED' ? expire() : undefined)), [expire]);

  // the token's own expiry: back to sign-in at that moment, not at the next click
  useEffect(() => {
    if (!session) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(expire, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, expire]);

  const signedIn = (s: SessionInfo) => {
    saveSession(sessionStorage, s);
    setSession(s);
    setExpired(false);
    const back = takeReturnTo(sessionStorage);
    navigate(back && back !== '/signin' ? back : homeOf(s.role));
  };

  const signOut = () => {
    for (const k of Object.keys(sessionStorage)) if (k.startsWith('cats.draft.')) clearDraft(sessionStorage, k.slice('cats.draft.'.length));
    saveSession(sessionStorage, null);
    setSession(null);
    setExpired(false);
    navigate('/signin');
  };

  if (!session)
    return (
      <SignIn lang={lang} setLang={changeLang} expired={expired} onSignedIn={signedIn} />
    );
  return <SignedIn key={`${session.organisation}:${session.user}`} {...{ lang, changeLang, t, session, api, path, navigate, signOut }} />;
}

function SignedIn({ lang, changeLang, t, session, api, path, navigate, signOut }: { lang: Lang; changeLang: (l: Lang) => void; t: AppCtx['t']; session: SessionInfo; api: Api; path: string; navigate: (p: string) => void; signOut: () => void }) {
  const listeners = useRef(new Set<(e: FeedEvent[]) => void>());
  const [recentEvents, setRecent] = useState<FeedEvent[]>([]);
  const [live, setLive] = useState<boolean | null>(null);
  const [newCount, setNewCount] = useState(0);
  const [officeRoles, setOfficeRoles] = useState<Record<string, string[]>>({});
  const officeNames = useMemo(() => Object.fromEntries((referenceOffices as { offices: { referenceNumber: string; name: string }[] }).offices.map((o) => [o.referenceNumber, o.name])), []);

  useEffect(() => {
    api
      .get<{ referenceNumber: string; roles: string[]; name: string }[]>('/offices')
      .then((list) => setOfficeRoles(Object.fromEntries(list.map((o) => [o.referenceNumber, o.roles]))))
      .catch(() => setOfficeRoles(Object.fromEntries((referenceOffices as { offices: { referenceNumber: string; roles: string[] }[] }).offices.map((o) => [o.referenceNumber, o.roles]))));
  }, [api]);

  // the live feed: start at the index's current block, then every 2 s ask for what came after
  useEffect(() => {
    let stop = false;
    let cursor: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        if (cursor === undefined) {
          const first = await api.get<{ indexedThroughBlock: string | null }>('/movements?limit=1');
          cursor = `${first.indexedThroughBlock ?? '0'}.999999`;
        } else {
          for (let i = 0; i < 5 && !stop; i++) {
            const feed: { items: FeedEvent[]; nextCursor: string | null } = await api.get(`/events?after=${encodeURIComponent(cursor!)}&limit=500`);
            const items = feed.items;
            if (items.length) {
              cursor = items[items.length - 1].cursor;
              for (const l of listeners.current) l(items);
              setRecent((r) => [...items.slice().reverse(), ...r].slice(0, 100));
              setNewCount((n) => n + items.length);
            }
            if (items.length < 500) break;
          }
        }
        if (!stop) setLive(true);
      } catch (e) {
        if (!stop) setLive(e instanceof ApiError && e.status === 401 ? null : false);
      }
      if (!stop) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [api]);

  const subscribe = useCallback((l: (e: FeedEvent[]) => void) => {
    listeners.current.add(l);
    return () => void listeners.current.delete(l);
  }, []);

  const ctx: AppCtx = { lang, t, session, api, navigate, subscribe, recentEvents, officeRoles, officeNames };
  const nav = NAV[session.role];
  const route = path.split('?')[0];
  if (route === '/' || route === '/signin') {
    queueMicrotask(() => navigate(homeOf(session.role)));
  }
  let page: ReactElement;
  let m: RegExpExecArray | null;
  if ((m = /^\/movements\/([0-9A-Z]{18})$/.exec(route))) page = <MovementPage mrn={m[1]} />;
  else if (route === '/movements') page = <Movements />;
  else if (route === '/worklist') page = <Worklist />;
  else if (route === '/declare') page = <Declare />;
  else if ((m = /^\/guarantees\/([0-9A-Z]{17,24})$/.exec(route))) page = <GuaranteePage grn={m[1]} />;
  else if (route === '/guarantees') page = <Guarantees />;
  else if (route === '/audit') page = <Audit />;
  else if (route === '/network') page = <NetworkPage />;
  else page = <p>{t('common.none')}</p>;

  return (
    <Ctx.Provider value={ctx}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          CATS/ICE
        </div>
        <dl className="who" aria-label={session.user}>
          <div>
            <dt>{t('who.organisation')}</dt>
            <dd data-testid="who-org">{session.organisation}</dd>
          </div>
          <div>
            <dt>{t('who.role')}</dt>
            <dd data-testid="who-role">
              {session.user} · {t(`role.${session.role}` as MessageKey)}
            </dd>
          </div>
          {session.offices.length > 0 && (
            <div>
              <dt>{t('who.offices')}</dt>
              <dd className="mono offices-list">{session.offices.join(' ')}</dd>
            </div>
          )}
          {session.traderId && (
            <div>
              <dt>{t('who.trader')}</dt>
              <dd className="mono">{session.traderId}</dd>
            </div>
          )}
        </dl>
        <div className="tools">
          <span className={`live ${live === false ? 'off' : 'on'}`} role="status" aria-live="polite" data-testid="live" title={live === false ? t('live.off') : t('live.on')}>
            {live === false ? t('live.off') : `● ${t('live.on')}`}
            {newCount > 0 && <span className="sr-only"> {t('live.new', { n: newCount })}</span>}
          </span>
          <label className="lang">
            <span>{t('lang.label')}</span>
            <select value={lang} onChange={(e) => changeLang(e.target.value as Lang)}>
              <option value="en" lang="en">
                English
              </option>
              <option value="ru" lang="ru">
                Русский
              </option>
            </select>
          </label>
          <button type="button" className="secondary" onClick={signOut}>
            {t('signout')}
          </button>
        </div>
      </header>
      <nav className="main-nav" aria-label={t('nav.label')}>
        <ul>
          {nav.map((n) => (
            <li key={n.path}>
              <Link to={n.path} className={route.startsWith(n.path) ? 'active' : undefined}>
                {t(n.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </Ctx.Provider>
  );
}
