import { expect } from 'chai';
import { configtx } from '../../../network/src/channel-config';
import { DEFAULT_ORGS, PROFILES, ordererPorts, orgPorts } from '../../../network/src/topology';

function allPorts(base: number): number[] {
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) ports.push(...Object.values(ordererPorts(base, i)));
  for (let slot = 0; slot < 10; slot++) ports.push(...Object.values(orgPorts(base, slot)));
  return ports;
}

describe('port plan', () => {
  it('gives every listener of every slot its own port, within each profile and across profiles', () => {
    const all = Object.values(PROFILES).flatMap((p) => allPorts(p.basePort));
    expect(new Set(all).size).to.equal(all.length);
    expect(Math.max(...all)).to.be.below(65536);
  });
});

describe('channel configuration', () => {
  const cfg = configtx('/crypto', DEFAULT_ORGS, 7000, { timeout: '100ms', maxMessageCount: 200 }) as any;
  const profile = cfg.Profiles.TransitChannel;

  it('uses MAJORITY for Admins, LifecycleEndorsement and Endorsement', () => {
    expect(profile.Application.Policies.Admins.Rule).to.equal('MAJORITY Admins');
    expect(profile.Application.Policies.LifecycleEndorsement.Rule).to.equal('MAJORITY Endorsement');
    expect(profile.Application.Policies.Endorsement.Rule).to.equal('MAJORITY Endorsement');
    expect(profile.Policies.Admins.Rule).to.equal('MAJORITY Admins');
  });

  it('has three Raft consenters, one per customs administration, all on 127.0.0.1', () => {
    expect(profile.Orderer.OrdererType).to.equal('etcdraft');
    expect(profile.Orderer.EtcdRaft.Consenters).to.have.length(3);
    for (const c of profile.Orderer.EtcdRaft.Consenters) expect(c.Host).to.equal('127.0.0.1');
  });

  it('lets Readers propose (the auditor reads through its peer) while writing stays with Writers', () => {
    expect(profile.Application.ACLs['peer/Propose']).to.equal('/Channel/Application/Readers');
    expect(profile.Policies.Writers.Rule).to.equal('ANY Writers');
  });

  it('enables application capability V2_5 and keeps the auditor from writing', () => {
    expect(profile.Application.Capabilities).to.deep.equal({ V2_5: true });
    const auditor = profile.Application.Organizations.find((o: any) => o.Name === 'AuditorMSP');
    expect(auditor.Policies.Writers.Rule).to.equal("OR('AuditorMSP.admin')");
  });
});
