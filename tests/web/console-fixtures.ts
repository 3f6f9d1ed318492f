// What the console's end-to-end tests and the screenshot script share: the built console (vite build when
// web/dist is missing), console passwords for a network's users, Debian's chromium through playwright-core
// with a fresh profile, and ledger fixtures made through the REST API (a guarantee, a fresh IE015).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ApiClient, ApiError } from '../../client/src/api-client';
import { writeConsolePassword } from '../../network/src/console-passwords';
import { ROOT } from '../../network/src/layout';
import type { NetworkFile } from '../../network/src/network-file';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIST = path.join(ROOT, 'web', 'dist');
export const TEST_PASSWORD = 'console-test-password';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Builds web/dist with the project's vite when it is missing (or `force`). Returns the build time in ms. */
export function buildConsoleIfMissing(force = false): number | undefined {
  if (!force && fs.existsSync(path.join(WEB_DIST, 'index.html'))) return undefined;
  const t0 = Date.now();
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return Date.now() - t0;
}

/** Gives every user of the network the same console password (tests only). */
export async function setConsolePasswords(network: NetworkFile, password = TEST_PASSWORD): Promise<void> {
  for (const org of network.organisations) for (const u of org.users) await writeConsolePassword(path.join(network.stateDir, 'users', org.name, u.id), password);
}

export interface ConsoleBrowser {
  browser: Browser | null;
  context: BrowserContext;
  profileDir: string;
  close(): Promise<void>;
}

/** Debian's chromium, headless, with a fresh --user-data-dir; one context per person at the console. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<ConsoleBrowser> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cats-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, locale: 'en-GB', timezoneId: 'UTC' });
  return {
    browser: context.browser(),
    context,
    profileDir,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function newPage(b: ConsoleBrowser): Promise<Page> {
  const p = b.context.pages()[0] && b.context.pages()[0].url() === 'about:blank' ? b.context.pages()[0] : await b.context.newPage();
  return p;
}

/** Signs in at an organisation's console and waits for the first page of the role. */
export async function signIn(page: Page, gatewayUrl: string, user: string, password = TEST_PASSWORD): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${gatewayUrl}/`);
  await page.getByLabel('User').waitFor();
  const usable = Date.now() - t0;
  await page.getByLabel('User').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who-role').waitFor();
  return usable;
}

export const HAZELNUTS_GUARANTEE = { grn: '25AZ0000000000715', accessCode: '7K2Q', holder: 'AZ1700123451' };

/** The sample guarantee of the hazelnuts declaration, issued by the guarantor when missing. */
export async function ensureHazelnutsGuarantee(network: NetworkFile): Promise<void> {
  const guarantor = ApiClient.as(network, 'GuarantorPool:guarantor1');
  try {
    await guarantor.get(`/guarantees/${HAZELNUTS_GUARANTEE.grn}`);
    return;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
  }
  await guarantor.submit('/guarantees', {
    body: { grn: HAZELNUTS_GUARANTEE.grn, type: '1', holderId: HAZELNUTS_GUARANTEE.holder, referenceAmount: { amount: '50000000', currency: 'USD' }, countries: ['AZ', 'GE'], validFrom: '2025-01-01', validTo: '2030-12-31', accessCode: HAZELNUTS_GUARANTEE.accessCode },
  });
}

/** The hazelnuts IE015 (Ganja → Red Bridge → Poti) with a fresh LRN and an estimated crossing in the future. */
export function freshHazelnutsXml(tag: string): { xml: string; lrn: string; file: string } {
  const lrn = `WEB${tag}${Date.now().toString(36).toUpperCase()}`.slice(0, 22);
  const eta = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 19);
  const xml = fs
    .readFileSync(path.join(ROOT, 'gateway', 'ncts', 'samples', 'cats-ie015-az-ge-hazelnuts.xml'), 'utf8')
    .replace(/<LRN>[^<]*<\/LRN>/, `<LRN>${lrn}</LRN>`)
    .replace(/<arrivalDateAndTimeEstimated>[^<]*</g, `<arrivalDateAndTimeEstimated>${eta}<`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cats-ie015-')), `${lrn}.xml`);
  fs.writeFileSync(file, xml);
  return { xml, lrn, file };
}
