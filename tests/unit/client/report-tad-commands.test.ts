// cats tad and cats report on a fake network: what is wrong on the command line is exit 2 before any
// request; an MRN the network does not know is exit 1.
import { expect } from 'chai';
import { ApiError } from '../../../client/src/api-client';
import { periodBound } from '../../../client/src/cli/report';
import { run } from '../../../client/src/cli/main';
import { fakeEnv } from './helpers';

describe('cats tad / cats report (fake network)', () => {
  it('refuses a malformed MRN and a missing folder with exit 2, sending nothing', async () => {
    const env = fakeEnv();
    expect(await run(['tad', 'NOTANMRN', '--as', 'CustomsAZ:officer1'], env)).to.equal(2);
    expect(await run(['tad', '23GB000246NEXJ5OJ2', '--out', '/nonexistent/dir/x.pdf', '--as', 'CustomsAZ:officer1'], env)).to.equal(2);
    expect(env.requests).to.have.length(0);
    expect(env.stderr.every((l) => /^cats: error: [A-Z_]+: /.test(l))).to.equal(true);
  });

  it('exits 1 with one line for an unknown MRN', async () => {
    const env = fakeEnv(() => {
      throw new ApiError(404, 'UNKNOWN_MOVEMENT', 'mrn: movement 23GB000246NEXJ5OJ2 is not known');
    });
    expect(await run(['tad', '23GB000246NEXJ5OJ2', '--out', '/tmp/x.pdf', '--as', 'CustomsAZ:officer1'], env)).to.equal(1);
    expect(env.stderr).to.deep.equal(['cats: error: UNKNOWN_MOVEMENT: mrn: movement 23GB000246NEXJ5OJ2 is not known']);
  });

  it('checks the report period before asking the network', async () => {
    const env = fakeEnv();
    expect(await run(['report', '--to', '2025-03-31', '--as', 'CustomsAZ:officer1'], env)).to.equal(2);
    expect(await run(['report', '--from', '2025-03-31', '--to', '2025-03-01', '--as', 'CustomsAZ:officer1'], env)).to.equal(2);
    expect(await run(['report', '--from', 'March', '--to', '2025-03-01', '--as', 'CustomsAZ:officer1'], env)).to.equal(2);
    expect(env.requests).to.have.length(0);
    expect(periodBound('2025-03-01', 'from', false)).to.equal('2025-03-01T00:00:00Z');
    expect(periodBound('2025-03-31', 'to', true)).to.equal('2025-03-31T23:59:59Z');
    expect(periodBound('2025-03-31T10:00:00+04:00', 'to', true)).to.equal('2025-03-31T06:00:00Z');
  });
});
