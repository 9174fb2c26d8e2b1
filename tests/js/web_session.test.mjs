// Typed text is never lost (issue 19 point 5), in a real browser (Chromium through
// playwright-core, axe-core on every page touched): the secretary types in the minutes, is logged
// out in another tab, saves anyway, logs in again and is back in the form with the text, saves,
// and the new version has it; the keep and the restore are in the audit log. And the warning
// before the session ends: the page says until when it lasts, and a few minutes before the end a
// warning with "Fortsätt" renews it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import { ADMIN_PASSWORD } from './server.mjs';
import { DEMO_PASSWORD, CONTRACT_TITLE, submit, apiClient, demoServerAndBrowser } from './pages.mjs';

let server;
let browser;

demoServerAndBrowser((env) => ({ server, browser } = env));

// The JSON API as a person (tests/js/pages.mjs).
const apiAs = (username, password) => apiClient(server, username, password);

// A meeting of the demo contract next year, its agenda published and its minutes started.
async function meetingWithMinutes(day) {
  const anna = await apiAs('anna.avtal');
  const contracts = await anna('GET', '/api/v1/contracts');
  const contract = contracts.find((c) => c.title === CONTRACT_TITLE);
  const year = new Date().getFullYear() + 1;
  const meeting = await anna('POST', `/api/v1/contracts/${contract.id}/meetings`,
                             { starts_at: `${year}-${day}T13:00`, location: 'Linnégården' });
  await anna('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await anna('POST', `/api/v1/meetings/${meeting.id}/minutes`);
  return { meeting, anna };
}

async function fillLogin(page, username, password = DEMO_PASSWORD) {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  return submit(page, page.getByRole('button', { name: 'Logga in' }));
}

test('a save after the session ended keeps the text for its owner, who saves it after logging in', async () => {
  const { meeting, anna } = await meetingWithMinutes('04-14');
  const editPath = `/moten/${meeting.id}/protokoll/redigera`;
  const text = 'Mötet öppnades kl. 13.05 av ordföranden, som hälsade MAS välkommen.';
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/logga-in`);
    assert.equal((await fillLogin(page, 'anna.avtal')).status(), 303);
    await page.goto(`${server.base}${editPath}`);
    assert.match(await page.locator('#session-note').innerText(), /^Du är inloggad till minst kl\. \d\d\.\d\d/);
    await page.locator('#sections-0-notes').fill(text);

    // Logged out in another tab of the same browser: the cookie is gone for both.
    const other = await context.newPage();
    await other.goto(`${server.base}/`);
    await submit(other, other.getByRole('button', { name: 'Logga ut' }));
    await other.close();

    const kept = await submit(page, page.getByRole('button', { name: 'Spara protokollet' }));
    assert.equal(kept.status(), 303);
    assert.equal(new URL(page.url()).pathname, '/logga-in');
    assert.match(await page.locator('[role="status"]').innerText(), /Din text är sparad tillfälligt/);
    await assertAccessible(page, 'the login page after a save without a session');

    assert.equal((await fillLogin(page, 'anna.avtal')).status(), 303);
    assert.equal(new URL(page.url()).pathname, editPath);
    assert.equal(await page.locator('#sections-0-notes').inputValue(), text);
    assert.match(await page.locator('#sparad-text').innerText(), /Här är texten du skrev innan du blev utloggad/);
    await assertAccessible(page, 'the edit form with the kept text');

    // Meanwhile the minutes moved on in another section: the kept text is merged with it.
    const current = await anna('GET', `/api/v1/meetings/${meeting.id}/minutes`);
    current.minutes.sections[2].notes = 'Dagordningen godkändes.';
    const put = await fetch(`${server.base}/api/v1/meetings/${meeting.id}/minutes`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await server.login('anna.avtal', DEMO_PASSWORD)}`,
                 'content-type': 'application/json', 'if-match': `"${current.version}"` },
      body: JSON.stringify(current),
    });
    assert.ok(put.status < 300, `PUT answered ${put.status}: ${await put.text()}`);

    const saved = await submit(page, page.getByRole('button', { name: 'Spara protokollet' }));
    assert.equal(saved.status(), 303);
    assert.match(await page.locator('[role="status"]').innerText(), /^Protokollet är sparat/);
    const after = await anna('GET', `/api/v1/meetings/${meeting.id}/minutes`);
    assert.equal(after.minutes.sections[0].notes, text);
    assert.equal(after.minutes.sections[2].notes, 'Dagordningen godkändes.');

    // Given back once: the same link later shows the saved minutes, not the kept form again.
    await page.goto(`${server.base}${editPath}`);
    assert.equal(await page.locator('#sparad-text').count(), 0);

    const admin = await apiAs('admin', ADMIN_PASSWORD);
    const audit = await admin('GET', `/api/v1/audit?object_type=meeting&object_id=${meeting.id}&limit=1000`);
    const actions = audit.map((e) => e.action);
    assert.ok(actions.includes('minutes.form.keep'), actions.join(', '));
    assert.ok(actions.includes('minutes.form.restore'), actions.join(', '));
  } finally {
    await context.close();
  }
});

