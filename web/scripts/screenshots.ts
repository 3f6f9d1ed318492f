// Writes docs/screenshots/*.png: each role's main pages of the console, on a running network.
//   node -r @swc-node/register web/scripts/screenshots.ts [profile]     (default: dev-c)
// Sets the console passwords of the profile's users (tests only!), makes one movement go from declaration to
// a recorded border crossing so the pages have something to show, then signs in as each role at 1280×800
// (and one tablet view, 820×1180).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient } from '../../client/src/api-client';
import { layout, ROOT } from '../../network/src/layout';
import { readNetworkFile } from '../../network/src/network-file';
import { buildConsoleIfMissing, ensureHazelnutsGuarantee, freshHazelnutsXml, HAZELNUTS_GUARANTEE, launchChromium, setConsolePasswords, signIn } from '../../tests/web/console-fixtures';

const OUT = path.join(ROOT, 'docs', 'screenshots');

async function main(profile: string): Promise<void> {
  buildConsoleIfMissing();
  const network = readNetworkFile(layout(profile).networkFile);
  const url = (org: string) => network.organisations.find((o) => o.name === org)!.gateway.url;
  await setConsolePasswords(network);
  await ensureHazelnutsGuarantee(network);
  const as = (who: string) => ApiClient.as(network, who);
  const { xml } = freshHazelnutsXml('S');
  const { mrn } = await as('CustomsAZ:trader1').submit<{ mrn: string }>('/movements', { xml });
  await as('CustomsAZ:officer1').submit(`/movements/${mrn}/release`, { body: { office: 'AZ000600' } });
  await as('CustomsGE:officer2').submit(`/movements/${mrn}/cross`, { body: { office: 'GE000200' } });
  const { xml: xml2 } = freshHazelnutsXml('T');
  const { mrn: accepted } = await as('CustomsAZ:trader1').submit<{ mrn: string }>('/movements', { xml: xml2 });

  const b = await launchChromium();
  const shot = async (page: Page, name: string, settle = 1200) => {
    await page.waitForTimeout(settle);
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
    console.log(`  docs/screenshots/${name}.png`);
  };
  try {
    const signin = await b.context.newPage();
    await signin.goto(`${url('CustomsAZ')}/`);
    await signin.getByLabel('User').waitFor();
    await shot(signin, '01-sign-in');

    const az = await b.context.newPage();
    await signIn(az, url('CustomsAZ'), 'officer1');
    await shot(az, '02-officer-worklist');
    await az.goto(`${url('CustomsAZ')}/movements/${accepted}`);
    await az.getByTestId('action-release').click();
    await shot(az, '03-officer-movement-release-form');
    await az.goto(`${url('CustomsAZ')}/movements/${mrn}`);
    await az.getByTestId('timeline').waitFor();
    await shot(az, '04-officer-movement-page');

    const ge = await b.context.newPage();
    await signIn(ge, url('CustomsGE'), 'officer2');
    await ge.getByTestId('tab-border').click();
    await ge.getByLabel('Language').selectOption('ru');
    await shot(ge, '05-border-officer-worklist-ru');
    await ge.goto(`${url('CustomsGE')}/movements/${mrn}`);
    await ge.getByTestId('action-cross').click();
    await ge.locator('#af-cross-office').selectOption('GE000200'); // already crossed there: the ledger refuses
    await ge.getByTestId('submit-cross').click();
    await ge.locator('#af-cross-office-err').waitFor({ timeout: 60_000 });
    await shot(ge, '06-border-officer-coded-refusal-ru');
    await ge.getByLabel('Язык').selectOption('en');

    const trader = await b.context.newPage();
    await signIn(trader, url('CustomsAZ'), 'trader1');
    await trader.getByRole('link', { name: 'Declare' }).click();
    await shot(trader, '07-holder-declare');

    const g = await b.context.newPage();
    await signIn(g, url('GuarantorPool'), 'guarantor1');
    await g.getByTestId('guarantees').waitFor();
    await shot(g, '08-guarantor-guarantees', 2000);
    await g.goto(`${url('GuarantorPool')}/guarantees/${HAZELNUTS_GUARANTEE.grn}`);
    await g.getByTestId('reservations').waitFor();
    await shot(g, '09-guarantor-guarantee');

    const a = await b.context.newPage();
    await signIn(a, url('Auditor'), 'auditor1');
    await a.getByText(/Ledger height: \d+/).waitFor();
    await a.getByTestId('verify').click();
    await a.getByTestId('verify-summary').waitFor({ timeout: 120_000 });
    await shot(a, '10-auditor-verify-blocks');
    const sup = await b.context.newPage();
    await signIn(sup, url('CustomsAZ'), 'supervisor1');
    await sup.goto(`${url('CustomsAZ')}/audit?subject=${mrn}`);
    await sup.getByTestId('audit-history').waitFor({ timeout: 30_000 }).catch(() => undefined);
    await shot(sup, '11-supervisor-audit-history');

    await az.goto(`${url('CustomsAZ')}/network`);
    await az.locator('[data-testid="height-CustomsGE"]').filter({ hasText: /\d+/ }).waitFor({ timeout: 15_000 });
    await shot(az, '12-network', 2500);

    await az.setViewportSize({ width: 820, height: 1180 });
    await az.goto(`${url('CustomsAZ')}/movements/${mrn}`);
    await az.getByTestId('timeline').waitFor();
    await shot(az, '13-tablet-movement-page');
  } finally {
    await b.close();
  }
}

main(process.argv[2] ?? 'dev-c').catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
