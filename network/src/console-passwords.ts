// Console passwords: the browser console signs a user in with a password (POST /api/v1/session), and the
// gateway answers with the organisation's own JWT for that user. One file per user, written by the set-up
// beside the user's enrolment: `<stateDir>/users/<Org>/<user>/console-password`, one line
// `scrypt$<salt>$<hash>` (salt 16 random bytes, hash 32 bytes of scrypt N=16384 r=8 p=1, both base64url,
// no padding). The password itself is never stored.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const CONSOLE_PASSWORD_FILE = 'console-password';

const KEY_LENGTH = 32;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** `<stateDir>/users/<Org>/<user>/console-password` */
export function consolePasswordPath(stateDir: string, orgName: string, userId: string): string {
  return path.join(stateDir, 'users', orgName, userId, CONSOLE_PASSWORD_FILE);
}

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => crypto.scrypt(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT, (e, key) => (e ? reject(e) : resolve(key))));
}

/** The stored form of a password: `scrypt$<salt>$<hash>`. */
export async function hashConsolePassword(password: string): Promise<string> {
  if (password.length < 8) throw new Error('a console password has at least 8 characters');
  const salt = crypto.randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await scrypt(password, salt)).toString('base64url')}`;
}

/**
 * Stores `password` for the user whose enrolment folder is `dir` (`<stateDir>/users/<Org>/<user>`), mode
 * 0600, replacing any earlier one. Returns the file written. This is what the set-up calls.
 */
export async function writeConsolePassword(dir: string, password: string): Promise<string> {
  const file = path.join(dir, CONSOLE_PASSWORD_FILE);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, `${await hashConsolePassword(password)}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/** A random password that is easy to type: 4 groups of 4 lower-case letters and digits. */
export function generateConsolePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(16);
  let s = '';
  for (let i = 0; i < 16; i++) s += (i && i % 4 === 0 ? '-' : '') + alphabet[bytes[i] % alphabet.length];
  return s;
}

const DUMMY_SALT = crypto.randomBytes(16);

/**
 * True when `password` matches the stored hash in `file`. A missing or malformed file is a mismatch (the
 * same work is done, so the answer time does not tell which users have a password).
 */
export async function verifyConsolePassword(file: string, password: string): Promise<boolean> {
  let stored: string | undefined;
  try {
    stored = fs.readFileSync(file, 'utf8').trim();
  } catch {
    stored = undefined;
  }
  const m = stored ? /^scrypt\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{40,})$/.exec(stored) : null;
  if (!m) {
    await scrypt(password, DUMMY_SALT);
    return false;
  }
  const expected = Buffer.from(m[2], 'base64url');
  const got = await scrypt(password, Buffer.from(m[1], 'base64url'));
  return expected.length === got.length && crypto.timingSafeEqual(expected, got);
}
