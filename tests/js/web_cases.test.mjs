// Issue 14 in a real browser with axe-core on every page: the contract manager opens a complaint
// case on the demo contract from its page, analyses it and asks for an action plan; the provider
// writes the plan in its form and sends it; the manager returns it with a comment on its point
// (after the confirmation), the provider revises and sends it again, and the manager accepts it:
// its point is an action, linked from the case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import {
  CONTRACT_TITLE, dayFromToday, demoServerAndBrowser, flash, heading, loggedIn, screenshot, submit,
} from './pages.mjs';

const TITLE = 'Klagomål på nattbemanningen';
const POINT = 'Anställ två nattsköterskor.';
const REVISED = 'Anställ två nattsköterskor från den 1 mars.';
const COMMENT = 'Ange när de börjar arbeta.';

const env = demoServerAndBrowser();
let casePath;

const as = (username) => loggedIn(env, username);

test('the contract manager opens a complaint case and asks for an action plan', async () => {
  const { context, page } = await as('anna.avtal');
  await page.goto(`${env.server.base}/arenden`);
  assert.equal(await heading(page), 'Händelsestyrda uppföljningar');
  await assertAccessible(page, 'the empty list of cases');
  await page.goto(`${env.server.base}/avtal`);
  await page.getByRole('link', { name: CONTRACT_TITLE }).first().click();
  await page.waitForLoadState('domcontentloaded');
  assert.ok(await page.getByRole('heading', { name: 'Öppna ärende' }).isVisible());
  await assertAccessible(page, 'the contract page with the form that opens a case');
  await page.getByLabel('Orsak').selectOption('complaints');
  await page.getByLabel('Rubrik').fill(TITLE);
  await page.getByLabel('Vad har hänt').fill('En anhörig beskriver att **ingen** svarade på larmet.');
  await page.getByLabel('När det hände').fill(dayFromToday(-2));
  const opened = await submit(page, page.getByRole('button', { name: 'Öppna ärendet' }));
  assert.equal(opened.status(), 303);
  assert.equal(await heading(page), TITLE);
  assert.match(await flash(page), /Ärendet är öppnat/);
  casePath = new URL(page.url()).pathname;
  assert.match(await page.locator('#arende-fakta').innerText(), /Klagomål och synpunkter/);
  await assertAccessible(page, 'a new case');

  await submit(page, page.getByRole('button', { name: 'Påbörja analysen' }));
  assert.match(await flash(page), /Analysen är påbörjad/);
  await page.getByLabel('Analys', { exact: true }).fill('Bemanningen nattetid räcker inte.');
  await page.getByLabel(/Inte godtagbart/).check();
  await page.getByLabel(/Åtgärdsplanen senast/).fill(dayFromToday(30));
  await submit(page, page.getByRole('button', { name: 'Spara analysen' }));
  assert.match(await flash(page), /åtgärdsplan är begärd/);
  assert.match(await page.locator('#arende-fakta').innerText(), /Åtgärdsplan begärd/);
  await assertAccessible(page, 'the case with a plan asked for');

  await page.goto(`${env.server.base}/arenden`);
  assert.ok((await page.locator('#arenden').innerText()).includes(TITLE));
  await page.getByLabel('Orsak').selectOption('complaints');
  // The filters are a GET form: the choice is in the address, so it can be bookmarked.
  await Promise.all([
    page.waitForURL(/orsak=complaints/),
    page.getByRole('button', { name: 'Visa ärendena' }).click(),
  ]);
  assert.ok((await page.locator('#arenden').innerText()).includes(TITLE));
  await assertAccessible(page, 'the list of cases');
  await screenshot(page, 'cases');
  await context.close();
});

test('the provider writes the plan and sends it', async () => {
  const { context, page } = await as('ulla.utforare');
  await page.goto(`${env.server.base}${casePath}`);
  await page.getByRole('link', { name: 'Skriv åtgärdsplanen' }).click();
  await page.waitForLoadState('domcontentloaded');
  assert.match(await heading(page), /^Åtgärdsplan:/);
  await assertAccessible(page, 'the empty plan form');
  await page.getByLabel('Orsaker och analys').fill('Vakanser nattetid sedan i höstas.');
  await page.getByLabel('Åtgärd 1', { exact: true }).fill(POINT);
  await page.getByLabel('Ansvarig för åtgärd 1').fill('Enhetschef');
  await page.getByLabel('Klart senast för åtgärd 1').fill(dayFromToday(60));
  await submit(page, page.getByRole('button', { name: 'Spara planen' }));
  assert.match(await flash(page), /Åtgärdsplanen är sparad/);
  await assertAccessible(page, 'the saved plan form');
  await submit(page, page.getByRole('button', { name: 'Skicka planen till förvaltningen' }));
  assert.match(await flash(page), /Åtgärdsplanen är skickad/);
  assert.ok((await page.locator('#atgardsplan').innerText()).includes(POINT));
  await context.close();
});

test('the manager returns the plan with a comment on its point', async () => {
  const { context, page } = await as('anna.avtal');
  await page.goto(`${env.server.base}${casePath}`);
  await assertAccessible(page, 'the case with a plan received');
  await page.getByLabel('Synpunkt på åtgärd 1').fill(COMMENT);
  await page.getByLabel('Ny plan senast').fill(dayFromToday(20));
  await submit(page, page.getByRole('button', { name: 'Skicka tillbaka planen' }));
  assert.equal(await heading(page), 'Vill du skicka tillbaka åtgärdsplanen?');
  await assertAccessible(page, 'the confirmation of returning the plan');
  await submit(page, page.getByRole('button', { name: 'Ja, skicka tillbaka planen' }));
  assert.match(await flash(page), /skickad tillbaka/);
  assert.ok((await page.locator('#atgardsplan').innerText()).includes(COMMENT));
  await context.close();
});

test('the provider revises the plan; the manager accepts it and its point is an action', async () => {
  const provider = await as('ulla.utforare');
  await provider.page.goto(`${env.server.base}${casePath}/atgardsplan`);
  assert.ok((await provider.page.locator('main').innerText()).includes(COMMENT));
  await provider.page.getByLabel('Åtgärd 1', { exact: true }).fill(REVISED);
  await submit(provider.page, provider.page.getByRole('button', { name: 'Spara planen' }));
  assert.match(await flash(provider.page), /Åtgärdsplanen är sparad/);
  await submit(provider.page, provider.page.getByRole('button', { name: 'Skicka planen till förvaltningen' }));
  assert.match(await flash(provider.page), /Åtgärdsplanen är skickad/);
  await provider.context.close();

  const { context, page } = await as('anna.avtal');
  await page.goto(`${env.server.base}${casePath}`);
  assert.ok((await page.locator('#atgardsplan').innerText()).includes(REVISED));
  await submit(page, page.getByRole('button', { name: 'Godta planen' }));
  assert.match(await flash(page), /Åtgärdsplanen är godtagen/);
  const action = page.locator('#atgarder').getByRole('link', { name: REVISED });
  assert.ok(await action.isVisible());
  assert.match(await action.getAttribute('href'), /^\/atgarder#atgard-\d+$/);
  await assertAccessible(page, 'the case with its plan accepted');
  await page.evaluate(() => window.scrollTo(0, 0));  // the case's head and timeline, for the README
  await screenshot(page, 'case');
  await context.close();
});
