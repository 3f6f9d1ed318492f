// End-to-end: the browser console of each organisation, driven by playwright-core in Debian's chromium,
// against a real network. A holder declares from an IE015 file at Azerbaijan's console, an AZ officer
// releases, Georgia's border officer records the crossing at GE's console and the AZ page shows it without
// a reload, the movement is written off, the guarantor sees the reservation come and go, and the auditor
// verifies blocks. Skipped (with the reason) only when /usr/bin/chromium is missing.
import { expect } from 'chai';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { ApiClient } from '../../client/src/api-client';
import { layout } from '../../network/src/layout';
import { readNetworkFile, type NetworkFile } from '../../network/src/network-file';
import { CHROMIUM, buildConsoleIfMissing, ensureHazelnutsGuarantee, freshHazelnutsXml, HAZELNUTS_GUARANTEE, launchChromium, setConsolePasswords, signIn, type ConsoleBrowser } from '../web/console-fixtures';
import { startTestNetwork, testProfile } from './harness';

const LIVE_MS = 15_000;

/**
 * The worklist is oldest first, 25 to a page, and the suites before this one leave released movements at
 * the same border office: page on as an officer would, waiting on the last page for the live update.
 */
async function findOnWorklist(page: Page, mrn: string) {
  const link = page.getByRole('link', { name: mrn });
  const next = page.getByRole('button', { name: 'Next page' });
  const deadline = Date.now() + LIVE_MS;
  for (;;) {
    try {
      await link.waitFor({ timeout: 1500 });
      return link;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      if (await next.isEnabled()) await next.click();
    }
  }
}

