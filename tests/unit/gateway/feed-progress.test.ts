// How far the index has the ledger when blocks carry no event of the chaincode.
import { expect } from 'chai';
import { FeedProgress } from '../../../gateway/src/index/feed-progress';

describe('index: feed progress', () => {
  it('counts from the checkpoint while events keep coming', () => {
    const p = new FeedProgress();
    p.opened(0);
    p.sample(100n, 1000);
    p.event(3000);
    p.sample(110n, 6000);
    expect(p.doneHeight(95n)).to.equal(96n);
    expect(p.doneHeight(undefined)).to.equal(0n);
  });

  it('after a quiet sample interval with the stream open, has everything below the earlier sample', () => {
    const p = new FeedProgress();
    p.opened(0);
    p.event(500);
    p.sample(160n, 1000); // 60 blocks without an event since the checkpoint at 99
    expect(p.doneHeight(99n)).to.equal(100n);
    p.sample(170n, 6000); // nothing came in 5 s: the stream is past 160
    expect(p.doneHeight(99n)).to.equal(160n);
    expect(p.doneHeight(200n), 'a later checkpoint still counts').to.equal(201n);
  });

  it('does not move on while the stream is closed, or was opened after the earlier sample', () => {
    const p = new FeedProgress();
    p.sample(160n, 1000);
    p.sample(170n, 6000);
    expect(p.doneHeight(99n), 'never opened').to.equal(100n);
    p.opened(7000);
    p.sample(175n, 11000);
    expect(p.doneHeight(99n), 'opened after the earlier sample').to.equal(100n);
    p.sample(180n, 16000);
    expect(p.doneHeight(99n)).to.equal(175n);
    p.closed();
    p.sample(190n, 21000);
    expect(p.doneHeight(99n), 'closed').to.equal(175n);
  });
});
