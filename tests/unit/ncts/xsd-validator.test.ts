import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { decodeXmlBytes } from '../../../gateway/src/ncts/xml-bytes';
import { assertValidXml, closeValidator, validateXml } from '../../../gateway/src/ncts/xsd-validator';
import { bundleSchema } from '../../../gateway/src/ncts/xsd-bundle';
import { xsdDir } from '../../../gateway/src/ncts/paths';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { sample, sampleNames } from './helpers';

// ie029-release-example.xml (a customs-to-trader message from the test pack) does not validate against
// cc029c.xsd v51.8.6, with the full original schema as with the bundle: these are its three errors.
const IE029_SAMPLE_ERRORS = ['declarationAcceptanceDate', 'specificCircumstanceIndicator', 'typeOfIdentification'];

describe('NCTS XSD validation', function () {
  this.timeout(30_000);
  after(closeValidator);

  for (const name of sampleNames().filter((n) => n !== 'ie029-release-example.xml')) {
    it(`sample ${name} validates against its own XSD`, async () => {
      const r = await validateXml(sample(name));
      expect(r.errors).to.deep.equal([]);
      expect(r.valid).to.equal(true);
    });
  }

  it('the test-pack IE029 sample has exactly its three known schema errors', async () => {
    const r = await validateXml(sample('ie029-release-example.xml'));
    expect(r.valid).to.equal(false);
    expect(r.failure).to.equal('SCHEMA_INVALID');
    expect(r.errors.map((e) => e.element)).to.deep.equal(IE029_SAMPLE_ERRORS);
    expect(r.errors.map((e) => e.line)).to.deep.equal([14, 19, 149]);
  });

  it('names the element, its path and the line of an XSD error in an IE015', async () => {
    const xml = sample('ie015-normal-t1.xml').replace('<LRN>LRN2025031000001</LRN>', '<LRN>LRN-MUCH-TOO-LONG-FOR-NCTS-2025</LRN>');
    const r = await validateXml(xml);
    expect(r.valid).to.equal(false);
    expect(r.failure).to.equal('SCHEMA_INVALID');
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]).to.include({ line: 8, element: 'LRN', path: '/CC015C/TransitOperation/LRN' });
    expect(r.errors[0].message).to.match(/maxLength/);
  });

  it('reports a missing mandatory element and an element out of order', async () => {
    const xml = sample('ie015-normal-t1.xml').replace(/\s*<declarationType>T1<\/declarationType>/, '');
    const r = await validateXml(xml);
    expect(r.failure).to.equal('SCHEMA_INVALID');
    expect(r.errors[0].element).to.equal('additionalDeclarationType');
    expect(r.errors[0].message).to.match(/declarationType/);
    expect(r.errors[0].line).to.equal(9);
  });

  it('gives line and column for malformed XML before any schema work', async () => {
    const xml = sample('ie015-normal-t1.xml').replace('</LRN>', '</LRM>');
    const r = await validateXml(xml);
    expect(r.failure).to.equal('NOT_WELL_FORMED');
    expect(r.errors[0].line).to.equal(8);
    expect(r.errors[0].column).to.be.a('number');
    expect(r.errors[0].message).to.match(/LRN/);
  });

  it('lets libxml2 catch what the quick check misses (undefined entity), with the line', async () => {
    const xml = sample('ie014-cancellation.xml').replace('X Boxes of Wheat', 'X Boxes &wheat;');
    const r = await validateXml(xml);
    expect(r.valid).to.equal(false);
    expect(r.failure).to.equal('NOT_WELL_FORMED');
    expect(r.errors[0].line).to.equal(13);
    expect(r.errors[0].message).to.match(/wheat/);
  });

  it('refuses a DOCTYPE with entities (XXE, billion laughs) before parsing', async () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n' + sample('ie014-cancellation.xml').replace('X Boxes', '&e;');
    const r = await validateXml(xxe);
    expect(r.failure).to.equal('REFUSED');
    expect(r.errors[0]).to.include({ line: 2, column: 1 });
    expect(r.errors[0].message).to.match(/<!DOCTYPE is not accepted/);
    const lol = '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">' + sample('ie014-cancellation.xml');
    expect((await validateXml(lol)).errors[0].message).to.match(/<!ENTITY is not accepted/);
  });

  it('refuses a BOM, a non-UTF-8 declaration and UTF-16 read as text', async () => {
    const xml = sample('ie014-cancellation.xml');
    expect((await validateXml('\uFEFF' + xml)).errors[0].message).to.match(/byte order mark/);
    expect((await validateXml('<?xml version="1.0" encoding="UTF-16"?>\n' + xml)).errors[0].message).to.match(/only UTF-8/);
    const utf16AsLatin1 = Buffer.from(xml, 'utf16le').toString('latin1');
    expect((await validateXml(utf16AsLatin1)).errors[0].message).to.match(/UTF-16/);
  });

  it('decodes UTF-8 bytes and refuses BOMs, UTF-16 and invalid UTF-8 with a clear error', () => {
    const xml = sample('cats-ie015-ge-az-wine.xml');
    expect(decodeXmlBytes(Buffer.from(xml, 'utf8'))).to.equal(xml);
    const refused = (bytes: Buffer): string => {
      try {
        decodeXmlBytes(bytes);
      } catch (e) {
        expect(e).to.be.instanceOf(CatsError);
        expect((e as CatsError).code).to.equal('UNSUPPORTED_MEDIA_TYPE');
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]))).to.match(/UTF-8 byte order mark/);
    expect(refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]))).to.match(/UTF-16LE byte order mark/);
    expect(refused(Buffer.from(xml, 'utf16le'))).to.match(/UTF-16/);
    expect(refused(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]))).to.match(/not valid UTF-8/);
  });

  it('rejects a message type it has no schema for, and a type other than the one expected', async () => {
    const other = await validateXml('<ncts:CC999C xmlns:ncts="http://ncts.dgtaxud.ec"/>');
    expect(other.failure).to.equal('UNKNOWN_MESSAGE_TYPE');
    const wrong = await validateXml(sample('ie014-cancellation.xml'), 'CC015C');
    expect(wrong.failure).to.equal('UNKNOWN_MESSAGE_TYPE');
    expect(wrong.errors[0].message).to.match(/expected a CC015C message, got CC014C/);
  });

  it('assertValidXml throws coded errors', async () => {
    expect(await assertValidXml(sample('ie007-arrival-normal.xml'))).to.equal('CC007C');
    try {
      await assertValidXml(sample('ie015-normal-t1.xml').replace('<security>0', '<security>X'));
      expect.fail('no error');
    } catch (e) {
      expect((e as CatsError).code).to.equal('XML_SCHEMA_INVALID');
      expect((e as CatsError).message).to.match(/line 11, element security/);
    }
  });

  it('validates several messages at once (batched) and keeps each verdict apart', async () => {
    const good = sample('ie015-security.xml');
    const bad = good.replace('<security>1</security>', '<security>9x</security>');
    const results = await Promise.all([good, bad, good, bad, good].map((x) => validateXml(x)));
    expect(results.map((r) => r.valid)).to.deep.equal([true, false, true, false, true]);
    expect(results[1].errors[0].element).to.equal('security');
  });

  it('is fast enough per request (reports ms per validation)', async () => {
    const xml = sample('cats-ie015-uz-tm-az-ge-cotton-yarn.xml');
    await validateXml(xml); // warm-up: schema bundle and worker
    const n = 40;
    let t = performance.now();
    for (let i = 0; i < n; i++) await validateXml(xml);
    const sequential = (performance.now() - t) / n;
    t = performance.now();
    await Promise.all(Array.from({ length: n }, () => validateXml(xml)));
    const concurrent = (performance.now() - t) / n;
    console.log(`      IE015 validation: ${sequential.toFixed(1)} ms sequential, ${concurrent.toFixed(1)} ms each under ${n} concurrent requests`);
    expect(sequential).to.be.below(100);
  });

  describe('schema bundle', () => {
    // The bundle keeps only reachable definitions without annotations; it must judge exactly like the
    // original schema files. Compared with xmllint-wasm's own API on the full schema (slow, so few cases).
    const dir = xsdDir();
    const includes = ['ctypes.xsd', 'htypes.xsd', 'stypes.xsd', 'doc.xsd', 'tcl.xsd', 'include-files/custom_ctypes.xsd'].map((f) => ({
      fileName: f,
      contents: readFileSync(path.join(dir, f), 'utf8'),
    }));
    const full = async (type: string, xml: string): Promise<string[]> => {
      const r = await validateXML({
        xml: { fileName: 'm.xml', contents: xml },
        schema: [{ fileName: `${type.toLowerCase()}.xsd`, contents: readFileSync(path.join(dir, `${type.toLowerCase()}.xsd`), 'utf8') }],
        preload: includes,
        maxMemoryPages: 4096,
      });
      return r.errors.map((e) => `${e.loc?.lineNumber}: ${e.message.replace(/^Schemas validity error : /, '')}`);
    };
    const cases: [string, string][] = [
      ['CC015C', sample('cats-ie015-az-ge-hazelnuts.xml').replace('<grossMass>20640.000</grossMass>', '<grossMass>-1</grossMass>').replace('<currency>USD</currency>', '<currency>usd1</currency>')],
      ['CC029C', sample('ie029-release-example.xml')],
      ['CC044C', sample('ie044-unloading-remarks.xml').replace('<conform>1</conform>', '<conform>yes</conform>')],
    ];
    for (const [type, xml] of cases) {
      it(`judges an invalid ${type} exactly like the full schema`, async () => {
        const expected = await full(type, xml);
        const r = await validateXml(xml);
        expect(expected.length).to.be.greaterThan(0);
        expect(r.errors.map((e) => `${e.line}: ${e.message}`)).to.deep.equal(expected);
      });
    }

    it('is much smaller than the schema files', () => {
      const bundle = bundleSchema(path.join(dir, 'cc015c.xsd'), 'CC015C');
      expect(bundle.length).to.be.below(100_000);
      expect(bundle).to.not.include('xs:annotation');
      expect(bundle).to.not.include('xs:include');
    });
  });
});
