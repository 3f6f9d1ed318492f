// A port already in use is reported with the port and what holds it, before anything starts.
import { expect } from 'chai';
import net from 'node:net';
import { checkPorts } from '../../../network/src/network';
import { layout } from '../../../network/src/layout';
import { DEFAULT_ORGS, orgPorts } from '../../../network/src/topology';

describe('port check before start', () => {
  const base = 27000; // a base no profile uses (profiles are 7000, 17000, 20000, 23000, 26000, 29000)
  let server: net.Server;

  before((done) => {
    server = net.createServer().listen(orgPorts(base, 1).peer, '127.0.0.1', done);
  });
  after((done) => {
    server.close(() => done());
  });

  it('names the busy port, what it was planned for and the process holding it', async () => {
    const err = await checkPorts(layout('unit-ports'), DEFAULT_ORGS, base).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err, 'expected a port clash to be reported').to.be.instanceOf(Error);
    expect(err!.message).to.contain(`port ${orgPorts(base, 1).peer}`);
    expect(err!.message).to.contain('peer-CustomsGE');
    expect(err!.message).to.contain(`PID ${process.pid}`);
  });

  it('passes when every planned port is free', async () => {
    await checkPorts(layout('unit-ports'), DEFAULT_ORGS, base + 1000);
  });
});
