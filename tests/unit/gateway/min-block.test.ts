// X-Cats-Min-Block: the request waits until this organisation's peer has the block, then runs.
import { expect } from 'chai';
import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../../../gateway/src/app-deps';
import { minBlock } from '../../../gateway/src/http/min-block';

function request(header?: string): Request {
  return { get: (name: string) => (name.toLowerCase() === 'x-cats-min-block' ? header : undefined) } as unknown as Request;
}

function feedAt(heights: bigint[]): { deps: AppDeps; asked: () => number } {
  let asked = 0;
  const feed = {
    height: heights[0],
    async refreshHeight() {
      asked++;
      feed.height = heights[Math.min(asked, heights.length - 1)];
      return feed.height;
    },
  };
  return { deps: { feed } as unknown as AppDeps, asked: () => asked };
}

function run(deps: AppDeps, req: Request, maxWaitMs?: number): Promise<unknown> {
  return new Promise((resolve) => void minBlock(deps, maxWaitMs)(req, {} as Response, ((err?: unknown) => resolve(err)) as NextFunction));
}

describe('X-Cats-Min-Block', () => {
  it('runs at once without the header or when the peer already has the block', async () => {
    const { deps, asked } = feedAt([10n]);
    expect(await run(deps, request())).to.equal(undefined);
    expect(await run(deps, request('9'))).to.equal(undefined);
    expect(asked()).to.equal(0);
  });

  it('waits until the peer has committed the block', async () => {
    const { deps, asked } = feedAt([5n, 5n, 6n, 8n]);
    expect(await run(deps, request('7'))).to.equal(undefined);
    expect(asked()).to.equal(3);
  });

  it('follows the event feed while it is connected, without asking the peer', async () => {
    const { deps, asked } = feedAt([5n]);
    const feed = deps.feed as unknown as { connected: boolean; height: bigint };
    feed.connected = true;
    setTimeout(() => (feed.height = 8n), 60); // the block arrives through the feed
    const t0 = Date.now();
    expect(await run(deps, request('7'))).to.equal(undefined);
    expect(Date.now() - t0, 'waited for the block').to.be.at.least(50);
    expect(asked()).to.equal(0);
  });

  it('answers 503 naming the block and the height when the peer is still behind after the wait, doing nothing', async () => {
    const { deps } = feedAt([5n]);
    const err = (await run(deps, request('7'), 120)) as { code?: string; status?: number; message?: string; details?: Record<string, unknown> };
    expect(err.code).to.equal('NETWORK_UNAVAILABLE');
    expect(err.status).to.equal(503);
    expect(err.details).to.include({ field: 'x-cats-min-block', block: '7', height: '5' });
    expect(err.message).to.contain('block 7').and.contain('height 5');
  });

  it('answers 503 at once for a block far beyond the peer, without waiting', async () => {
    const { deps, asked } = feedAt([5n]);
    const t0 = Date.now();
    const err = (await run(deps, request('999999999'))) as { code?: string; message?: string };
    expect(err.code).to.equal('NETWORK_UNAVAILABLE');
    expect(err.message).to.contain('block 999999999').and.contain('more than 2000 blocks before it');
    expect(Date.now() - t0, 'answered before the 5 s wait').to.be.below(4000);
    expect(asked()).to.equal(0);
  });

  it('refuses a header that is not a block number', async () => {
    const { deps } = feedAt([5n]);
    const err = (await run(deps, request('12abc'))) as { code?: string };
    expect(err.code).to.equal('VALIDATION_FAILED');
  });
});
