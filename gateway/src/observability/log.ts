// One JSON object per line on stdout: the set-up captures it in the gateway's log file, and a line is
// easy to grep and to ship. CATS_LOG_LEVEL=silent keeps tests quiet.
type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function threshold(): number {
  const l = (process.env.CATS_LOG_LEVEL ?? 'info') as Level | 'silent';
  return RANK[l] ?? RANK.info;
}

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (RANK[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  process.stdout.write(line + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