test('a save without a session whose owner is not proven keeps nothing', async () => {
  const { meeting } = await meetingWithMinutes('04-21');
  const answer = await fetch(`${server.base}/moten/${meeting.id}/protokoll/redigera`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'csrf_token=guessed&owner=anna.avtal&version=x&sections-0-notes=planted',
  });
  assert.equal(answer.status, 303);
  const location = answer.headers.get('location');
  assert.match(location, /^\/logga-in\?utgangen=1/);
  assert.doesNotMatch(location, /sparad/);
});

test('the edit page warns before the session ends, and "Fortsätt" renews it', async () => {
  const { meeting } = await meetingWithMinutes('04-28');
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${server.base}/logga-in`);
    assert.equal((await fillLogin(page, 'anna.avtal')).status(), 303);
    await page.goto(`${server.base}/moten/${meeting.id}/protokoll/redigera`);
    const note = page.locator('#session-note');
    const idle = Number(await note.getAttribute('data-idle-seconds'));
    const lead = Number(await note.getAttribute('data-warn-seconds'));
    assert.equal(idle, 30 * 60);
    assert.equal(lead, 5 * 60);
    const warning = page.locator('#session-warning');
    assert.equal(await warning.isVisible(), false);

    await page.clock.fastForward((idle - lead - 10) * 1000);
    assert.equal(await warning.isVisible(), false);
    await page.clock.fastForward(20 * 1000);
    await warning.waitFor({ state: 'visible' });
    assert.match(await warning.innerText(), /Du loggas ut omkring kl\. \d\d\.\d\d eftersom du inte har sparat på en stund/);
    await assertAccessible(page, 'the edit form with the session warning');

    const [renewed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/me')),
      page.getByRole('button', { name: 'Fortsätt' }).click(),
    ]);
    assert.equal(renewed.status(), 200);
    await warning.waitFor({ state: 'hidden' });
    // Warned again a whole period later, not at once.
    await page.clock.fastForward((idle - lead - 10) * 1000);
    assert.equal(await warning.isVisible(), false);
  } finally {
    await context.close();
  }
});

// Issue 19 point 9: the agenda numbers items added under Övriga frågor as their § in the minutes.
test('the meeting page numbers added items as the minutes number their §', async () => {
  const anna = await apiAs('anna.avtal');
  const contracts = await anna('GET', '/api/v1/contracts');
  const contract = contracts.find((c) => c.title === CONTRACT_TITLE);
  const year = new Date().getFullYear() + 1;
  const meeting = await anna('POST', `/api/v1/contracts/${contract.id}/meetings`,
                             { starts_at: `${year}-05-05T13:00`, location: 'Linnégården' });
  await anna('POST', `/api/v1/meetings/${meeting.id}/agenda/items`, { title: 'Vikarier under sommaren' });
  await anna('POST', `/api/v1/meetings/${meeting.id}/agenda/items`, { title: 'Nytt larmsystem' });
  await anna('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  const started = await anna('POST', `/api/v1/meetings/${meeting.id}/minutes`);

  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/logga-in`);
    assert.equal((await fillLogin(page, 'anna.avtal')).status(), 303);
    await page.goto(`${server.base}/moten/${meeting.id}`);
    const number = async (key) =>
      (await page.locator(`#punkt-${key} .agenda-item__number`).first().innerText()).trim();
    assert.equal(await number('other_questions'), '10.');
    assert.equal(await number('extra-1'), '11.');
    assert.equal(await number('extra-2'), '12.');
    assert.equal(await number('next_meeting'), '13.');
    await assertAccessible(page, 'the meeting page with added items');
    const titles = started.minutes.sections.map((s) => `§ ${s.number} ${s.title}`);
    assert.ok(titles.includes('§ 11 Vikarier under sommaren'), titles.join(', '));
    assert.ok(titles.includes('§ 13 Nästa möte'), titles.join(', '));
  } finally {
    await context.close();
  }
});
