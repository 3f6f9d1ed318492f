// docs/specification.md cannot drift: the hand-kept table must name exactly the transactions of the contract
// metadata, its events must be set somewhere in the chaincode, and the file must be what `npm run spec` writes.

import { expect } from 'chai';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MESSAGES } from '../../../chaincode/src/domain/messages';
import { contractMetadata, renderSpecification, tableDrift } from '../../../chaincode/spec/generate';
import { EVENTS, TRANSACTIONS } from '../../../chaincode/spec/transactions';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('system specification (docs/specification.md)', () => {
  const meta = contractMetadata();

  it('has a table row for every transaction in the contract metadata, and no other', () => {
    expect(meta.map((c) => c.name)).to.deep.equal(['registry', 'guarantee', 'movement', 'ops']);
    const drift = tableDrift(meta);
    expect(drift.missingInTable, 'transactions in the metadata but not in chaincode/spec/transactions.ts').to.deep.equal([]);
    expect(drift.missingInMetadata, 'rows in chaincode/spec/transactions.ts without a transaction in the metadata').to.deep.equal([]);
  });

  it('lists events that the chaincode sets, each described once', () => {
    const code = sources(path.join(ROOT, 'chaincode/src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const used = new Set(Object.values(TRANSACTIONS).flatMap((txs) => Object.values(txs).flatMap((t) => t.events)));
    expect([...used].filter((e) => !(e in EVENTS)), 'events without a payload entry in EVENTS').to.deep.equal([]);
    expect(Object.keys(EVENTS).filter((e) => !used.has(e)), 'EVENTS entries no transaction sets').to.deep.equal([]);
    expect(Object.keys(EVENTS).filter((e) => !code.includes(`'${e}'`)), 'events not found in chaincode/src').to.deep.equal([]);
  });

  it('maps NCTS messages only to transactions that exist', () => {
    const names = new Set(meta.flatMap((c) => c.transactions.map((t) => `${c.name}:${t.name}`)));
    const unknown = Object.values(MESSAGES).filter((m) => m.transaction !== undefined && !names.has(m.transaction));
    expect(unknown.map((m) => `${m.ie} → ${m.transaction}`)).to.deep.equal([]);
  });

  it('is what `npm run spec` writes', async () => {
    const expected = await renderSpecification();
    const onDisk = readFileSync(path.join(ROOT, 'docs/specification.md'), 'utf8');
    if (onDisk !== expected) {
      expect.fail('docs/specification.md is out of date with the contracts and chaincode/spec/transactions.ts: run `npm run spec` (node -r @swc-node/register chaincode/spec/write.ts)');
    }
  });
});
