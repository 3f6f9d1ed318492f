// Sign-in as a user of the organisation whose gateway serves this console: POST /api/v1/session gives the
// organisation's JWT (the session holds the token, never a key).
import { useEffect, useState } from 'react';
import { Api, ApiError, type SessionInfo } from '../lib/api';
import { errorMessage, translate, type Lang } from '../lib/i18n';

export function SignIn({ lang, setLang, expired, onSignedIn }: { lang: Lang; setLang: (l: Lang) => void; expired: boolean; onSignedIn: (s: SessionInfo) => void }) {
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => translate(lang, k, v);
  const [org, setOrg] = useState<string>('');
  const [user, setUser] = useState(() => sessionStorage.getItem('cats.lastUser') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<{ user?: boolean; password?: boolean }>({});

  useEffect(() => {
    fetch('/health')
      .then((r) => r.json())
      .then((h: { organisation?: string }) => setOrg(h.organisation ?? ''))
      .catch(() => setOrg(''));
    if (window.location.pathname !== '/signin' && !expired) window.history.replaceState(null, '', '/signin');
  }, [expired]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const m = { user: !user.trim(), password: !password };
    setMissing(m);
    if (m.user || m.password) return;
    setBusy(true);
    setError(null);
    try {
      const api = new Api('', () => null, () => undefined);
      const s = await api.request<SessionInfo>('POST', '/session', { json: { user: user.trim(), password } });
      sessionStorage.setItem('cats.lastUser', user.trim());
      onSignedIn(s);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK_UNAVAILABLE', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <form onSubmit={submit} noValidate aria-labelledby="signin-title">
        <div className="signin-head">
          <h1 id="signin-title">
            CATS/ICE — {t('signin.title')}
          </h1>
          <label className="lang">
            <span>{t('lang.label')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              <option value="en">English</option>
              <option value="ru">Русский</option>
            </select>
          </label>
        </div>
        {org && <p>{t('signin.intro', { org })}</p>}
        {expired && (
          <p className="notice" role="alert" data-testid="expired">
            {t('signin.expired')}
          </p>
        )}
        <div className="field">
          <label htmlFor="signin-user">{t('signin.user')}</label>
          <input id="signin-user" name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} aria-invalid={missing.user || undefined} aria-describedby={missing.user ? 'signin-user-err' : undefined} required autoFocus />
          {missing.user && (
            <p className="field-error" id="signin-user-err">
              {t('v.required')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="signin-password">{t('signin.password')}</label>
          <input id="signin-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={missing.password || !!error || undefined} aria-describedby={missing.password || error ? 'signin-password-err' : undefined} required />
          {missing.password && (
            <p className="field-error" id="signin-password-err">
              {t('v.required')}
            </p>
          )}
          {error && (
            <p className="field-error" id="signin-password-err" role="alert">
              <span className="code">{error.code}</span> {errorMessage(lang, error.code)}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
