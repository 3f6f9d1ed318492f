import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../../../client/src/cli/errors';
import { parseDeclarationText, readDeclarationFile, sniffKind } from '../../../client/src/cli/files';
import { parseAccessCodes, withAccessCodes, xmlWithAccessCodes } from '../../../client/src/cli/movement-actions';

describe('cats declaration files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-cli-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('recognises XML and JSON by content, whatever the extension', () => {
    expect(sniffKind('<?xml version="1.0"?><CC015C/>')).to.equal('xml');
    expect(sniffKind('\uFEFF\n  <ncts:CC015C xmlns:ncts="x">')).to.equal('xml');
    expect(sniffKind('<!-- c --><a/>')).to.equal('xml');
    expect(sniffKind(' {"lrn":"X"}', 'decl.txt')).to.equal('json');
    expect(sniffKind('[1]', 'a.json')).to.equal('json');
    expect(sniffKind('[1]', 'a.txt')).to.equal(undefined);
    expect(sniffKind('# README')).to.equal(undefined);
    expect(sniffKind('< not xml')).to.equal(undefined);
    expect(sniffKind('')).to.equal(undefined);
  });

  it('parses JSON and refuses what is neither, or a JSON that is not an object', () => {
    expect(parseDeclarationText('{"lrn":"L1"}', 'd.json').json).to.deep.equal({ lrn: 'L1' });
    expect(parseDeclarationText('<CC015C/>', 'd.xml').kind).to.equal('xml');
    for (const [text, name] of [
      ['hello', 'd.xml'],
      ['{"lrn":', 'd.json'],
      ['[1,2]', 'd.json'],
    ]) {
      const e = (() => {
        try {
          parseDeclarationText(text!, name!);
        } catch (err) {
          return err;
        }
      })();
      expect(e, text).to.be.instanceOf(UsageError);
      expect((e as UsageError).code).to.equal('UNSUPPORTED_FILE');
    }
  });

  it('reads files, and refuses missing, binary and directory paths as usage errors', () => {
    fs.writeFileSync(path.join(dir, 'd.json'), '{"lrn":"L1"}');
    fs.writeFileSync(path.join(dir, 'bin.xml'), Buffer.from([0x3c, 0, 1, 2]));
    expect(readDeclarationFile(path.join(dir, 'd.json')).kind).to.equal('json');
    expect(() => readDeclarationFile(path.join(dir, 'missing.xml'))).to.throw(UsageError, /cannot be read/);
    expect(() => readDeclarationFile(path.join(dir, 'bin.xml'))).to.throw(UsageError, /binary/);
    expect(() => readDeclarationFile(dir)).to.throw(UsageError, /not a file/);
  });

  it('puts access codes beside a JSON declaration or into the IE015 guarantee reference', () => {
    const codes = parseAccessCodes(['25AZ0000000000715=7K2Q']);
    expect(codes).to.deep.equal({ '25AZ0000000000715': '7K2Q' });
    expect(() => parseAccessCodes(['7K2Q'])).to.throw(UsageError);
    expect(() => parseAccessCodes(['25AZ0000000000715=TOOLONG'])).to.throw(UsageError);
    expect(withAccessCodes({ lrn: 'L', accessCodes: { X: '1' } }, codes)).to.deep.equal({ lrn: 'L', accessCodes: { X: '1', '25AZ0000000000715': '7K2Q' } });
    const xml = '<GuaranteeReference><GRN>25AZ0000000000715</GRN>\n <amountToBeCovered>1</amountToBeCovered></GuaranteeReference>';
    expect(xmlWithAccessCodes(xml, codes)).to.contain('<GRN>25AZ0000000000715</GRN><accessCode>7K2Q</accessCode>');
    const replaced = xmlWithAccessCodes('<GRN>25AZ0000000000715</GRN> <accessCode>AAAA</accessCode>', codes);
    expect(replaced).to.equal('<GRN>25AZ0000000000715</GRN> <accessCode>7K2Q</accessCode>');
    expect(() => xmlWithAccessCodes('<GRN>OTHER</GRN>', codes)).to.throw(UsageError, /no guarantee reference/);
  });
});
