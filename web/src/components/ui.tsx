// Small shared pieces: the coded error box, field wrapper with its error, links, pager, office names.
import type { ReactNode } from 'react';
import { useApp } from '../app-context';
import { ApiError } from '../lib/api';
import { errorMessage, statusName } from '../lib/i18n';
import type { FieldError } from '../lib/actions';
import { formatInOffice } from '../lib/dates';

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const { navigate } = useApp();
  return (
    <a
      href={to}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** A ledger/gateway refusal: its code, its meaning in plain words, and the gateway's own text. */
export function ErrorBox({ error, id }: { error: unknown; id?: string }) {
  const { lang, t } = useApp();
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String((error as Error)?.message ?? error));
  return (
    <div className="error-box" role="alert" id={id}>
      <strong>{t('err.title', { code: e.code })}</strong> — {e.code === 'NETWORK_UNAVAILABLE' && e.status === 0 ? t('err.network') : errorMessage(lang, e.code)}
      {e.message && <div className="error-detail" lang="en">{e.message}</div>}
    </div>
  );
}

export function FieldMessage({ id, error, rejection }: { id: string; error?: FieldError; rejection?: ApiError }) {
  const { lang, t } = useApp();
  if (rejection)
    return (
      <p className="field-error" id={id} role="alert">
        <span className="code">{rejection.code}</span> {errorMessage(lang, rejection.code)}
        <span className="error-detail" lang="en"> ({rejection.message})</span>
      </p>
    );
  if (error)
    return (
      <p className="field-error" id={id}>
        {t(error.key, error.vars)}
      </p>
    );
  return null;
}

export function StatusBadge({ status }: { status: string }) {
  const { lang } = useApp();
  return <span className={`badge status-${status.toLowerCase()}`}>{statusName(lang, status)}</span>;
}

export function When({ at, office, seconds }: { at?: string | null; office?: string | null; seconds?: boolean }) {
  if (!at) return null;
  return <time dateTime={at}>{formatInOffice(at, office, { seconds })}</time>;
}

export function OfficeName({ code }: { code?: string | null }) {
  const { officeNames } = useApp();
  if (!code) return null;
  const name = officeNames[code];
  return (
    <span className="office">
      <span className="mono">{code}</span>
      {name && (
        <>
          {' '}
          <span dir="auto">{name}</span>
        </>
      )}
    </span>
  );
}

export function Pager({ page, hasNext, onFirst, onPrev, onNext, busy, ms }: { page: number; hasNext: boolean; onFirst: () => void; onPrev: () => void; onNext: () => void; busy: boolean; ms?: number }) {
  const { t } = useApp();
  return (
    <nav className="pager" aria-label={t('common.page', { n: page })}>
      <button type="button" onClick={onFirst} disabled={busy || page <= 1}>
        {t('common.first')}
      </button>
      <button type="button" onClick={onPrev} disabled={busy || page <= 1}>
        {t('common.prev')}
      </button>
      <span aria-live="polite">{t('common.page', { n: page })}</span>
      <button type="button" onClick={onNext} disabled={busy || !hasNext}>
        {t('common.next')}
      </button>
      {ms !== undefined && <span className="muted" data-testid="page-ms">{t('common.loadTime', { ms })}</span>}
    </nav>
  );
}

export function Loading() {
  const { t } = useApp();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}
