import { expect } from 'chai';
import { GLOBAL_OPTIONS, Opts, parseArgv, parseIdentity, type OptionSpec } from '../../../client/src/cli/args';
import { allOptionSpecs } from '../../../client/src/cli/commands';
import { UsageError } from '../../../client/src/cli/errors';

const specs: OptionSpec[] = [
  ...GLOBAL_OPTIONS,
  { name: 'office', type: 'string', description: '' },
  { name: 'access-code', type: 'list', description: '' },
];

function usage(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('no usage error');
}

describe('cats argv parsing', () => {
  it('splits positionals and options, in any order', () => {
    const p = parseArgv(['release', '--office', 'AZ000600', '25AZ5Q7Y2ZLOT9V2J0', '--as=CustomsAZ:officer1', '--json'], specs);
    expect(p.positionals).to.deep.equal(['release', '25AZ5Q7Y2ZLOT9V2J0']);
    expect(p.options).to.deep.equal({ office: 'AZ000600', as: 'CustomsAZ:officer1', json: true });
  });

  it('collects a list option given several times', () => {
    const p = parseArgv(['declare', 'f.json', '--access-code', 'A=1', '--access-code=B=2'], specs);
    expect(p.options['access-code']).to.deep.equal(['A=1', 'B=2']);
  });

  it('treats everything after -- as positional and -h as --help', () => {
    const p = parseArgv(['-h', '--', '--json', 'x'], specs);
    expect(p.options).to.deep.equal({ help: true });
    expect(p.positionals).to.deep.equal(['--json', 'x']);
  });

  it('refuses unknown options, missing values, repeated strings and values on flags', () => {
    expect(usage(() => parseArgv(['--frob'], specs)).message).to.contain('--frob');
    expect(usage(() => parseArgv(['-x'], specs)).message).to.contain('-x');
    expect(usage(() => parseArgv(['release', '--office'], specs)).message).to.contain('needs a value');
    expect(usage(() => parseArgv(['--office', '--json'], specs)).message).to.contain('needs a value');
    expect(usage(() => parseArgv(['--office', 'A', '--office', 'B'], specs)).message).to.contain('twice');
    expect(usage(() => parseArgv(['--json=yes'], specs)).message).to.contain('no value');
  });

  it('reads typed values', () => {
    const o = new Opts({ from: '12', json: true, office: 'X', codes: ['a'] });
    expect(o.int('from')).to.equal(12);
    expect(o.flag('json')).to.equal(true);
    expect(o.flag('office')).to.equal(false);
    expect(o.list('codes')).to.deep.equal(['a']);
    expect(o.list('office')).to.deep.equal(['X']);
    expect(o.required('office')).to.equal('X');
    expect(usage(() => o.required('reason')).message).to.contain('--reason');
    expect(usage(() => new Opts({ from: '-1' }).int('from')).message).to.contain('integer');
  });

  it('parses an identity Org:user and refuses anything else as a usage error', () => {
    expect(parseIdentity('CustomsAZ:officer1')).to.deep.equal({ org: 'CustomsAZ', user: 'officer1' });
    expect(usage(() => parseIdentity(undefined)).message).to.contain('--as');
    for (const bad of ['CustomsAZ', ':x', 'CustomsAZ:', 'a:b:c', 'Customs AZ:x']) expect(() => parseIdentity(bad), bad).to.throw(UsageError);
  });

  it('gives each option name one type over all commands', () => {
    const all = allOptionSpecs();
    expect(all.map((s) => s.name)).to.include.members(['as', 'json', 'network', 'help', 'office', 'code', 'access-code', 'from', 'to']);
    expect(new Set(all.map((s) => s.name)).size).to.equal(all.length);
  });
});
