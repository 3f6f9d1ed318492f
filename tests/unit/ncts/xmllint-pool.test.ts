import { expect } from 'chai';
import * as path from 'node:path';
import { XmllintPool } from '../../../gateway/src/ncts/xmllint-pool';
import { bundleSchema } from '../../../gateway/src/ncts/xsd-bundle';
import { xsdDir } from '../../../gateway/src/ncts/paths';
import { sample } from './helpers';

describe('xmllint worker pool', function () {
  this.timeout(20_000);
  const schema = bundleSchema(path.join(xsdDir(), 'cc014c.xsd'), 'CC014C');

  it('kills a run that exceeds its time limit and fails its jobs', async () => {
    const pool = new XmllintPool({ size: 1, timeoutMs: 1 });
    pool.addSchema('CC014C', schema);
    try {
      const error = await pool.validate('CC014C', sample('ie014-cancellation.xml')).then(() => undefined, (e: Error) => e);
      expect(error?.message).to.match(/timed out/);
    } finally {
      await pool.close();
    }
  });

  it('stops a worker that stays idle and starts one again for the next message', async () => {
    const pool = new XmllintPool({ size: 1, idleMs: 50 });
    pool.addSchema('CC014C', schema);
    try {
      expect((await pool.validate('CC014C', sample('ie014-cancellation.xml'))).valid).to.equal(true);
      expect((pool as unknown as { slots: unknown[] }).slots).to.have.length(1);
      await new Promise((r) => setTimeout(r, 200));
      expect((pool as unknown as { slots: unknown[] }).slots).to.have.length(0);
      expect((await pool.validate('CC014C', sample('ie014-cancellation.xml'))).valid).to.equal(true);
    } finally {
      await pool.close();
    }
  });

  it('validates, then refuses work once closed', async () => {
    const pool = new XmllintPool({ size: 1 });
    pool.addSchema('CC014C', schema);
    expect(await pool.validate('CC014C', sample('ie014-cancellation.xml'))).to.deep.equal({ valid: true, lines: [] });
    await pool.close();
    const error = await pool.validate('CC014C', sample('ie014-cancellation.xml')).then(() => undefined, (e: Error) => e);
    expect(error?.message).to.match(/closed/);
  });

  it('rejects an unknown schema key and reports a schema that does not compile as a failure, not a verdict', async () => {
    const pool = new XmllintPool({ size: 1 });
    try {
      await pool.validate('CC999C', '<a/>').then(() => expect.fail('accepted'), (e: Error) => expect(e.message).to.match(/unknown schema/));
      pool.addSchema('BROKEN', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="nope"/></xs:schema>');
      await pool.validate('BROKEN', '<a/>').then(() => expect.fail('accepted'), (e: Error) => expect(e.message).to.match(/xmllint failed/));
    } finally {
      await pool.close();
    }
  });
});
