// Issue 19, points 3, 4 and 13 in a real browser (Debian's Chromium through playwright-core),
// every page checked by axe-core against WCAG 2.1 A and AA:
//   - steps that cannot be undone (ställ in, skicka tillbaka, diarieför) ask first, without
//     JavaScript: the first click changes nothing, only the confirmation does;
//   - the agenda says "hölls" only of a meeting that was held, and always a status;
//   - a year outside the contract says so; a meeting's place is set on its own; the
//     accessibility statement is linked from every page; /favicon.ico is served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import { DEMO_PASSWORD, CONTRACT_TITLE, freshPage, heading, flash, submit, apiClient, demoServerAndBrowser } from './pages.mjs';

let server;
let browser;

demoServerAndBrowser((env) => ({ server, browser } = env));

async function visit(page, where, what) {
  const answer = await page.goto(`${server.base}${where}`);
  assert.equal(answer.status(), 200, `${what}: ${where}`);
  await assertAccessible(page, what);
  return answer;
}

async function logIn(page, username) {
  await page.goto(`${server.base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  const answer = await submit(page, page.getByRole('button', { name: 'Logga in' }));
  assert.equal(answer.status(), 303, `login as ${username}`);
}

// The JSON API as a person (tests/js/pages.mjs).
const apiAs = (username, password) => apiClient(server, username, password);

async function demoMeetings() {
  const anna = await apiAs('anna.avtal');
  const contracts = await anna('GET', '/api/v1/contracts');
  const contract = contracts.find((c) => c.title === CONTRACT_TITLE);
  const meetings = await anna('GET', `/api/v1/contracts/${contract.id}/meetings`);
  return { anna, contract, meetings: meetings.sort((a, b) => a.starts_at.localeCompare(b.starts_at)) };
}

// Minutes of a meeting sent for approval; with `approved`, both adjusters have approved.
async function minutesInReview(anna, meetingId, { approved = false } = {}) {
  await anna('POST', `/api/v1/meetings/${meetingId}/agenda/publish`);
  const started = await anna('POST', `/api/v1/meetings/${meetingId}/minutes`);
  await anna('POST', `/api/v1/meetings/${meetingId}/minutes/submit`);
  if (approved) {
    const ulla = await apiAs('ulla.utforare');
    await ulla('POST', `/api/v1/meetings/${meetingId}/minutes/approve`, { version: started.version });
    await anna('POST', `/api/v1/meetings/${meetingId}/minutes/approve`, { version: started.version });
  }
}

async function minutesState(anna, meetingId) {
  return (await anna('GET', `/api/v1/meetings/${meetingId}/minutes/lifecycle`)).state;
}

test('cancelling a meeting asks first; only the confirmation cancels it', async () => {
  const { anna: api, meetings } = await demoMeetings();
  const meeting = meetings[meetings.length - 1];
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'anna.avtal');
    await visit(page, `/moten/${meeting.id}`, 'the meeting page');
    await page.getByLabel('Anledning').fill('Lokalen är inte tillgänglig den dagen.');
    const asked = await submit(page, page.getByRole('button', { name: 'Ställ in mötet' }));
    assert.equal(asked.status(), 200);
    assert.equal(await heading(page), 'Vill du ställa in mötet?');
    assert.match(await page.locator('main').innerText(), /Det går inte att ångra[\s\S]*Lokalen är inte tillgänglig den dagen\./);
    await assertAccessible(page, 'the confirmation of a cancellation');
    assert.equal((await api('GET', `/api/v1/meetings/${meeting.id}`)).status, 'planned', 'the first click changes nothing');

    await page.getByRole('link', { name: 'Avbryt' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(new URL(page.url()).pathname, `/moten/${meeting.id}`);
    assert.match(await page.locator('.facts').innerText(), /Planerat/);

    await page.getByLabel('Anledning').fill('Lokalen är inte tillgänglig den dagen.');
    await submit(page, page.getByRole('button', { name: 'Ställ in mötet' }));
    const done = await submit(page, page.getByRole('button', { name: 'Ja, ställ in mötet' }));
    assert.equal(done.status(), 303);
    assert.equal(await flash(page), 'Mötet är inställt.');
    assert.match(await page.locator('.facts').innerText(), /Inställt\s+Anledning: Lokalen är inte tillgänglig den dagen\./);
    assert.equal((await api('GET', `/api/v1/meetings/${meeting.id}`)).status, 'cancelled');
    await assertAccessible(page, 'the cancelled meeting');
  } finally {
    await context.close();
  }
});

test('returning minutes asks first; only the confirmation returns them', async () => {
  const { anna: api, meetings } = await demoMeetings();
  const meeting = meetings[2];
  await minutesInReview(api, meeting.id);
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'ulla.utforare');
    await visit(page, `/moten/${meeting.id}/protokoll`, 'the minutes page for the provider');
    await page.getByLabel('Synpunkter på protokollet som helhet').fill('§ 4: vi hade 12 avvikelser, inte 21.');
    const asked = await submit(page, page.getByRole('button', { name: 'Skicka tillbaka' }));
    assert.equal(asked.status(), 200);
    assert.equal(await heading(page), 'Vill du skicka tillbaka protokollet?');
    assert.match(await page.locator('main').innerText(), /justeringar[\s\S]*§ 4: vi hade 12 avvikelser, inte 21\./);
    await assertAccessible(page, 'the confirmation of a return');
    assert.equal(await minutesState(api, meeting.id), 'in_review', 'the first click changes nothing');

    const done = await submit(page, page.getByRole('button', { name: 'Ja, skicka tillbaka' }));
    assert.equal(done.status(), 303);
    assert.equal(await flash(page), 'Protokollet är skickat tillbaka med dina synpunkter.');
    assert.equal(await minutesState(api, meeting.id), 'draft');
  } finally {
    await context.close();
  }
});

test('registering asks first, from the minutes page and from the queue', async () => {
  const { anna: api, meetings } = await demoMeetings();
  const meeting = meetings[1];
  await minutesInReview(api, meeting.id, { approved: true });
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'rita.registrator');
    await visit(page, `/moten/${meeting.id}/protokoll`, 'approved minutes for the registrar');
    const asked = await submit(page, page.getByRole('button', { name: 'Diarieför protokollet' }));
    assert.equal(asked.status(), 200);
    assert.equal(await heading(page), 'Vill du diarieföra protokollet?');
    await assertAccessible(page, 'the confirmation of a registration');
    assert.equal(await minutesState(api, meeting.id), 'approved', 'the first click changes nothing');
    await page.getByRole('link', { name: 'Avbryt' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(new URL(page.url()).pathname, `/moten/${meeting.id}/protokoll`);

    await visit(page, '/diariet', 'the registrar\'s queue');
    const queued = await submit(page, page.locator('#ko').getByRole('button', { name: /^Diarieför protokollet från/ }));
    assert.equal(queued.status(), 200);
    assert.equal(await heading(page), 'Vill du diarieföra protokollet?');
    assert.equal(await minutesState(api, meeting.id), 'approved', 'the first click changes nothing');
    const done = await submit(page, page.getByRole('button', { name: 'Ja, diarieför protokollet' }));
    assert.equal(done.status(), 303);
    assert.equal(new URL(page.url()).pathname, '/diariet');
    assert.match(await flash(page), /är diariefört som SDN \d{4}\/\d{4}\.$/);
    assert.equal(await minutesState(api, meeting.id), 'registered');
    await assertAccessible(page, 'the registry after registering');
  } finally {
    await context.close();
  }
});

test('the agenda says "hölls" only of a meeting that took place, with a status', async () => {
  const { meetings } = await demoMeetings();
  const today = new Date().toISOString().slice(0, 10);
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'anna.avtal');
    let checked = 0;
    for (const [i, meeting] of meetings.entries()) {
      if (i === 0) continue;
      await page.goto(`${server.base}/moten/${meeting.id}`);
      const agenda = await page.locator('#dagordning-rubrik').locator('..').innerText();
      const previous = agenda.match(/Föregående möte [^\n]*/)?.[0];
      if (!previous) continue;
      checked++;
      assert.doesNotMatch(previous, /är \.|är ,/, `an empty status: ${previous}`);
      const prevDate = meetings[i - 1].starts_at.slice(0, 10);
      if (prevDate > today) assert.match(previous, /är planerat till/, previous);
      if (prevDate < today) assert.match(previous, /hölls/, previous);
    }
    assert.ok(checked > 0, 'some agenda names its previous meeting');
    await assertAccessible(page, 'a meeting page');
  } finally {
    await context.close();
  }
});

test('a year outside the contract says so, in Swedish', async () => {
  const { contract } = await demoMeetings();
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'anna.avtal');
    await visit(page, `/avtal/${contract.id}`, 'the contract page');
    await page.getByLabel('År', { exact: true }).fill('2099');
    const planned = await submit(page, page.getByRole('button', { name: 'Planera året' }));
    assert.equal(planned.status(), 422);
    const alert = await page.locator('[role="alert"]').innerText();
    assert.match(alert, /År 2099 ligger utanför avtalets period/);
    assert.doesNotMatch(alert, /redan planerat/);
    assert.equal(await page.locator('#plan_year').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'the contract page with a year outside the contract');
  } finally {
    await context.close();
  }
});

test('a meeting\'s place is set on its own, and the time stays', async () => {
  const { anna: api, meetings } = await demoMeetings();
  const meeting = meetings[meetings.length - 2];
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'anna.avtal');
    await visit(page, `/moten/${meeting.id}`, 'the meeting page');
    await page.getByLabel('Plats för mötet').fill('Linnégården, samlingssalen');
    const saved = await submit(page, page.getByRole('button', { name: 'Spara platsen' }));
    assert.equal(saved.status(), 303);
    assert.equal(await flash(page), 'Mötets plats är sparad.');
    assert.match(await page.locator('.facts').innerText(), /Plats\s+Linnégården, samlingssalen/);
    const after = await api('GET', `/api/v1/meetings/${meeting.id}`);
    assert.equal(after.location, 'Linnégården, samlingssalen');
    assert.equal(after.starts_at, meeting.starts_at);
    await assertAccessible(page, 'the meeting page after setting the place');

    // The provider has no such form.
    const ulla = await freshPage(browser);
    try {
      await logIn(ulla.page, 'ulla.utforare');
      await ulla.page.goto(`${server.base}/moten/${meeting.id}`);
      assert.equal(await ulla.page.getByRole('button', { name: 'Spara platsen' }).count(), 0);
    } finally {
      await ulla.context.close();
    }
  } finally {
    await context.close();
  }
});

test('the accessibility statement is linked from every page and readable without logging in', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await visit(page, '/logga-in', 'the login page');
    await page.locator('footer').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(new URL(page.url()).pathname, '/tillganglighet');
    assert.equal(await heading(page), 'Tillgänglighetsredogörelse för Samverkan');
    const text = await page.locator('main').innerText();
    assert.match(text, /WCAG 2\.1/);
    assert.match(text, /nivå AA/);
    assert.match(text, /Kända brister/);
    assert.match(text, /Rapportera brister/);
    assert.match(text, /Myndigheten för digital förvaltning \(DIGG\)/);
    await assertAccessible(page, 'the accessibility statement');

    await logIn(page, 'anna.avtal');
    for (const where of ['/', '/atgarder', '/tillganglighet']) {
      await page.goto(`${server.base}${where}`);
      assert.equal(await page.locator('footer').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).count(), 1, where);
    }
  } finally {
    await context.close();
  }
});

test('/favicon.ico is a real icon', async () => {
  const answer = await fetch(`${server.base}/favicon.ico`);
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('content-type'), 'image/x-icon');
  const bytes = Buffer.from(await answer.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header');
  assert.equal(bytes.readUInt16LE(4), 1, 'one image');

  // A page in the browser asks for no icon that is not there.
  const { context, page } = await freshPage(browser);
  const missing = [];
  page.on('response', (r) => { if (r.status() === 404) missing.push(r.url()); });
  try {
    await page.goto(`${server.base}/logga-in`);
    assert.equal(await page.locator('link[rel="icon"]').getAttribute('href'), '/favicon.ico');
    assert.deepEqual(missing, []);
  } finally {
    await context.close();
  }
});
