// What every page shares: the language, the session, the API client, navigation and the live event feed.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { Api, SessionInfo } from './lib/api';
import type { Lang, MessageKey } from './lib/i18n';

export interface FeedEvent {
  id: string;
  cursor: string;
  name: string;
  blockNumber: string;
  transactionId: string;
  mrn?: string;
  grn?: string;
  payload: Record<string, unknown>;
}

export interface AppCtx {
  lang: Lang;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  session: SessionInfo;
  api: Api;
  navigate: (path: string) => void;
  subscribe: (listener: (events: FeedEvent[]) => void) => () => void;
  recentEvents: FeedEvent[];
  officeRoles: Record<string, string[]>;
  officeNames: Record<string, string>;
}

export const Ctx = createContext<AppCtx | null>(null);

export function useApp(): AppCtx {
  const c = useContext(Ctx);
  if (!c) throw new Error('useApp outside the app');
  return c;
}

/** Calls `onEvents` with each batch of new ledger events that `filter` keeps. */
export function useLiveEvents(filter: (e: FeedEvent) => boolean, onEvents: (events: FeedEvent[]) => void): void {
  const { subscribe } = useApp();
  const ref = useRef({ filter, onEvents });
  ref.current = { filter, onEvents };
  useEffect(
    () =>
      subscribe((events) => {
        const kept = events.filter((e) => ref.current.filter(e));
        if (kept.length) ref.current.onEvents(kept);
      }),
    [subscribe],
  );
}
