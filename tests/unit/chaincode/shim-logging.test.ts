// fabric-shim's winston loggers: a call below the level is dropped before it is formatted; others still log.
import { expect } from 'chai';
import { Shim } from 'fabric-shim';
import { dropCallsBelowLevel } from '../../../chaincode/src/shim-logging';

describe('chaincode: fabric-shim logging', () => {
  it('formats nothing below the level, and still logs a warning', () => {
    dropCallsBelowLevel();
    dropCallsBelowLevel(); // idempotent: loading the chaincode twice does not wrap twice
    const logger = Shim.newLogger('cats-test');
    logger.level = 'warn';
    let formatted = 0;
    const arg = { toJSON: () => { formatted++; return 'arg'; } };
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => { out.push(String(chunk)); return true; }) as typeof process.stdout.write;
    try {
      logger.debug('below the level %s', arg);
      logger.info('below the level', arg);
      expect(formatted, 'debug and info calls formatted').to.equal(0);
      logger.warn('at the level', arg);
    } finally {
      process.stdout.write = write;
    }
    expect(formatted, 'the warning formatted').to.equal(1);
    expect(out.join('')).to.contain('at the level').and.not.contain('below the level');
  });
});
