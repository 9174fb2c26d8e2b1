// Issue 15 in a real browser (Debian's Chromium, driven by playwright-core): the yearly summary to
// the committee on /arsrapport for Södermalm's contract manager and for its provider, every chart
// an SVG image with a name and a description and the same figures in a table, the page checked
// by axe-core against WCAG 2.1 A and AA, and the navigation leading there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import { demoServerAndBrowser, freshPage, heading, logIn, screenshot } from './pages.mjs';

const env = demoServerAndBrowser();

test('the contract manager reads the year in charts and tables, reachable from the menu', async () => {
  const { context, page } = await freshPage(env.browser);
  await logIn(env.server, page, 'sofia.soder');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Årsrapport' }).click();
  await page.waitForLoadState('domcontentloaded');
  assert.match(await heading(page), /^Årsrapport \d{4} till nämnden$/);
  const charts = page.getByRole('img');
  const count = await charts.count();
  assert.ok(count >= 3, `charts on the page: ${count}`);
  for (let i = 0; i < count; ++i) {
    // Each chart's accessible name is its <title>; its table follows it in its section.
    const name = await charts.nth(i).evaluate((svg) => svg.querySelector('title')?.textContent ?? '');
    assert.ok(name.length > 0, `chart ${i} has a title`);
    const section = charts.nth(i).locator('xpath=ancestor::section[1]');
    assert.equal(await section.locator('table').count(), 1, `chart ${i} has its table`);
  }
  assert.ok(await page.getByRole('table', { name: /Nyckeltal/ }).isVisible());
  assert.ok(await page.getByRole('link', { name: 'Ladda ned som PDF' }).isVisible());
  await screenshot(page, 'annual');
  // The first charts, as the demo's year draws them (the README shows both pictures).
  await charts.first().evaluate((svg) => svg.closest('section').scrollIntoView());
  await screenshot(page, 'annual-charts');
  await assertAccessible(page, 'the yearly summary');
  await context.close();
});

test('the provider sees the part about its own contracts, accessible too', async () => {
  const { context, page } = await freshPage(env.browser);
  await logIn(env.server, page, 'hanna.hemtjanst');
  await page.goto(`${env.server.base}/arsrapport`);
  assert.match(await page.locator('.lead').innerText(), /era egna avtal/);
  assert.ok((await page.getByRole('img').count()) >= 1);
  await assertAccessible(page, 'the provider’s yearly summary');
  await context.close();
});
