// What the console remembers: the language (localStorage, kept across sessions), the session (in
// sessionStorage: the tab's own, gone with it) and form drafts (sessionStorage, kept when a session expires
// so the officer signs in again without losing what was typed).
import type { SessionInfo } from './api';
import { isLang, type Lang } from './i18n';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const LANG_KEY = 'cats.lang';
const SESSION_KEY = 'cats.session';
const DRAFT_PREFIX = 'cats.draft.';
const RETURN_KEY = 'cats.returnTo';

export function rememberLang(store: KeyValueStore, lang: Lang): void {
  store.setItem(LANG_KEY, lang);
}

export function rememberedLang(store: KeyValueStore): Lang | null {
  const v = store.getItem(LANG_KEY);
  return isLang(v) ? v : null;
}

export function saveSession(store: KeyValueStore, s: SessionInfo | null): void {
  if (s) store.setItem(SESSION_KEY, JSON.stringify(s));
  else store.removeItem(SESSION_KEY);
}

/** The stored session if it is still valid at `now` (a token past its expiry is dropped). */
export function loadSession(store: KeyValueStore, now = Date.now()): SessionInfo | null {
  try {
    const s = JSON.parse(store.getItem(SESSION_KEY) ?? 'null') as SessionInfo | null;
    if (!s || typeof s.token !== 'string' || !s.organisation) return null;
    if (Date.parse(s.expiresAt) <= now) return null;
    return s;
  } catch {
    return null;
  }
}

export function saveDraft(store: KeyValueStore, form: string, values: unknown): void {
  store.setItem(DRAFT_PREFIX + form, JSON.stringify(values));
}

export function loadDraft<T>(store: KeyValueStore, form: string): T | null {
  try {
    return JSON.parse(store.getItem(DRAFT_PREFIX + form) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

export function clearDraft(store: KeyValueStore, form: string): void {
  store.removeItem(DRAFT_PREFIX + form);
}

export function saveReturnTo(store: KeyValueStore, path: string): void {
  store.setItem(RETURN_KEY, path);
}

export function takeReturnTo(store: KeyValueStore): string | null {
  const v = store.getItem(RETURN_KEY);
  store.removeItem(RETURN_KEY);
  return v && v.startsWith('/') && !v.startsWith('//') ? v : null;
}
