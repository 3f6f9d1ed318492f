// fabric-shim and fabric-contract-api log through winston, which runs every call through its formatters
// (timestamp, metadata, colours, padding, JSON of the arguments) and only then lets the transport drop what
// is below the level. Under load ~10 % of a chaincode server's CPU went to debug lines nobody sees
// (issue 7, docs/performance.md). Calls below a logger's level are now dropped before they are formatted;
// what is at or above it (WARNING and up, as the network starts the servers) is logged as before.
import { Shim } from 'fabric-shim';

const LEVEL = Symbol.for('level');
const PATCHED = Symbol.for('cats.dropsUnloggedCalls');

interface WinstonLogger {
  isLevelEnabled(level: string): boolean;
  write(info: unknown, ...rest: unknown[]): boolean;
  [PATCHED]?: true;
}

export function dropCallsBelowLevel(): void {
  // winston's Logger.prototype, shared by every logger of the process: DerivedLogger.prototype's parent
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(Shim.newLogger('cats'))) as WinstonLogger;
  if (typeof proto.isLevelEnabled !== 'function' || typeof proto.write !== 'function' || proto[PATCHED]) return;
  const write = proto.write;
  proto.write = function (this: WinstonLogger, info: unknown, ...rest: unknown[]): boolean {
    const i = info as { [LEVEL]?: unknown; level?: unknown } | null;
    const level = i?.[LEVEL] ?? i?.level;
    if (typeof level === 'string' && !this.isLevelEnabled(level)) return true;
    return write.call(this, info, ...rest);
  };
  proto[PATCHED] = true;
}
