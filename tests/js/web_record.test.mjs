// Issue 19 points 1 and 2, in a real browser and over HTTP: a meeting whose minutes exist is not
// changed under them (the forms that could no longer work are gone from /moten/{id}, with a
// Swedish explanation; the API answers 409 problem+json with the reason), and only the party that
// proposed an added agenda item (or the contract manager) removes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import { DEMO_PASSWORD, CONTRACT_TITLE, demoServerAndBrowser } from './pages.mjs';

let server;
let browser;

demoServerAndBrowser((env) => ({ server, browser } = env));

// The JSON API as a person: every answer, with its status, for the test to judge.
async function apiAs(username) {
  const token = await server.login(username, DEMO_PASSWORD);
  return async (method, where, body) => {
    const answer = await fetch(`${server.base}${where}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    return { status: answer.status, type: answer.headers.get('content-type'),
             json: text ? JSON.parse(text) : null };
  };
}

async function ok(call) {
  const answer = await call;
  assert.ok(answer.status < 300, `answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  return answer.json;
}

async function demoMeetings(anna) {
  const contracts = await ok(anna('GET', '/api/v1/contracts'));
  const contract = contracts.find((c) => c.title === CONTRACT_TITLE);
  const meetings = await ok(anna('GET', `/api/v1/contracts/${contract.id}/meetings`));
  return meetings.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
}

async function pageAs(username) {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Logga in' }).click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return { context, page };
}

async function visitMeeting(page, id, what) {
  const answer = await page.goto(`${server.base}/moten/${id}`);
  assert.equal(answer.status(), 200, what);
  await assertAccessible(page, what);
}

async function headings(page) {
  return (await page.locator('h3').allInnerTexts()).map((t) => t.trim());
}

function assertProblem(answer, status, reason) {
  assert.equal(answer.status, status, JSON.stringify(answer.json));
  assert.match(answer.type, /application\/problem\+json/);
  assert.equal(answer.json.reason, reason);
}

test('a meeting whose minutes exist is not changed under them', async () => {
  const anna = await apiAs('anna.avtal');
  const ulla = await apiAs('ulla.utforare');
  const rita = await apiAs('rita.registrator');
  const meeting = (await demoMeetings(anna))[1];
  const id = meeting.id;
  await ok(anna('POST', `/api/v1/meetings/${id}/agenda/publish`));
  await ok(anna('POST', `/api/v1/meetings/${id}/minutes`));

  const { context, page } = await pageAs('anna.avtal');
  // A draft: the meeting still moves, but it was held and is not cancelled.
  await visitMeeting(page, id, 'a meeting with draft minutes');
  let shown = await headings(page);
  assert.ok(shown.includes('Flytta mötet'), shown.join(' | '));
  assert.ok(!shown.includes('Ställ in mötet'), shown.join(' | '));
  assert.match(await page.locator('#andra-las').innerText(), /kan därför inte ställas in/);
  assertProblem(await anna('PATCH', `/api/v1/meetings/${id}`, { status: 'cancelled', cancel_reason: 'Sjukdom' }),
    409, 'meeting-has-minutes');

  // In review: time, place and participants change only through a new version of the minutes.
  await ok(anna('POST', `/api/v1/meetings/${id}/minutes/submit`));
  await visitMeeting(page, id, 'a meeting with minutes in review');
  shown = await headings(page);
  for (const gone of ['Flytta mötet', 'Deltagare och roller', 'Ställ in mötet'])
    assert.ok(!shown.includes(gone), `${gone}: ${shown.join(' | ')}`);
  assert.match(await page.locator('#andra-las').innerText(), /ändras nu bara genom en ny version av protokollet/);
  assertProblem(await anna('PATCH', `/api/v1/meetings/${id}`, { location: 'Stadsdelshuset' }),
    409, 'meeting-of-minutes-in-review');

  // Registered: nothing about the meeting changes; the register, the meeting and the minutes agree.
  const version = (await ok(anna('GET', `/api/v1/meetings/${id}/minutes`))).version;
  await ok(ulla('POST', `/api/v1/meetings/${id}/minutes/approve`, { version }));
  await ok(anna('POST', `/api/v1/meetings/${id}/minutes/approve`, { version }));
  const registered = await ok(rita('POST', `/api/v1/meetings/${id}/minutes/register`));
  const number = registered.registration?.number ?? registered.registry_number ?? '';
  const moved = await anna('PATCH', `/api/v1/meetings/${id}`, { starts_at: '2026-12-20T10:00' });
  assertProblem(moved, 409, 'meeting-of-registered-minutes');
  assertProblem(await anna('PATCH', `/api/v1/meetings/${id}`, { status: 'cancelled', cancel_reason: 'x' }),
    409, 'meeting-of-registered-minutes');
  const after = await ok(anna('GET', `/api/v1/meetings/${id}`));
  assert.equal(after.starts_at, meeting.starts_at);
  assert.equal(after.status, 'planned');
  const minutes = await ok(anna('GET', `/api/v1/meetings/${id}/minutes`));
  assert.equal(JSON.stringify(minutes).includes(meeting.starts_at.slice(0, 10)), true);

  await visitMeeting(page, id, 'a meeting with registered minutes');
  shown = await headings(page);
  for (const gone of ['Flytta mötet', 'Deltagare och roller', 'Ställ in mötet'])
    assert.ok(!shown.includes(gone), `${gone}: ${shown.join(' | ')}`);
  const note = await page.locator('#andra-las').innerText();
  assert.match(note, /Protokollet är diariefört/);
  if (number) assert.ok(note.includes(number), note);

  // A forged post of the hidden form is refused with the reason in Swedish.
  const token = await page.locator('input[name="csrf_token"]').first().inputValue();
  const forged = await page.evaluate(async ({ where, token }) => {
    const r = await fetch(where, { method: 'POST', body: new URLSearchParams({ csrf_token: token, date: '2026-12-20', time: '10:00', location: 'x' }) });
    return { status: r.status, text: await r.text() };
  }, { where: `/moten/${id}/flytta`, token });
  assert.equal(forged.status, 409);
  assert.match(forged.text, /Protokollet är diariefört\. Mötet ändras inte längre/);
  await context.close();
});

test('only the party that proposed an added item removes it; the contract manager any', async () => {
  const anna = await apiAs('anna.avtal');
  const ulla = await apiAs('ulla.utforare');
  const id = (await demoMeetings(anna))[2].id;
  await ok(anna('POST', `/api/v1/meetings/${id}/agenda/items`, { title: 'Förvaltningens punkt' }));
  await ok(ulla('POST', `/api/v1/meetings/${id}/agenda/items`, { title: 'Utförarens punkt' }));
  const agenda = await ok(ulla('GET', `/api/v1/meetings/${id}/agenda`));
  // The key of the object anywhere in the answer whose title is `title`.
  const keyOf = (value, title) => {
    if (Array.isArray(value)) {
      for (const v of value) { const k = keyOf(v, title); if (k) return k; }
    } else if (value && typeof value === 'object') {
      if (value.title === title && typeof value.key === 'string') return value.key;
      for (const v of Object.values(value)) { const k = keyOf(v, title); if (k) return k; }
    }
    return null;
  };
  const annaKey = keyOf(agenda, 'Förvaltningens punkt');
  assert.ok(annaKey, JSON.stringify(agenda));

  const { context, page } = await pageAs('ulla.utforare');
  await visitMeeting(page, id, 'the provider at an agenda with both parties\' items');
  const buttons = await page.getByRole('button', { name: /^Ta bort punkten/ }).evaluateAll(
    (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.equal(buttons.length, 1, buttons.join(' | '));
  assert.match(buttons[0], /Utförarens punkt/);

  // A forged post for the administration's item: 403, the item stays.
  const token = await page.locator('input[name="csrf_token"]').first().inputValue();
  const forged = await page.evaluate(async ({ where, token }) => {
    const r = await fetch(where, { method: 'POST', body: new URLSearchParams({ csrf_token: token }) });
    return { status: r.status, text: await r.text() };
  }, { where: `/moten/${id}/dagordning/punkter/${annaKey}/ta-bort`, token });
  assert.equal(forged.status, 403);
  assert.match(forged.text, /Bara den part som föreslog punkten/);
  assertProblem(await ulla('DELETE', `/api/v1/meetings/${id}/agenda/items/${annaKey}`), 403, 'not-item-proposer');
  assert.ok(JSON.stringify(await ok(ulla('GET', `/api/v1/meetings/${id}/agenda`))).includes('Förvaltningens punkt'));
  await context.close();

  // The contract manager sees "Ta bort" on both and removes the provider's item.
  const manager = await pageAs('anna.avtal');
  await visitMeeting(manager.page, id, 'the manager at the same agenda');
  const all = manager.page.getByRole('button', { name: /^Ta bort punkten/ });
  assert.equal(await all.count(), 2);
  await Promise.all([
    manager.page.waitForResponse((r) => r.request().method() === 'POST'),
    manager.page.getByRole('button', { name: /^Ta bort punkten .*Utförarens punkt/ }).click(),
  ]);
  await manager.page.waitForLoadState('domcontentloaded');
  assert.equal(await manager.page.getByRole('button', { name: /^Ta bort punkten/ }).count(), 1);
  await manager.context.close();
});
