// The CAREC corridor diagram: offices placed by longitude/latitude on an equirectangular projection
// (no map tiles), the corridor legs drawn between them, and the live count of movements per office.

export interface OfficePoint {
  code: string;
  name: string;
  country: string;
  roles: string[];
  lat: number;
  lon: number;
}

export interface Projection {
  width: number;
  height: number;
  x(lon: number): number;
  y(lat: number): number;
}

export function projection(points: { lat: number; lon: number }[], width = 960, height = 420, margin = 40): Projection {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = Math.max((maxLon - minLon) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const ox = (width - spanX * scale) / 2;
  const oy = (height - spanY * scale) / 2;
  return { width, height, x: (lon) => ox + (lon - minLon) * k * scale, y: (lat) => oy + (maxLat - lat) * scale };
}

/** The corridor legs of the pilot (from the CAREC corridors 2 and 6 through the Caucasus and Central Asia). */
export const CORRIDOR_LEGS: [string, string][] = [
  ['GE000600', 'GE000100'], ['GE000700', 'GE000500'], ['GE000700', 'GE000600'], ['GE000100', 'GE000200'], ['GE000200', 'AZ000300'],
  ['GE000100', 'GE000300'], ['GE000100', 'GE000400'], ['GE000100', 'GE000800'], ['AZ000300', 'AZ000600'], ['AZ000600', 'AZ000100'],
  ['AZ000100', 'AZ000200'], ['AZ000100', 'AZ000500'], ['AZ000200', 'AZ000400'], ['AZ000200', 'TM000100'], ['TM000100', 'UZ000300'],
  ['UZ000300', 'UZ000200'], ['UZ000200', 'UZ000100'], ['UZ000200', 'UZ000400'],
];

/** Movements in progress per office: each non-terminal movement counts at every office of its itinerary. */
export function countsByOffice(items: { status: string; offices: string[] }[], terminal: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of items) {
    if (terminal.includes(m.status)) continue;
    for (const o of new Set(m.offices)) out[o] = (out[o] ?? 0) + 1;
  }
  return out;
}
