// Issue 13 point 7 in a real browser with axe-core on every page: the contract manager starts
// this year's follow-up of the demo contract and assesses every area, sends it for fact-check;
// the provider comments on one area; the manager answers the comment and asks for a supplement,
// the provider sends it, the manager decides it and finalizes; the registrar registers after the
// confirmation. Each person finds their part on the start page, Att göra.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertAccessible } from './browser.mjs';
import {
  CONTRACT_TITLE, dayFromToday, demoServerAndBrowser, flash, heading, loggedIn, screenshot, submit,
} from './pages.mjs';

const COMMENT = 'Det oanmälda besöket gjordes på kvällen, inte på förmiddagen.';
const ANSWER = 'Tiden är rättad i rapporten.';
const SUPPLEMENT = 'Skicka bemanningsschemat för mars.';
const SENT = 'Schemat för mars visar två personer på natten varje natt.';

// The smallest PDF a reader opens: one empty page, its cross-reference table and trailer.
const TINY_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
  'xref', '0 4', '0000000000 65535 f ', '0000000009 00000 n ', '0000000058 00000 n ',
  '0000000115 00000 n ', 'trailer << /Size 4 /Root 1 0 R >>', 'startxref', '186', '%%EOF', '',
].join('\n');

const env = demoServerAndBrowser();
let reportPath;

const as = (username) => loggedIn(env, username);

test('the contract manager starts the follow-up, assesses every area and sends it for fact-check', async () => {
  const { context, page } = await as('anna.avtal');
  await page.goto(`${env.server.base}/avtal`);
  await page.getByRole('link', { name: CONTRACT_TITLE }).first().click();
  await page.waitForLoadState('domcontentloaded');
  assert.ok(await page.getByRole('heading', { name: 'Uppföljningar' }).isVisible());
  await assertAccessible(page, 'the contract page with its follow-ups');
  await page.getByLabel('Verksamhetsuppföljning').check();
  const started = await submit(page, page.getByRole('button', { name: 'Påbörja uppföljningen' }));
  assert.equal(started.status(), 303);
  assert.match(await heading(page), /^Redigera Verksamhetsuppföljning \d{4}$/);
  assert.match(await flash(page), /påbörjad/);
  await assertAccessible(page, 'the edit form of a new report');
  reportPath = new URL(page.url()).pathname.replace(/\/redigera$/, '');

  await page.getByLabel('Metod', { exact: true }).fill('Dialogmöte med enhetschef och MAS, granskning av genomförandeplaner, oanmält besök.');
  await page.getByLabel('Datum för besök 1').fill(dayFromToday(-10));
  await page.getByLabel('Besök 1 anmält eller oanmält').selectOption('nej');
  await page.getByLabel('Anteckning för besök 1').fill('Oanmält besök på kvällen');
  const assessments = page.locator('select[name$="-assessment"]');
  const count = await assessments.count();
  assert.ok(count > 3, `the template's areas: ${count}`);
  for (let i = 0; i < count; i += 1) await assessments.nth(i).selectOption(i === 0 ? 'partly_meets' : 'meets');
  await page.locator('#areas-0-findings').fill('Rutinerna finns men **är inte kända** av alla.');
  await page.locator('#areas-0-improvements-0-text').fill('Gå igenom rutinerna med all personal.');
  await page.locator('#areas-0-improvements-0-due_date').fill(dayFromToday(90));
  await submit(page, page.getByRole('button', { name: 'Spara rapporten' }));
  assert.match(await flash(page), /Rapporten är sparad/);

  await page.goto(`${env.server.base}${reportPath}`);
  assert.ok((await page.locator('main').innerText()).includes('Uppfyller delvis kraven'));
  assert.equal(await page.locator('.findings strong').first().innerText(), 'är inte kända');
  await assertAccessible(page, 'the assessed report');
  await screenshot(page, 'report-draft');
  await submit(page, page.getByRole('button', { name: 'Skicka på faktagranskning' }));
  assert.match(await flash(page), /faktagranskning/);
  assert.ok((await page.locator('#rapport-fakta').innerText()).includes('Faktagranskning'));
  await context.close();
});

test('the provider fact-checks one area from the start page', async () => {
  const { context, page } = await as('ulla.utforare');
  await page.goto(`${env.server.base}/`);
  assert.ok(await page.getByRole('heading', { name: 'Uppföljningar att faktagranska' }).isVisible());
  await assertAccessible(page, "the provider's start page with a report to fact-check");
  await page.locator('#faktagranska a').first().click();
  await page.waitForLoadState('domcontentloaded');
  assert.ok(await page.getByRole('heading', { name: 'Din faktagranskning' }).isVisible());
  await assertAccessible(page, 'the report out for fact-check');
  await page.locator('textarea[name^="factcheck-"]').first().fill(COMMENT);
  await submit(page, page.getByRole('button', { name: 'Skicka synpunkter' }));
  assert.match(await flash(page), /synpunkter är skickade/);
  assert.ok((await page.locator('#omraden').innerText()).includes(COMMENT));
  await context.close();
});

