// Spec rule 18 / issue 3 item 6 on a real network: 200 declarations at once, through CustomsAZ's real
// gateway as the holder, against one comprehensive guarantee whose reference amount covers exactly 150.
// Exactly 150 are accepted, 50 rejected with INSUFFICIENT_GUARANTEE, the available amount ends at exactly
// zero on the ledger, and no read conflict reaches a caller as a failure. The share committed at the
// first attempt — the first transaction sent to ordering committed, no MVCC/phantom conflict retry — is
// measured from the gateway's submit records (target ≥ 90 %); so is the stricter share that needed no
// new endorsement either (a peer a block behind the others makes the endorsements differ).
import { expect } from 'chai';
import { ApiClient, ApiError } from '../../client/src/api-client';
import type { NetworkFile } from '../../network/src/network-file';
import { balanceOf, declaration, issueGuarantee, networkUnderTest, newGrn } from '../conformance/fixtures';

const TOTAL = 200;
const COVERED = 150;
const AMOUNT = 100000n; // 1 000.00 USD each

interface SubmitAnswer {
  state: string;
  attempts?: number;
  endorsementRetries?: number;
  firstAttempt?: boolean;
  result: { mrn?: string; status?: string };
}

describe('concurrency: 200 declarations against a guarantee covering 150 (rule 18)', function () {
  this.timeout(110_000);
  let network: NetworkFile;

  before(async () => {
    network = await networkUnderTest();
  });

  it('accepts exactly 150, rejects 50 with INSUFFICIENT_GUARANTEE, ends at zero, and commits most at the first attempt', async () => {
    const grn = newGrn();
    await issueGuarantee(ApiClient.as(network, 'GuarantorPool:guarantor1'), grn, { amount: String(AMOUNT * BigInt(COVERED)) });
    const trader = ApiClient.as(network, 'CustomsAZ:trader1');
    const bodies = Array.from({ length: TOTAL }, () => declaration(grn, {}, String(AMOUNT)));

    const t0 = performance.now();
    const outcomes = await Promise.all(
      bodies.map((body) =>
        trader.request<SubmitAnswer>('POST', '/movements', { body, waitSeconds: 100 }).then(
          (r) => ({ ok: true as const, r }),
          (e: unknown) => ({ ok: false as const, e }),
        ),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;

    const accepted = outcomes.filter((o) => o.ok && o.r.state === 'COMMITTED');
    const rejected = outcomes.filter((o) => !o.ok);
    const other = outcomes.filter((o) => o.ok && o.r.state !== 'COMMITTED');
    const codes = rejected.map((o) => (o.e instanceof ApiError ? o.e.code : String(o.e)));
    const firstAttempt = accepted.filter((o) => o.ok && o.r.firstAttempt === true).length;
    const share = accepted.length ? firstAttempt / accepted.length : 0;
    const noRetry = accepted.filter((o) => o.ok && o.r.firstAttempt === true && !o.r.endorsementRetries).length;
    console.log(
      `      ${TOTAL} declarations in ${seconds.toFixed(1)} s: ${accepted.length} accepted, ${rejected.length} rejected; ` +
        `committed at the first attempt ${firstAttempt}/${accepted.length} = ${(share * 100).toFixed(1)} %; ` +
        `without any retry (endorsement included) ${noRetry}/${accepted.length} = ${((noRetry / Math.max(1, accepted.length)) * 100).toFixed(1)} %`,
    );

    expect(other, 'every answer is final (no PENDING)').to.have.length(0);
    expect([...new Set(codes)], 'the only rejection is INSUFFICIENT_GUARANTEE').to.deep.equal(['INSUFFICIENT_GUARANTEE']);
    expect(accepted).to.have.length(COVERED);
    expect(rejected).to.have.length(TOTAL - COVERED);
    expect(new Set(accepted.map((o) => o.ok && o.r.result.mrn)).size).to.equal(COVERED);

    // The outcome from the ledger itself, not from the answers.
    const b = await balanceOf(ApiClient.as(network, 'GuarantorPool:guarantor1'), grn);
    expect(b.available).to.equal('0');
    expect(b.reserved).to.equal(String(AMOUNT * BigInt(COVERED)));
    expect(b.reservations.filter((r) => r.status === 'ACTIVE')).to.have.length(COVERED);

    // Gateway metrics agree with the records.
    const metrics = await (await fetch(`${network.organisations.find((o) => o.name === 'CustomsAZ')!.gateway.url}/metrics`)).text();
    expect(metrics).to.match(/cats_submit_commits_total\{endorsement_retried="(true|false)",first_attempt="true",transaction="movement:Declare"\} \d+/);
    expect(share, 'share committed at the first attempt').to.be.at.least(0.9);
  });
});
