// Issue 15 in a real browser (Debian's Chromium, driven by playwright-core): the yearly summary to
// the committee on /arsrapport for Södermalm's contract manager and for its provider, every chart
// an SVG image with a name and a description and the same figures in a table, the page checked
// by axe-core against WCAG 2.1 A and AA, and the navigation leading there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import { demoServerAndBrowser, flash, freshPage, heading, logIn, screenshot, submit } from './pages.mjs';

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

test('the summary’s text is written, sent, approved and registered on the page', async () => {
  // Södermalm's contract manager writes the three parts and sends them, asked first.
  let { context, page } = await freshPage(env.browser);
  await logIn(env.server, page, 'sofia.soder');
  await page.goto(`${env.server.base}/arsrapport`);
  await page.getByRole('link', { name: 'Skriv rapportens text' }).click();
  await page.waitForLoadState('domcontentloaded');
  await assertAccessible(page, 'the summary’s text form');
  await page.getByLabel('Sammanfattning').fill('Året i korthet: alla planerade möten hölls utom ett.');
  await page.getByLabel('Bedömning').fill('Utförarna uppfyller i huvudsak kraven.');
  await page.getByLabel('Förslag till beslut').fill('Nämnden föreslås godkänna årsrapporten.');
  await submit(page, page.getByRole('button', { name: 'Spara' }));
  assert.match(await flash(page), /text är sparad/);
  await submit(page, page.getByRole('button', { name: 'Lämna för godkännande' }));
  assert.match(await heading(page), /Vill du lämna årsrapporten för godkännande\?/);
  await submit(page, page.getByRole('button', { name: 'Ja, lämna för godkännande' }));
  assert.match(await page.locator('#rapportens-lage').innerText(), /Lämnad för godkännande/);
  await context.close();

  // The director reads text and figures, with both forms on the page, and approves.
  ({ context, page } = await freshPage(env.browser));
  await logIn(env.server, page, 'stina.chef');
  await page.goto(`${env.server.base}/arsrapport`);
  assert.ok(await page.getByLabel('Kommentar till avtalsansvarig').isVisible());
  await assertAccessible(page, 'the summary waiting for approval');
  await submit(page, page.getByRole('button', { name: /^Godkänn version/ }));
  assert.match(await flash(page), /är godkänd/);
  await context.close();

  // The registrar registers it, asked first; the page then says its number.
  ({ context, page } = await freshPage(env.browser));
  await logIn(env.server, page, 'rolf.register');
  await page.goto(`${env.server.base}/arsrapport`);
  await submit(page, page.getByRole('button', { name: 'Diarieför' }));
  await submit(page, page.getByRole('button', { name: 'Ja, diarieför' }));
  assert.match(await page.locator('#rapportens-lage').innerText(), /^Diarieförd som \S+/);
  await page.locator('#rapporten').scrollIntoViewIfNeeded();
  await screenshot(page, 'annual-record');
  await assertAccessible(page, 'the registered summary');
  await context.close();
});