test('the manager answers the comment and asks for a supplement; the provider sends it', async () => {
  const manager = await as('anna.avtal');
  await manager.page.goto(`${env.server.base}/`);
  assert.ok(await manager.page.getByRole('heading', { name: /synpunkter att besvara/ }).isVisible());
  await manager.page.goto(`${env.server.base}${reportPath}`);
  await manager.page.getByLabel('Svar på synpunkten').fill(ANSWER);
  await submit(manager.page, manager.page.getByRole('button', { name: 'Svara', exact: true }));
  assert.match(await flash(manager.page), /svar på synpunkten är sparat/);
  await manager.page.getByLabel('Vad ska kompletteras').fill(SUPPLEMENT);
  await manager.page.getByLabel('Senast', { exact: true }).fill(dayFromToday(14));
  await submit(manager.page, manager.page.getByRole('button', { name: 'Begär kompletteringen' }));
  assert.match(await flash(manager.page), /Kompletteringen är begärd/);
  await assertAccessible(manager.page, 'the answered report with a supplement requested');
  await manager.context.close();

  const provider = await as('ulla.utforare');
  await provider.page.goto(`${env.server.base}/`);
  assert.ok(await provider.page.getByRole('heading', { name: 'Begärda kompletteringar' }).isVisible());
  await provider.page.locator('#komplettera a').first().click();
  await provider.page.waitForLoadState('domcontentloaded');
  assert.ok((await provider.page.locator('main').innerText()).includes(ANSWER));
  await provider.page.getByLabel('Komplettering 1: din text').fill(SENT);
  await submit(provider.page, provider.page.getByRole('button', { name: 'Skicka kompletteringen' }));
  assert.match(await flash(provider.page), /Kompletteringen är skickad/);
  const folder = mkdtempSync(join(tmpdir(), 'samverkan-report-'));
  const file = join(folder, 'bemanningsschema-mars.pdf');
  writeFileSync(file, TINY_PDF);
  await provider.page.getByLabel(/^Bifoga en fil till komplettering 1/).setInputFiles(file);
  await submit(provider.page, provider.page.getByRole('button', { name: 'Bifoga filen' }));
  assert.match(await flash(provider.page), /Filen är bifogad/);
  const attached = provider.page.locator('#bilagor').getByRole('link', { name: 'bemanningsschema-mars.pdf' });
  assert.ok(await attached.isVisible());
  assert.match(await provider.page.locator('#bilagor').innerText(), /Komplettering 1/);
  await assertAccessible(provider.page, 'the report with the supplement sent');
  await provider.context.close();
});

test('the manager decides the supplement and finalizes; the registrar registers', async () => {
  const manager = await as('anna.avtal');
  await manager.page.goto(`${env.server.base}${reportPath}`);
  assert.ok((await manager.page.locator('#kompletteringar').innerText()).includes(SENT));
  await manager.page.getByLabel(/^Ny bedömning av/).selectOption('meets');
  await manager.page.getByLabel('Motivering för komplettering 1').fill('Schemat visar bemanning enligt avtalet.');
  await submit(manager.page, manager.page.getByRole('button', { name: 'Bedöm kompletteringen' }));
  assert.match(await flash(manager.page), /Kompletteringen är bedömd/);
  await submit(manager.page, manager.page.getByRole('button', { name: 'Gör rapporten slutlig' }));
  assert.match(await flash(manager.page), /Rapporten är slutlig/);
  await assertAccessible(manager.page, 'the final report');
  await manager.context.close();

  const { context, page } = await as('rita.registrator');
  await page.goto(`${env.server.base}/`);
  assert.ok(await page.getByRole('heading', { name: 'Slutliga uppföljningar att diarieföra' }).isVisible());
  await page.goto(`${env.server.base}${reportPath}`);
  await submit(page, page.getByRole('button', { name: 'Diarieför rapporten' }));
  assert.equal(await heading(page), 'Vill du diarieföra rapporten?');
  await assertAccessible(page, 'the confirmation of registering a report');
  await submit(page, page.getByRole('button', { name: 'Ja, diarieför rapporten' }));
  assert.match(await flash(page), /Rapporten är diarieförd/);
  assert.ok((await page.locator('#rapport-fakta').innerText()).includes('Diarieförd'));
  assert.match(await page.locator('#rapport-fakta').innerText(), /Diarienummer/);
  await page.goto(`${env.server.base}/uppfoljningar`);
  assert.ok((await page.locator('#uppfoljningar').innerText()).includes('Diarieförd'));
  await assertAccessible(page, 'the list of follow-ups');
  await context.close();
});
