// Server-side paging by cursor: a stack of the cursors of the pages seen, one request per page, the
// time each page took (for the 200 ms target), and a reload that keeps the current page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../app-context';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function usePaged<T>(pathOf: (cursor: string | undefined) => string, key: string) {
  const { api } = useApp();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [data, setData] = useState<Page<T> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [ms, setMs] = useState<number | undefined>();
  const pathRef = useRef(pathOf);
  pathRef.current = pathOf;
  const seq = useRef(0);

  const load = useCallback(
    async (cursor: string | undefined) => {
      const mine = ++seq.current;
      setBusy(true);
      const t0 = performance.now();
      try {
        const page = await api.get<Page<T>>(pathRef.current(cursor));
        if (mine !== seq.current) return;
        setData(page);
        setError(null);
        setMs(Math.round(performance.now() - t0));
      } catch (e) {
        if (mine === seq.current) setError(e);
      } finally {
        if (mine === seq.current) setBusy(false);
      }
    },
    [api],
  );

  useEffect(() => {
    setCursors([undefined]);
    void load(undefined);
  }, [key, load]);

  const current = cursors[cursors.length - 1];
  return {
    data,
    error,
    busy,
    ms,
    page: cursors.length,
    hasNext: !!data?.nextCursor,
    reload: () => load(current),
    first: () => {
      setCursors([undefined]);
      void load(undefined);
    },
    prev: () => {
      const next = cursors.slice(0, -1);
      setCursors(next.length ? next : [undefined]);
      void load(next[next.length - 1]);
    },
    next: () => {
      if (!data?.nextCursor) return;
      setCursors([...cursors, data.nextCursor]);
      void load(data.nextCursor);
    },
  };
}
