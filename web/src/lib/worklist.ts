// The officer's worklist views, each one server-side filter of GET /api/v1/movements (the index pages and
// filters; the browser never loads the whole list).

export const WORKLIST_VIEWS = ['expected', 'border', 'arrived', 'overdue'] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];

export interface WorklistInput {
  view: WorklistView;
  /** one office, or '' for all the officer's offices (their country) */
  office: string;
  country: string | null;
  borderOffices: string[];
  arrivalTimeLimitSeconds: number;
  now: number;
  limit: number;
  cursor?: string;
}

/** The query string of a worklist page. */
export function worklistQuery(i: WorklistInput): string {
  const q = new URLSearchParams();
  const status = i.view === 'arrived' ? 'ARRIVED' : 'RELEASED';
  q.set('status', status);
  let office = i.office;
  if (i.view === 'border' && (!office || !i.borderOffices.includes(office))) office = i.borderOffices[0] ?? office;
  if (office) q.set('office', office);
  else if (i.country) q.set('country', i.country);
  if (i.view === 'overdue') q.set('updatedUntil', new Date(i.now - i.arrivalTimeLimitSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  q.set('limit', String(i.limit));
  if (i.cursor) q.set('cursor', i.cursor);
  return q.toString();
}

/** Movement list filters typed by the user, checked before they are sent. */
export interface MovementFilter {
  status: string;
  office: string;
  country: string;
  holder: string;
}

export function movementQuery(f: MovementFilter, limit: number, cursor?: string): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.office.trim()) q.set('office', f.office.trim().toUpperCase());
  if (f.country.trim()) q.set('country', f.country.trim().toUpperCase());
  if (f.holder.trim()) q.set('holder', f.holder.trim().toUpperCase());
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}