describe('web console (browser, real network)', function () {
  this.timeout(10 * 60_000);
  let network: NetworkFile;
  let b: ConsoleBrowser;
  let url: (org: string) => string;
  const pages: Record<string, Page> = {};
  let mrn = '';
  const timings: Record<string, number> = {};

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium); the console's end-to-end tests did not run`);
      this.skip();
    }
    const built = buildConsoleIfMissing();
    if (built !== undefined) console.log(`      built web/dist in ${built} ms`);
    // CATS_WEB_E2E_REUSE=1: use the profile's running network as it is (development), else the harness's
    network = process.env.CATS_WEB_E2E_REUSE === '1' ? readNetworkFile(layout(testProfile().name).networkFile) : await startTestNetwork();
    url = (org) => network.organisations.find((o) => o.name === org)!.gateway.url;
    await setConsolePasswords(network);
    await ensureHazelnutsGuarantee(network);
    b = await launchChromium();
  });

  after(async () => {
    await b?.close();
    if (Object.keys(timings).length) console.log(`      timings (ms): ${JSON.stringify(timings)}`);
  });

  async function open(name: string, org: string, user: string): Promise<Page> {
    const page = await b.context.newPage();
    page.on('pageerror', (e) => console.log(`      [${name}] page error: ${e.message}`));
    timings[`firstPageUsable:${name}`] = await signIn(page, url(org), user);
    pages[name] = page;
    return page;
  }

  it('signs a holder in, shows organisation, role and only its actions; refuses a wrong password in plain words', async () => {
    const page = await b.context.newPage();
    await page.goto(`${url('CustomsAZ')}/`);
    await page.getByLabel('User').fill('trader1');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('You are not signed in, or your session has expired.').waitFor();
    expect(await page.locator('#signin-password').getAttribute('aria-invalid')).to.equal('true');
    await page.close();

    const trader = await open('trader', 'CustomsAZ', 'trader1');
    expect(await trader.getByTestId('who-org').textContent()).to.equal('CustomsAZ');
    expect(await trader.getByTestId('who-role').textContent()).to.contain('Holder of the procedure');
    const nav = await trader.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).to.deep.equal(['Movements', 'Declare', 'Network']);
  });

  it('the guarantor watches the guarantee before anything is declared', async () => {
    const g = await open('guarantor', 'GuarantorPool', 'guarantor1');
    await g.getByTestId('guarantees').waitFor();
    await g.goto(`${url('GuarantorPool')}/guarantees/${HAZELNUTS_GUARANTEE.grn}`);
    await g.getByTestId('g-reserved').waitFor();
  });

  it('declares from an IE015 file at Azerbaijan’s console', async () => {
    const trader = pages.trader;
    await trader.getByRole('link', { name: 'Declare' }).click();
    // format checks first: a file that is not an IE015 is never sent
    const wrong = freshHazelnutsXml('X');
    fs.writeFileSync(wrong.file, wrong.xml.replace(/CC015C/g, 'CC013C'));
    await trader.getByTestId('ie015-file').setInputFiles(wrong.file);
    await trader.getByTestId('upload-ie015').click();
    await trader.getByText('This file is not an IE015').waitFor();
    const { file } = freshHazelnutsXml('E');
    await trader.getByTestId('ie015-file').setInputFiles(file);
    await trader.getByTestId('upload-ie015').click();
    const declared = trader.getByTestId('declared');
    await declared.waitFor({ timeout: 60_000 });
    mrn = /MRN ([0-9A-Z]{18})/.exec((await declared.textContent()) ?? '')![1];
    expect(mrn).to.match(/^\d\dAZ/);
  });

  it('the guarantor sees the reservation come, live', async () => {
    const g = pages.guarantor;
    const row = g.locator(`[data-testid="reservations"] tr[data-mrn="${mrn}"]`);
    await row.waitFor({ timeout: LIVE_MS });
    expect(await row.getAttribute('data-status')).to.equal('ACTIVE');
  });

  it('an AZ officer releases from the movement page, with the office preselected', async () => {
    const o = await open('azOfficer', 'CustomsAZ', 'officer1');
    expect(await o.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).to.deep.equal(['Worklist', 'Movements', 'Network']);
    await o.goto(`${url('CustomsAZ')}/movements/${mrn}`);
    await o.getByTestId('action-release').click();
    expect(await o.locator('#af-release-office').inputValue()).to.equal('AZ000600');
    expect(await o.getByTestId('action-cross').count()).to.equal(0);
    await o.getByTestId('submit-release').click();
    await o.getByTestId('flash').waitFor({ timeout: 60_000 });
    await o.locator('h1 .badge', { hasText: 'Released' }).waitFor();
    await o.getByTestId('messages').getByText('IE029').waitFor({ timeout: LIVE_MS });
  });

  it('Georgia’s border officer finds it in the worklist and records the crossing; AZ’s page shows it without a reload', async () => {
    const ge = await open('geBorder', 'CustomsGE', 'officer2');
    await ge.getByTestId('tab-border').click();
    const link = await findOnWorklist(ge, mrn);
    const ms = await ge.getByTestId('page-ms').textContent();
    timings.worklistPage = Number(/(\d+)/.exec(ms ?? '')?.[1]);
    await link.click();
    await ge.getByTestId('action-cross').click();
    expect(await ge.locator('#af-cross-office').inputValue()).to.equal('GE000200');
    // a form never sends what the API would refuse for its format
    await ge.locator('#af-cross-office').selectOption('');
    await ge.getByTestId('submit-cross').click();
    await ge.locator('#af-cross-office-err', { hasText: 'This field is required.' }).waitFor();
    await ge.locator('#af-cross-office').selectOption('GE000200');
    const az = pages.azOfficer;
    expect(await az.getByTestId('crossed-GE000200').count()).to.equal(0);
    await ge.getByTestId('submit-cross').click();
    await ge.getByTestId('flash').waitFor({ timeout: 60_000 });
    // the AZ officer's page, never reloaded, shows the crossing recorded in Georgia
    const t0 = Date.now();
    await az.getByTestId('crossed-GE000200').waitFor({ timeout: LIVE_MS });
    timings.crossingSeenLive = Date.now() - t0;
    // a business refusal is shown with its code and meaning next to the field it concerns
    await ge.getByTestId('action-cross').click();
    await ge.locator('#af-cross-office').selectOption('GE000200');
    await ge.getByTestId('submit-cross').click();
    await ge.locator('#af-cross-office-err', { hasText: 'ALREADY_EXISTS' }).waitFor({ timeout: 60_000 });
    expect(await ge.locator('#af-cross-office-err').textContent()).to.contain('This has already been recorded.');
  });

  it('arrival and control results at Poti (through the API), then an expired session keeps the officer’s draft', async () => {
    const geOfficer = ApiClient.as(network, 'CustomsGE:officer1');
    await geOfficer.submit(`/movements/${mrn}/arrival`, { body: { office: 'GE000600', sealsOk: true } });
    await geOfficer.submit(`/movements/${mrn}/control-results`, { body: { office: 'GE000600', code: 'A1' } });
    const az = pages.azOfficer;
    await az.getByTestId('action-discrepancies').waitFor({ timeout: LIVE_MS });
    await az.getByTestId('action-discrepancies').click();
    await az.locator('#af-discrepancies-description').fill('Пломба AZC0418833 — ნაწილობრივ დაზიანებული, qisman shikastlangan');
    // the session expires (the token no longer verifies): the next call returns to sign-in
    await az.evaluate(() => {
      const store = (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } }).sessionStorage;
      const s = JSON.parse(store.getItem('cats.session')!);
      store.setItem('cats.session', JSON.stringify({ ...s, token: `${s.token.slice(0, -4)}AAAA` }));
    });
    await az.reload();
    await az.getByTestId('expired').waitFor({ timeout: LIVE_MS });
    await az.getByLabel('Password').fill('console-test-password');
    await az.getByRole('button', { name: 'Sign in' }).click();
    await az.getByTestId('action-discrepancies').waitFor({ timeout: LIVE_MS });
    expect(new URL(az.url()).pathname).to.equal(`/movements/${mrn}`);
    await az.getByTestId('action-discrepancies').click();
    expect(await az.locator('#af-discrepancies-description').inputValue()).to.equal('Пломба AZC0418833 — ნაწილობრივ დაზიანებული, qisman shikastlangan');
    await az.getByTestId('action-discrepancies').click(); // closed: not sent
  });

  it('the AZ officer writes the movement off; the guarantor sees the reservation go', async () => {
    const az = pages.azOfficer;
    await az.getByTestId('action-write-off').click();
    await az.getByTestId('submit-write-off').click();
    await az.locator('h1 .badge', { hasText: 'Written off' }).waitFor({ timeout: 60_000 });
    await az.getByTestId('messages').getByText('IE045').waitFor({ timeout: LIVE_MS });
    const row = pages.guarantor.locator(`[data-testid="reservations"] tr[data-mrn="${mrn}"]`);
    await row.and(pages.guarantor.locator('[data-status="RELEASED"]')).waitFor({ timeout: LIVE_MS });
    expect(await row.getAttribute('data-status')).to.equal('RELEASED');
    await pages.guarantor.getByTestId('notifications').getByText(`Reservation credited back: ${mrn} written off`).waitFor({ timeout: LIVE_MS });
  });

  it('the auditor verifies a block range, each block pass/fail', async () => {
    const a = await open('auditor', 'Auditor', 'auditor1');
    await a.getByText(/Ledger height: \d+/).waitFor({ timeout: LIVE_MS });
    await a.getByTestId('verify').click();
    await a.getByTestId('verify-summary').waitFor({ timeout: 120_000 });
    expect(await a.getByTestId('verify-summary').textContent()).to.match(/All \d+ blocks verified/);
    const rows = await a.locator('[data-testid="blocks"] tbody tr').count();
    expect(rows).to.be.greaterThan(0);
    expect(await a.locator('[data-testid="blocks"] .fail').count()).to.equal(0);
  });

  it('speaks Russian when chosen and remembers it; dates carry the office’s offset', async () => {
    const az = pages.azOfficer;
    await az.getByLabel('Language').selectOption('ru');
    await az.getByRole('heading', { name: 'Хронология' }).waitFor();
    await az.reload();
    await az.getByRole('link', { name: 'Рабочий список' }).waitFor();
    expect(await az.locator('html').getAttribute('lang')).to.equal('ru');
    await az.locator('[data-testid="timeline"] time').first().waitFor({ timeout: LIVE_MS });
    const times = await az.locator('[data-testid="timeline"] time').allTextContents();
    expect(times.length).to.be.greaterThan(2);
    expect(times.some((x) => /UTC\+04:00$/.test(x))).to.equal(true);
    await az.getByLabel('Язык').selectOption('en');
  });

  it('shows the network: organisations with block heights, countries, the corridor diagram', async () => {
    const az = pages.azOfficer;
    await az.goto(`${url('CustomsAZ')}/network`);
    await az.locator('[data-testid="height-CustomsGE"]').filter({ hasText: /\d+/ }).waitFor({ timeout: LIVE_MS });
    await az.locator('[data-country="GE"]').waitFor();
    expect(await az.locator('[data-testid="corridors"] g[data-office]').count()).to.be.greaterThan(10);
    // /api, /health and /.well-known are never shadowed by the console
    const health = await az.evaluate(() => fetch('/health').then((r) => r.headers.get('content-type')));
    expect(health).to.contain('application/json');
    const missing = await az.evaluate(() => fetch('/api/v1/nothing').then((r) => r.status));
    expect(missing).to.equal(401);
  });
});
