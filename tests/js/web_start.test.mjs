// Issue 19, points 11 and 12, in a real browser (Debian's Chromium, driven by playwright-core),
// every page checked by axe-core against WCAG 2.1 A and AA: the start page "Att göra" of a
// contract manager, a provider and a registrar (what waits for each, with counts and links, and
// notifications marked read, with the API's own endpoint for that), and the register's search
// on /diariet (partial numbers, words with highlighted snippets, hostile text).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';
import { DEMO_PASSWORD, CONTRACT_TITLE, freshPage, heading, submit, apiClient, screenshot } from './pages.mjs';

let server;
let browser;
let meeting;     // the demo contract's first meeting: its minutes go through review here
let pastOthers;  // the demo contract's other meetings already held (no minutes)

before(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  const anna = await apiAs('anna.avtal');
  const contract = (await anna('GET', '/api/v1/contracts')).find((c) => c.title === CONTRACT_TITLE);
  const meetings = (await anna('GET', `/api/v1/contracts/${contract.id}/meetings`))
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  meeting = meetings[0];
  pastOthers = meetings.slice(1).filter((m) => new Date(m.starts_at) < new Date());
  await anna('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await anna('POST', `/api/v1/meetings/${meeting.id}/minutes`);
  await anna('POST', `/api/v1/meetings/${meeting.id}/minutes/submit`);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// The JSON API as a person (tests/js/pages.mjs).
const apiAs = (username, password) => apiClient(server, username, password);

async function logIn(page, username) {
  await page.goto(`${server.base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  const answer = await submit(page, page.getByRole('button', { name: 'Logga in' }));
  assert.equal(answer.status(), 303, `login as ${username}`);
  assert.equal(new URL(page.url()).pathname, '/');
}

async function search(page, words) {
  await page.getByLabel('Sökord').fill(words);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/diariet?')),
    page.getByRole('button', { name: 'Sök', exact: true }).click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  assert.equal(answer.status(), 200, `search ${words}`);
}

async function approveBoth() {
  const anna = await apiAs('anna.avtal');
  const ulla = await apiAs('ulla.utforare');
  const life = await anna('GET', `/api/v1/meetings/${meeting.id}/minutes/lifecycle`);
  if (life.state !== 'in_review') return;
  await ulla('POST', `/api/v1/meetings/${meeting.id}/minutes/approve`, { version: life.version });
  await anna('POST', `/api/v1/meetings/${meeting.id}/minutes/approve`, { version: life.version });
}

test('the provider lands on Att göra: minutes to approve, a notification marked read', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'ulla.utforare');
    assert.equal(await heading(page), 'Att göra');
    assert.equal(await page.getByRole('link', { name: 'Att göra' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.locator('#justera-antal').innerText(), '1');
    assert.equal(await page.locator(`#justera a[href="/moten/${meeting.id}/protokoll"]`).count(), 1);
    assert.equal(await page.locator('#utan-protokoll').count(), 0, 'not the provider\'s to write');
    assert.equal(await page.getByRole('link', { name: 'Diariet' }).count(), 0);
    const notice = page.locator('#meddelanden li');
    assert.equal(await notice.count(), 1);
    assert.match(await notice.innerText(), /väntar på din justering/);
    await assertAccessible(page, 'the provider\'s start page');

    const read = await submit(page, notice.getByRole('button', { name: /^Markera som läst/ }));
    assert.equal(read.status(), 303);
    assert.equal((await page.locator('[role="status"]').innerText()).trim(), 'Meddelandet är markerat som läst.');
    assert.match(await page.locator('#meddelanden').innerText(), /Inga olästa meddelanden/);
    assert.equal(await page.locator('#justera-antal').innerText(), '1', 'still to approve');
    await assertAccessible(page, 'the start page after marking read');

    // The contracts stay one click away.
    await page.getByRole('link', { name: 'Mina avtal' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(new URL(page.url()).pathname, '/avtal');
    assert.equal(await heading(page), 'Mina avtal');
    assert.equal(await page.getByRole('link', { name: CONTRACT_TITLE }).count(), 1);
  } finally {
    await context.close();
  }

  // Another provider's person sees none of it.
  const other = await freshPage(browser);
  try {
    await logIn(other.page, 'nils.norr');
    assert.match(await other.page.locator('main').innerText(), /Inget väntar på dig just nu/);
    assert.doesNotMatch(await other.page.locator('main').innerText(), /Linnégården/);
    await assertAccessible(other.page, 'an empty start page');
  } finally {
    await other.context.close();
  }
});

test('the contract manager\'s start page: to approve, and meetings held without minutes', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'anna.avtal');
    assert.equal(await heading(page), 'Att göra');
    assert.equal(await page.locator('#justera-antal').innerText(), '1');
    if (pastOthers.length > 0) {
      assert.equal(await page.locator('#utan-protokoll-antal').innerText(), String(pastOthers.length));
      for (const m of pastOthers)
        assert.equal(await page.locator(`#utan-protokoll a[href="/moten/${m.id}/protokoll"]`).count(), 1);
    } else {
      assert.equal(await page.locator('#utan-protokoll').count(), 0);
    }
    assert.equal(await page.getByRole('link', { name: 'Diariet' }).count(), 1, 'the register is searched by contract managers');
    await assertAccessible(page, 'the contract manager\'s start page');
    await screenshot(page, 'start');
  } finally {
    await context.close();
  }
});

