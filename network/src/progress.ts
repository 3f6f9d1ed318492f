// Progress for long operations: one line per step with its duration, so a person watching `npm start`
// sees what is happening and a log shows where the time went.

const started = Date.now();
const isTty = process.stdout.isTTY === true;

export async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  process.stdout.write(`  … ${title}${isTty ? '' : '\n'}`);
  try {
    const result = await work();
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    process.stdout.write(`${isTty ? '\r' : ''}  ✔ ${title} (${secs} s)\n`);
    return result;
  } catch (err) {
    process.stdout.write(`${isTty ? '\r' : ''}  ✘ ${title}\n`);
    throw err;
  }
}

export function info(line: string): void {
  process.stdout.write(`    ${line}\n`);
}

export function elapsed(): string {
  return ((Date.now() - started) / 1000).toFixed(1);
}

/** A failure the operator can act on: printed as one line, without a stack trace. */
export class SetupError extends Error {}
