// Console passwords: stored as scrypt$salt$hash, verified in constant time, missing files refused.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { consolePasswordPath, generateConsolePassword, verifyConsolePassword, writeConsolePassword } from '../../../network/src/console-passwords';

describe('console passwords', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-cp-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes scrypt$salt$hash (0600) and verifies only the right password', async () => {
    const userDir = path.join(dir, 'users', 'CustomsAZ', 'officer1');
    const file = await writeConsolePassword(userDir, 'correct horse');
    expect(file).to.equal(consolePasswordPath(dir, 'CustomsAZ', 'officer1'));
    const text = fs.readFileSync(file, 'utf8');
    expect(text).to.match(/^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}\n$/);
    expect(text).to.not.contain('correct horse');
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
    expect(await verifyConsolePassword(file, 'correct horse')).to.equal(true);
    expect(await verifyConsolePassword(file, 'correct horse ')).to.equal(false);
    expect(await verifyConsolePassword(path.join(dir, 'nope'), 'correct horse')).to.equal(false);
  });

  it('generates typeable passwords and refuses short ones', async () => {
    expect(generateConsolePassword()).to.match(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    let err: unknown;
    await writeConsolePassword(path.join(dir, 'x'), 'short').catch((e) => (err = e));
    expect(err).to.be.instanceOf(Error);
  });
});
