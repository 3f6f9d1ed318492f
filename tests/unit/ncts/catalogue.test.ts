import { expect } from 'chai';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { MESSAGES } from '../../../chaincode/src/domain/messages';
import { ANSWERS, READERS, WRITERS, allRoots, readableByRoot } from '../../../gateway/src/ncts/catalogue';
import { xsdDir } from '../../../gateway/src/ncts/paths';

describe('NCTS gateway catalogue', () => {
  it('reads only trader-to-customs messages, writes only customs-to-trader ones, each with its XSD shipped', () => {
    for (const ie of Object.keys(READERS)) expect(MESSAGES[ie].direction, ie).to.equal('TRADER_TO_CUSTOMS');
    for (const ie of Object.keys(WRITERS)) expect(MESSAGES[ie].direction, ie).to.equal('CUSTOMS_TO_TRADER');
    for (const ie of [...Object.keys(READERS), ...Object.keys(WRITERS)]) {
      expect(existsSync(path.join(xsdDir(), MESSAGES[ie].xsd!)), ie).to.equal(true);
    }
    expect(allRoots()).to.include.members(['CC015C', 'CC029C']);
  });

  it('ties every answer to a ledger action named in the shared catalogue', () => {
    const transactions = new Set(Object.values(MESSAGES).map((m) => m.transaction));
    for (const [action, a] of Object.entries(ANSWERS)) {
      expect(transactions.has(action), action).to.equal(true);
      if (a.trigger) expect(MESSAGES[a.trigger].transaction, action).to.equal(action);
    }
    expect(readableByRoot('CC015C')?.ie).to.equal('IE015');
    expect(readableByRoot('CC029C')).to.equal(undefined);
  });
});