test('the registrar is told of approved minutes and finds them on the start page', async () => {
  await approveBoth();
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'rita.registrator');
    assert.equal(await heading(page), 'Att göra');
    assert.equal(await page.locator('#diariefor-antal').innerText(), '1');
    assert.equal(await page.locator('#diariefor a[href="/diariet#ko"]').count(), 1);
    assert.match(await page.locator('#meddelanden li').first().innerText(), /är justerat och väntar på diarieföring/);
    assert.equal(await page.locator('#justera').count(), 0);
    await assertAccessible(page, 'the registrar\'s start page');
  } finally {
    await context.close();
  }
});

test('a notification is marked read through the API, only by its own person', async () => {
  const ulla = await apiAs('ulla.utforare');
  const nils = await apiAs('nils.norr');
  const anna = await apiAs('anna.avtal');
  const all = await anna('GET', '/api/v1/notifications');
  const unread = all.find((n) => n.read_at === null);
  assert.ok(unread, 'anna has an unread notification');
  await nils('POST', `/api/v1/notifications/${unread.id}/read`, undefined, 404);
  await ulla('POST', `/api/v1/notifications/${unread.id}/read`, undefined, 404);
  await anna('POST', `/api/v1/notifications/${unread.id}/read`, undefined, 204);
  await anna('POST', `/api/v1/notifications/${unread.id}/read`, undefined, 204);
  const after = (await anna('GET', '/api/v1/notifications')).find((n) => n.id === unread.id);
  assert.match(after.read_at, /^\d{4}-\d\d-\d\dT/);
  await anna('POST', '/api/v1/notifications/999999/read', undefined, 404);
});

test('the register is searched by partial number, words and snippets, never broken by the text', async () => {
  await approveBoth();
  const rita = await apiAs('rita.registrator');
  const life = await rita('POST', `/api/v1/meetings/${meeting.id}/minutes/register`);
  // SDN <year>/<seq>: after this year's protocols of the demo's other Östermalm contract.
  const number = life.registration.number;
  const [, year, padded] = number.match(/(\d{4})\/(\d{4})/);
  const seq = Number(padded);

  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'anna.avtal');
    await page.getByRole('link', { name: 'Diariet' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await heading(page), 'Diariet');
    assert.equal(await page.locator('#ko').count(), 0, 'the queue is the registrar\'s');
    await assertAccessible(page, 'the register for a contract manager');

    for (const words of [`${year}/${seq}`, padded, number.toLowerCase(), 'Linnégården']) {
      await search(page, words);
      assert.match(await page.locator('#register tbody').innerText(), new RegExp(number.replace('/', '\\/')), words);
    }
    // A word of the protocol's text, highlighted in its snippet.
    await search(page, 'öppnande');
    const marked = page.locator('#register .snippet mark');
    assert.ok(await marked.count() >= 1);
    assert.match((await marked.first().innerText()).toLowerCase(), /öppnande/);
    await assertAccessible(page, 'a search of the register with a snippet');

    // Quotes and operators are no syntax: alone they find nothing; beside words they are words
    // ("OR" finds what begins with "or"), and the page answers as for any search.
    for (const hostile of ['"', 'NEAR(', '*', '-', '<script>alert(1)</script>', '") OR ("']) {
      await search(page, hostile);
      if (!hostile.includes('OR'))
        assert.match(await page.locator('#inga-traffar').innerText(), /Inga diarieförda protokoll matchar sökningen/, hostile);
      assert.equal(await page.locator('main script').count(), 0);
      assert.equal(await page.getByLabel('Sökord').inputValue(), hostile);
    }
    await search(page, `${year}/${seq + 1}`);
    assert.equal(await page.locator('#inga-traffar').count(), 1);
  } finally {
    await context.close();
  }

  // The API: the provider finds its protocol, another provider nothing.
  const ulla = await apiAs('ulla.utforare');
  const nils = await apiAs('nils.norr');
  const found = await ulla('GET', `/api/v1/registry?q=${encodeURIComponent('öppnande')}`);
  assert.equal(found.length, 1);
  assert.equal(found[0].number, number);
  assert.ok(found[0].snippet.some((p) => p.match && /öppnande/i.test(p.text)));
  assert.equal((await nils('GET', `/api/v1/registry?q=${encodeURIComponent('Linnégården')}`)).length, 0);
  assert.equal((await ulla('GET', `/api/v1/registry?number=${encodeURIComponent(`${year}/${seq}`)}`)).length, 1);
});
