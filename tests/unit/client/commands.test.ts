import { expect } from 'chai';
import { ApiError, NetworkUnavailable } from '../../../client/src/api-client';
import { COMMANDS } from '../../../client/src/cli/commands';
import { summariseHealth } from '../../../client/src/cli/operations';
import { run } from '../../../client/src/cli/main';
import { fakeEnv } from './helpers';

const MRN = '25AZ5Q7Y2ZLOT9V2J0';

describe('cats commands (fake gateway)', () => {
  it('prints the general help with every command and the exit codes', async () => {
    const env = fakeEnv();
    expect(await run(['--help'], env)).to.equal(0);
    const text = env.stdout.join('\n');
    for (const c of COMMANDS) expect(text, c.name).to.contain(`  ${c.name} `);
    expect(text).to.contain('Exit codes:');
    expect(text).to.contain('--network <profile>');
    expect(env.stderr).to.deep.equal([]);
  });

  it('prints a command help, a group help and `help <command>`', async () => {
    let env = fakeEnv();
    expect(await run(['control-results', '--help'], env)).to.equal(0);
    expect(env.stdout[0]).to.match(/^cats control-results — /);
    expect(env.stdout.join('\n')).to.contain('--code <code>').and.contain('--office <code>').and.contain('Usage: cats control-results <MRN>');
    env = fakeEnv();
    expect(await run(['guarantee', '--help'], env)).to.equal(0);
    expect(env.stdout.join('\n')).to.contain('guarantee balance');
    env = fakeEnv();
    expect(await run(['help', 'audit', 'verify'], env)).to.equal(0);
    expect(env.stdout.join('\n')).to.contain('--from <n>');
    expect(env.requests).to.have.length(0);
  });

  it('gives exit 2 and one stderr line for usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [[], /no command/],
      [['frobnicate'], /UNKNOWN_COMMAND: unknown command 'frobnicate'/],
      [['guarantee', 'steal'], /UNKNOWN_COMMAND/],
      [['guarantee'], /needs a command/],
      [['release', MRN, '--as', 'CustomsAZ:officer1', '--frob'], /unknown option --frob/],
      [['release', MRN, '--as', 'CustomsAZ:officer1', '--code', 'A1'], /has no option --code/],
      [['release', '--office', 'AZ000600', '--as', 'CustomsAZ:officer1'], /missing argument <MRN>/],
      [['release', MRN, '--as', 'CustomsAZ:officer1'], /missing option --office/],
      [['release', MRN, '--office', 'AZ000600'], /missing option --as/],
      [['release', 'NOTANMRN', '--office', 'AZ000600', '--as', 'CustomsAZ:officer1'], /INVALID_IDENTIFIER/],
      [['release', MRN, '--office', 'AZ000600', '--as', 'CustomsAZ:nobody'], /UNKNOWN_IDENTITY: unknown user 'nobody' in CustomsAZ/],
      [['release', MRN, '--office', 'AZ000600', '--as', 'Atlantis:x'], /UNKNOWN_IDENTITY: unknown organisation 'Atlantis'/],
      [['control-results', MRN, '--office', 'AZ000600', '--as', 'CustomsAZ:officer1'], /missing option --code/],
      [['movements', '--status', 'FLYING', '--as', 'CustomsAZ:officer1'], /--status/],
      [['declare', '/nonexistent/file.xml', '--as', 'CustomsAZ:trader1'], /FILE_NOT_FOUND/],
      [['movement', MRN, 'extra', '--as', 'CustomsAZ:officer1'], /unexpected argument 'extra'/],
    ];
    for (const [argv, re] of cases) {
      const env = fakeEnv();
      expect(await run(argv, env), argv.join(' ')).to.equal(2);
      expect(env.stderr, argv.join(' ')).to.have.length(1);
      expect(env.stderr[0], argv.join(' ')).to.match(/^cats: error: /).and.match(re);
      expect(env.requests, argv.join(' ')).to.have.length(0);
    }
  });

  it('sends a movement action as the chosen user, with its fields', async () => {
    const env = fakeEnv();
    expect(await run(['control-results', MRN, '--office', 'GE000600', '--code', 'A1', '--as', 'CustomsAZ:officer1'], env)).to.equal(0);
    expect(env.requests).to.have.length(1);
    const [r] = env.requests;
    expect(r).to.include({ org: 'CustomsAZ', user: 'officer1', method: 'POST', path: `/movements/${MRN}/control-results` });
    expect(r!.opts.body).to.deep.equal({ office: 'GE000600', code: 'A1' });
    expect(r!.opts.waitSeconds).to.equal(60);
    expect(env.stdout[0]).to.contain('control-results').and.contain(MRN).and.contain('RELEASED');
  });

  it('maps command names to gateway actions (arrive → arrival, resolve → discrepancies-resolved, unloading → unloading-permission)', async () => {
    for (const [cmd, action, extra] of [
      ['arrive', 'arrival', []],
      ['unloading', 'unloading-permission', []],
      ['resolve', 'discrepancies-resolved', ['--resolution', 'found']],
      ['write-off', 'write-off', []],
      ['cross', 'cross', []],
    ] as [string, string, string[]][]) {
      const env = fakeEnv();
      expect(await run([cmd, MRN, '--office', 'AZ000600', ...extra, '--as', 'CustomsAZ:officer1'], env), cmd).to.equal(0);
      expect(env.requests[0]!.path).to.equal(`/movements/${MRN}/${action}`);
    }
  });

  it('prints JSON with --json', async () => {
    const env = fakeEnv(() => ({ items: [{ mrn: MRN, status: 'RELEASED', offices: ['AZ000600'] }], nextCursor: null }));
    expect(await run(['movements', '--status', 'released', '--office', 'AZ000600', '--as', 'CustomsAZ:officer1', '--json'], env)).to.equal(0);
    expect(env.requests[0]!.path).to.equal('/movements?status=RELEASED&office=AZ000600');
    expect(JSON.parse(env.stdout.join('\n')).items[0].mrn).to.equal(MRN);
  });

  it('shows a movement timeline in human form', async () => {
    const env = fakeEnv(() => ({
      movement: { mrn: MRN, status: 'WRITTEN_OFF', lrn: 'L1', officeOfDeparture: 'AZ000600' },
      timeline: [{ txId: 'abcdef0123456789', timestamp: '2025-03-10T10:00:00Z', status: 'ACCEPTED', office: 'AZ000600', actor: { mspId: 'CustomsAZMSP' } }],
      messages: [],
    }));
    expect(await run(['movement', MRN, '--as', 'CustomsAZ:officer1'], env)).to.equal(0);
    const text = env.stdout.join('\n');
    expect(text).to.contain(`Movement ${MRN}  WRITTEN_OFF`).and.contain('ACCEPTED').and.contain('CustomsAZMSP');
  });

  it('exits 1 on a business rejection, with the gateway code on one line', async () => {
    const env = fakeEnv(() => {
      throw new ApiError(404, 'UNKNOWN_MOVEMENT', `mrn: no movement ${MRN}`);
    });
    expect(await run(['movement', MRN, '--as', 'CustomsAZ:officer1'], env)).to.equal(1);
    expect(env.stderr).to.deep.equal([`cats: error: UNKNOWN_MOVEMENT: mrn: no movement ${MRN}`]);
  });

  it('exits 3 when the gateway is down, answers 503, or no network is set up', async () => {
    let env = fakeEnv(() => {
      throw new NetworkUnavailable('the gateway of CustomsAZ is not reachable');
    });
    expect(await run(['offices', '--as', 'CustomsAZ:officer1'], env)).to.equal(3);
    expect(env.stderr[0]).to.match(/^cats: error: NETWORK_UNAVAILABLE: /);
    env = fakeEnv(() => {
      throw new ApiError(503, 'NETWORK_UNAVAILABLE', 'peer down');
    });
    expect(await run(['countries', '--as', 'CustomsAZ:officer1'], env)).to.equal(3);
    env = fakeEnv(undefined, new NetworkUnavailable("no network 'nope' is set up"));
    expect(await run(['status', '--network', 'nope'], env)).to.equal(3);
    expect(env.stderr).to.deep.equal(["cats: error: NETWORK_UNAVAILABLE: no network 'nope' is set up"]);
  });

  it('declares a JSON file with access codes beside it, and an XML file as XML', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-decl-'));
    try {
      fs.writeFileSync(path.join(dir, 'd.json'), JSON.stringify({ lrn: 'L1' }));
      fs.writeFileSync(path.join(dir, 'd.xml'), '<?xml version="1.0"?><CC015C><GRN>25AZ0000000000715</GRN></CC015C>');
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
      let env = fakeEnv(() => ({ state: 'COMMITTED', result: { mrn: MRN, status: 'ACCEPTED' } }));
      expect(await run(['declare', path.join(dir, 'd.json'), '--access-code', '25AZ0000000000715=7K2Q', '--as', 'CustomsAZ:trader1'], env)).to.equal(0);
      expect(env.requests[0]!.opts.body).to.deep.equal({ lrn: 'L1', accessCodes: { '25AZ0000000000715': '7K2Q' } });
      expect(env.stdout[0]).to.equal(`declared ${MRN} → ACCEPTED`);
      env = fakeEnv(() => ({ state: 'COMMITTED', result: { mrn: MRN, status: 'ACCEPTED' } }));
      expect(await run(['declare', path.join(dir, 'd.xml'), '--as', 'CustomsAZ:trader1'], env)).to.equal(0);
      expect(env.requests[0]!.opts.xml).to.contain('<CC015C>');
      env = fakeEnv();
      expect(await run(['declare', path.join(dir, 'notes.txt'), '--as', 'CustomsAZ:trader1'], env)).to.equal(2);
      expect(env.stderr).to.have.length(1);
      expect(env.stderr[0]).to.match(/^cats: error: UNSUPPORTED_FILE: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends the guarantee amount in minor units and the access code in the body', async () => {
    let env = fakeEnv();
    const argv = ['guarantee', 'issue', '25AZ0000000000715', '--holder', 'AZ1700123451', '--amount', '100000.00', '--currency', 'USD', '--countries', 'az,ge', '--valid-from', '2025-01-01', '--valid-to', '2030-12-31', '--access-code', '7K2Q', '--as', 'GuarantorPool:guarantor1'];
    expect(await run(argv, env)).to.equal(0);
    expect(env.requests[0]!.path).to.equal('/guarantees');
    expect(env.requests[0]!.opts.body).to.deep.equal({
      grn: '25AZ0000000000715', type: '1', holderId: 'AZ1700123451', referenceAmount: { amount: '10000000', currency: 'USD' },
      countries: ['AZ', 'GE'], validFrom: '2025-01-01', validTo: '2030-12-31', accessCode: '7K2Q',
    });
    env = fakeEnv(() => ({ referenceAmount: '10000000', reserved: '3850000', available: '6150000', currency: 'USD' }));
    expect(await run(['guarantee', 'balance', '25AZ0000000000715', '--access-code', '7K2Q', '--as', 'CustomsAZ:trader1'], env)).to.equal(0);
    expect(env.requests[0]!.opts.body).to.deep.equal({ accessCode: '7K2Q' });
    expect(env.stdout.join('\n')).to.contain('100,000.00 USD').and.contain('38,500.00 USD').and.contain('61,500.00 USD');
  });

  it('raises, contests and pays claims on the guarantee routes, with the amount in minor units', async () => {
    let env = fakeEnv();
    const hash = 'a'.repeat(64);
    expect(await run(['claim', 'raise', '25AZ0000000000715', MRN, '--office', 'AZ000600', '--amount', '38500.00', '--currency', 'USD', '--evidence-hash', hash, '--as', 'CustomsAZ:officer1'], env)).to.equal(0);
    expect(env.requests[0]!.path).to.equal('/guarantees/25AZ0000000000715/claims');
    expect(env.requests[0]!.opts.body).to.deep.equal({ mrn: MRN, office: 'AZ000600', amount: '3850000', evidenceHash: hash });
    env = fakeEnv();
    expect(await run(['claim', 'contest', '25AZ0000000000715', MRN, '--as', 'GuarantorPool:guarantor1'], env)).to.equal(2);
    expect(env.stderr.join('\n')).to.contain('--reason');
    env = fakeEnv();
    expect(await run(['claim', 'pay', '25AZ0000000000715', MRN, '--as', 'GuarantorPool:guarantor1'], env)).to.equal(0);
    expect(env.requests[0]!.path).to.equal(`/guarantees/25AZ0000000000715/claims/${MRN}/pay`);
    env = fakeEnv();
    expect(await run(['claim', 'raise', '25AZ0000000000715', MRN, '--office', 'AZ000600', '--amount', '1.00', '--currency', 'USD', '--evidence-hash', 'xyz', '--as', 'CustomsAZ:officer1'], env)).to.equal(2);
    expect(env.requests).to.have.length(0);
  });

  it('asks for the audit block range and exits 1 when a block does not verify', async () => {
    const env = fakeEnv(() => ({ from: '3', to: '4', valid: false, blocks: [{ number: '3', valid: true }, { number: '4', valid: false }] }));
    expect(await run(['audit', 'verify', '--from', '3', '--to', '4', '--as', 'Auditor:auditor1'], env)).to.equal(2); // unknown org in the fake network
    const env2 = fakeEnv(() => ({ from: '3', to: '4', valid: false, blocks: [{ number: '3', valid: true }, { number: '4', valid: false }] }));
    expect(await run(['audit', 'verify', '--from', '3', '--to', '4', '--as', 'CustomsAZ:officer1'], env2)).to.equal(1);
    expect(env2.requests[0]!.path).to.equal('/audit/blocks?from=3&to=4');
    expect(env2.stdout.join('\n')).to.contain('1 INVALID (4)');
  });

  it('reports status per organisation and exits 3 when a gateway is unreachable', async () => {
    const env = fakeEnv();
    expect(await run(['status'], env)).to.equal(3);
    expect(env.stdout.join('\n')).to.contain('NOT READY').and.contain('CustomsAZ').and.contain('unreachable');
    expect(summariseHealth(200, { status: 'ready', peer: { reachable: true }, index: { ledgerHeight: '42', lagBlocks: 0 } })).to.deep.equal({ status: 'ready', peerReachable: true, ledgerHeight: '42', indexLagBlocks: 0 });
    expect(summariseHealth(503, undefined)).to.deep.equal({ status: 'HTTP 503', peerReachable: null, ledgerHeight: null, indexLagBlocks: null });
  });
});
