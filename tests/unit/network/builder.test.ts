// The project's own chaincode-as-a-service external builder, run as the peer runs it.
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILDER_DIR } from '../../../network/src/layout';

const script = (name: string) => path.join(BUILDER_DIR, 'bin', name);

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cats-builder-'));
}

describe('external builder (ccaas)', () => {
  it('detect claims a ccaas package and nothing else', () => {
    const meta = tmp();
    fs.writeFileSync(path.join(meta, 'metadata.json'), JSON.stringify({ type: 'ccaas', label: 'cats_1.0' }));
    expect(spawnSync(script('detect'), ['/nonexistent', meta]).status).to.equal(0);
    fs.writeFileSync(path.join(meta, 'metadata.json'), JSON.stringify({ type: 'node', label: 'cats_1.0' }));
    expect(spawnSync(script('detect'), ['/nonexistent', meta]).status).to.not.equal(0);
    expect(spawnSync(script('detect'), ['/nonexistent', tmp()]).status).to.not.equal(0);
  });

  it('build copies connection.json out of the package and release puts it where the peer dials', () => {
    const src = tmp();
    const out = tmp();
    const rel = tmp();
    const connection = { address: '127.0.0.1:7104', dial_timeout: '10s', tls_required: false };
    fs.writeFileSync(path.join(src, 'connection.json'), JSON.stringify(connection));
    execFileSync(script('build'), [src, tmp(), out]);
    execFileSync(script('release'), [out, rel]);
    const released = JSON.parse(fs.readFileSync(path.join(rel, 'chaincode', 'server', 'connection.json'), 'utf8'));
    expect(released).to.deep.equal(connection);
  });

  it('build fails with a message when the package has no connection.json', () => {
    const res = spawnSync(script('build'), [tmp(), tmp(), tmp()], { encoding: 'utf8' });
    expect(res.status).to.not.equal(0);
    expect(res.stderr).to.contain('connection.json missing');
  });
});
