// `Prefer: wait=<seconds>` (RFC 7240): the client would rather wait for the commit than poll. Capped, so
// one request cannot hold a connection for long.
import type { Request } from 'express';

export function preferredWaitSeconds(req: Request, max: number): number {
  const header = req.get('prefer');
  if (!header) return 0;
  for (const part of header.split(/[,;]/)) {
    const m = /^\s*wait\s*=\s*"?(\d+(?:\.\d+)?)"?\s*$/i.exec(part);
    if (m) return Math.min(Number(m[1]), max);
  }
  return 0;
}
