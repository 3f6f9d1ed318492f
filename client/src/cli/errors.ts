// What went wrong, as the exit code and the one line on stderr that `cats` gives for it.
import { ApiError, NetworkUnavailable } from '../api-client';

export const EXIT = {
  OK: 0,
  /** the network refused it: a business rule, a state transition, a permission, an unknown MRN */
  REJECTED: 1,
  /** the command line is wrong: unknown command or option, missing argument, unknown identity, bad file */
  USAGE: 2,
  /** nothing to talk to: no network.json, a gateway not reachable, a 5xx from a gateway */
  UNAVAILABLE: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake on the command line (exit 2). `code` is printed before the message. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 'USAGE',
  ) {
    super(message);
  }
}

/** Gateway answers that are about who is asking or how, not about the business: exit 2 rather than 1. */
const USAGE_STATUSES = new Set([401, 415]);

export function exitCodeOf(err: unknown): ExitCode {
  if (err instanceof UsageError) return EXIT.USAGE;
  if (err instanceof NetworkUnavailable) return EXIT.UNAVAILABLE;
  if (err instanceof ApiError) {
    if (err.status >= 500) return EXIT.UNAVAILABLE;
    if (USAGE_STATUSES.has(err.status)) return EXIT.USAGE;
    if (err.status >= 400) return EXIT.REJECTED;
    return EXIT.UNAVAILABLE; // a non-error status thrown as an error: the gateway misbehaved
  }
  return EXIT.UNAVAILABLE;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** The single stderr line for an error: `cats: error: CODE: message`. Never a stack trace. */
export function errorLine(err: unknown): string {
  if (err instanceof ApiError) return `cats: error: ${err.code}: ${oneLine(err.message || `HTTP ${err.status}`)}`;
  if (err instanceof UsageError) return `cats: error: ${err.code}: ${oneLine(err.message)}`;
  if (err instanceof NetworkUnavailable) return `cats: error: NETWORK_UNAVAILABLE: ${oneLine(err.message)}`;
  const message = err instanceof Error ? err.message : String(err);
  return `cats: error: INTERNAL: ${oneLine(message)}`;
}
