// The installed command itself: node client/bin/cats.js, from the build (npm run build). None of these
// cases needs a running network.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { layout } from '../../../network/src/layout';
import { fakeNetwork } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'client', 'bin', 'cats.js');
const BUILT = path.join(ROOT, 'dist', 'client', 'src', 'cli', 'main.js');

function cats(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cats binary (node client/bin/cats.js)', function () {
  this.timeout(30_000);
  const profile = `cli-test-${process.pid}`;

  before(function () {
    if (!fs.existsSync(BUILT)) this.skip(); // needs `npm run build`
    const file = layout(profile).networkFile;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(fakeNetwork()));
  });

  after(() => {
    fs.rmSync(layout(profile).state, { recursive: true, force: true });
  });

  it('stops quietly when its reader goes away (cats … | head): exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line is written
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).to.equal('');
    expect(status).to.equal(0);
  });

  it('--help prints the commands and exits 0', () => {
    const r = cats('--help');
    expect(r.status).to.equal(0);
    expect(r.stdout).to.contain('Usage: cats <command>').and.contain('declare').and.contain('audit verify');
    expect(r.stderr).to.equal('');
  });

  it('an unknown command exits 2 with one line on stderr', () => {
    const r = cats('teleport', 'now');
    expect(r.status).to.equal(2);
    expect(r.stderr.trimEnd().split('\n')).to.deep.equal(["cats: error: UNKNOWN_COMMAND: unknown command 'teleport' (try `cats --help`)"]);
  });

  it('token with an unknown identity exits 2 (malformed, or not enrolled)', () => {
    let r = cats('token', '--as', 'nobody', '--network', profile);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.match(/^cats: error: USAGE: unknown identity 'nobody'/);
    r = cats('token', '--as', 'CustomsAZ:ghost', '--network', profile);
    expect(r.status).to.equal(2);
    expect(r.stderr.trimEnd().split('\n')).to.have.length(1);
    expect(r.stderr).to.match(/^cats: error: UNKNOWN_IDENTITY: unknown user 'ghost' in CustomsAZ/);
    expect(r.stdout).to.equal('');
  });

  it('status with a profile that does not exist exits 3', () => {
    const r = cats('status', '--network', `no-such-profile-${process.pid}`);
    expect(r.status).to.equal(3);
    expect(r.stderr.trimEnd().split('\n')).to.have.length(1);
    expect(r.stderr).to.match(/^cats: error: NETWORK_UNAVAILABLE: no network 'no-such-profile-\d+' is set up/);
  });
});
