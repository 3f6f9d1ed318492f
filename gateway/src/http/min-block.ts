// Read-your-writes across organisations. A step committed through one organisation's gateway reaches
// the other peers a few milliseconds later; the next step, sent to another organisation's gateway at
// once, could be endorsed on a peer that has not seen it yet and be refused as out of sequence. A client
// that knows the block of its last write sends `X-Cats-Min-Block: <n>`; this gateway waits (bounded)
// until its own peer has committed block n before the request runs. When the peer is still behind after
// MAX_WAIT_MS (a network past its capacity), the answer is 503 NETWORK_UNAVAILABLE naming the block and the
// peer's height, and nothing is done: run on the stale peer, the request would be refused for a reason that
// is not true (UNKNOWN_MOVEMENT for a movement declared a moment ago).
// The wait watches the height the event feed moves as blocks arrive (every write emits an event, so block n
// reaches the feed); the peer itself is asked at most every REFRESH_MS, or at each poll while the feed is
// disconnected. Asking it at every poll cost a signed query per waiting request every 25 ms, most under
// load, when peers lag most (issue 7).
import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../app-deps';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { log } from '../observability/log';

const HEADER = 'x-cats-min-block';
const MAX_WAIT_MS = 5000;
const POLL_MS = 25;
const REFRESH_MS = 500;
/** more blocks than a peer commits in MAX_WAIT_MS even catching up: no point in waiting for them */
const MAX_BLOCKS_AHEAD = 2000n;

export function minBlock(deps: AppDeps, maxWaitMs = MAX_WAIT_MS) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const raw = req.get(HEADER);
    if (raw === undefined) return next();
    if (!/^\d{1,18}$/.test(raw)) return next(new CatsError('VALIDATION_FAILED', `${HEADER}: a block number (digits) expected`, { field: HEADER }));
    const needed = BigInt(raw) + 1n; // height counts blocks, so block n is there once the height is n + 1
    const deadline = Date.now() + maxWaitMs;
    let height = deps.feed.height;
    let askedAt = Date.now();
    const hopeless = () => height !== undefined && needed > height + MAX_BLOCKS_AHEAD;
    while ((height === undefined || height < needed) && Date.now() < deadline && !hopeless()) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (!deps.feed.connected || Date.now() - askedAt >= REFRESH_MS) {
        askedAt = Date.now();
        height = (await deps.feed.refreshHeight()) ?? deps.feed.height;
      } else height = deps.feed.height;
    }
    if (height === undefined || height < needed) {
      log.warn('peer still behind the requested block', { wanted: raw, height: height?.toString() });
      const at = height === undefined ? 'an unknown height' : `height ${height}`;
      const what = hopeless()
        ? `it is at ${at}, more than ${MAX_BLOCKS_AHEAD} blocks before it): nothing was done; check that ${HEADER} is the block of your own last write`
        : `it is at ${at} after ${maxWaitMs / 1000} s): nothing was done; send the request again`;
      return next(new CatsError('NETWORK_UNAVAILABLE', `this organisation's peer has not committed block ${raw} yet (${what}`, { field: HEADER, block: raw, height: height?.toString() ?? null }));
    }
    next();
  };
}
