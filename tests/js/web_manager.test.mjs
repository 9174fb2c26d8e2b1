// The contract manager's journey through the web pages in a real browser (Debian's Chromium,
// driven by playwright-core), with every page checked by axe-core against WCAG 2.1 A and AA:
// log in, see Mina avtal, open the contract, plan next year, open a meeting, add an agenda item,
// publish the agenda. Also: login errors, expired sessions, a form without its CSRF token,
// another provider's meeting, errors kept on the page, and the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import { DEMO_PASSWORD, CONTRACT_TITLE, heading, flash, submit, demoServerAndBrowser } from './pages.mjs';

let server;
let browser;

demoServerAndBrowser((env) => ({ server, browser } = env));

// A fresh browser context (no cookies) with one page; closed by the caller's `finally`.
async function freshPage() {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  return { context, page };
}

async function logIn(page, username, password = DEMO_PASSWORD) {
  if (!page.url().includes('/logga-in')) await page.goto(`${server.base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  return submit(page, page.getByRole('button', { name: 'Logga in' }));
}

async function meetingRows(page) {
  return page.locator('table:has(caption:text-matches("^Möten")) tbody tr').count();
}

test('the contract manager plans next year and prepares a meeting agenda', async () => {
  const { context, page } = await freshPage();
  try {
    // Not logged in: the start page sends to the login page.
    await page.goto(`${server.base}/`);
    assert.match(new URL(page.url()).pathname, /^\/logga-in$/);
    assert.equal(await heading(page), 'Logga in');
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    await assertAccessible(page, 'the login page');

    const login = await logIn(page, 'anna.avtal');
    assert.equal(login.status(), 303);
    assert.equal(new URL(page.url()).pathname, '/');
    // Issue 19 point 11: the start page is "Att göra"; the contracts are one click away.
    assert.equal(await heading(page), 'Att göra');
    await page.getByRole('link', { name: 'Mina avtal' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(new URL(page.url()).pathname, '/avtal');
    assert.equal(await heading(page), 'Mina avtal');
    const header = await page.locator('header').innerText();
    assert.match(header, /Samverkan/);
    assert.match(header, /Anna Lind/);
    assert.match(header, /Östermalms stadsdelsförvaltning/);
    assert.equal(await page.getByRole('link', { name: 'Mina avtal' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.getByRole('button', { name: 'Logga ut' }).count(), 1);
    // Issue 19 point 12: the authority's contract managers search its register.
    assert.equal(await page.getByRole('link', { name: 'Diariet' }).count(), 1, 'the register for a contract manager');
    await assertAccessible(page, 'Mina avtal');

    // The contract: its facts and this year's four meetings.
    await page.getByRole('link', { name: CONTRACT_TITLE }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.match(new URL(page.url()).pathname, /^\/avtal\/\d+$/);
    const contractPath = new URL(page.url()).pathname;
    assert.equal(await heading(page), CONTRACT_TITLE);
    assert.match(await page.locator('.facts').innerText(), /SDN 2024\/0117/);
    const before = await meetingRows(page);
    assert.equal(before, 4, 'the demo contract has this year\'s four meetings');
    assert.equal((await page.locator('#antal-moten').innerText()).trim(), 'Avtalet har 4 möten.');
    const calendar = page.getByRole('link', { name: /kalenderfil/ });
    assert.match(await calendar.getAttribute('href'), /^\/api\/v1\/contracts\/\d+\/calendar\.ics$/);
    // The calendar is a GET: the session cookie is enough.
    const ics = await context.request.get(`${server.base}${await calendar.getAttribute('href')}`);
    assert.equal(ics.status(), 200);
    assert.match(await ics.text(), /^BEGIN:VCALENDAR/);
    await assertAccessible(page, 'the contract page');

    // Plan next year: four more meetings.
    const year = await page.getByLabel('År', { exact: true }).inputValue();
    assert.equal(Number(year), new Date().getFullYear() + 1, 'the form proposes next year');
    const planned = await submit(page, page.getByRole('button', { name: 'Planera året' }));
    assert.equal(planned.status(), 303);
    assert.equal(new URL(page.url()).pathname, contractPath);
    assert.equal(await flash(page), `4 nya möten är planerade för ${year}.`);
    assert.equal(await meetingRows(page), before + 4);
    assert.equal((await page.locator('#antal-moten').innerText()).trim(), `Avtalet har ${before + 4} möten.`);
    const nextYear = page.locator(`table:has(caption:text-is("Möten ${year}"))`);
    assert.equal(await nextYear.locator('tbody tr').count(), 4);
    await assertAccessible(page, 'the contract page after planning');

    // A meeting of next year: planned, no participants yet, the agenda from the fixed agenda.
    await nextYear.locator('tbody tr a').first().click();
    await page.waitForLoadState('domcontentloaded');
    assert.match(new URL(page.url()).pathname, /^\/moten\/\d+$/);
    const meetingPath = new URL(page.url()).pathname;
    assert.match(await heading(page), new RegExp(`^Samverkansmöte ${year}-\\d\\d-\\d\\d kl\\. \\d\\d\\.\\d\\d$`));
    assert.match(await page.locator('.facts').innerText(), /Planerat/);
    assert.match(await page.locator('#deltagare-rubrik + p').innerText(), /Inga deltagare/);
    const agenda = page.locator('ol.agenda').first();
    const fixedItems = await agenda.locator(':scope > li').count();
    assert.ok(fixedItems >= 5, 'the fixed agenda has its items');
    assert.equal(await agenda.locator(':scope > li .tag:text-is("Fast punkt")').count(), fixedItems,
                 'every item of the adopted agenda is marked as fixed');
    assert.match(await agenda.innerText(), /Övriga frågor/);
    assert.match(await page.locator('.agenda-state').innerText(), /Inte publicerad/);
    await assertAccessible(page, 'the meeting page');

    // Add an item under Övriga frågor.
    await page.getByLabel('Rubrik', { exact: true }).fill('Brandskydd och utrymning');
    await page.getByLabel(/Beskrivning/).fill('Genomgång av övningen i oktober.');
    const added = await submit(page, page.getByRole('button', { name: 'Lägg till punkten' }));
    assert.equal(added.status(), 303);
    assert.equal(new URL(page.url()).pathname, meetingPath);
    assert.equal(await flash(page), 'Punkten är tillagd under Övriga frågor.');
    const item = page.locator('.agenda-item--added');
    assert.equal(await item.count(), 1);
    const itemText = await item.innerText();
    // Numbered as its § in the minutes will be: the point after Övriga frågor (issue 19 point 9).
    const parentNumber = Number((await page.locator('#punkt-other_questions .agenda-item__number').first().innerText()).replace('.', ''));
    assert.ok(itemText.startsWith(`${parentNumber + 1}.`), itemText);
    assert.match(itemText, /Brandskydd och utrymning/);
    assert.match(itemText, /Genomgång av övningen i oktober\./);
    assert.match(itemText, /Föreslagen av Anna Lind \(Förvaltningen\)/);
    assert.equal(await item.locator('.tag').count(), 0, 'an added item is not fixed');
    const parent = await page.locator('li.agenda-item:has(.agenda-item--added) > .agenda-item__head').innerText();
    assert.match(parent, /Övriga frågor/);
    await assertAccessible(page, 'the meeting page with an added item');

    // Publish: the agenda is frozen, the forms that change it are gone.
    const published = await submit(page, page.getByRole('button', { name: 'Publicera dagordningen' }));
    assert.equal(published.status(), 303);
    assert.equal(await flash(page), 'Dagordningen är publicerad.');
    assert.match(await page.locator('.agenda-state').innerText(), /Publicerad/);
    assert.equal(await page.getByRole('button', { name: 'Lägg till punkten' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Publicera dagordningen' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Ta bort/ }).count(), 0);
    assert.match(await page.locator('.agenda-item--added').innerText(), /Brandskydd och utrymning/);
    await assertAccessible(page, 'the meeting page after publishing');

    // Log out: back to the login page, and the pages need a login again.
    await submit(page, page.getByRole('button', { name: 'Logga ut' }));
    assert.equal(await heading(page), 'Logga in');
    assert.match(await flash(page), /Du är utloggad/);
    await page.goto(`${server.base}${meetingPath}`);
    assert.equal(await heading(page), 'Logga in');
  } finally {
    await context.close();
  }
});

test('a wrong password is told in Swedish and the username is kept', async () => {
  const { context, page } = await freshPage();
  try {
    const answer = await logIn(page, 'lars.lasare', 'not-the-password');
    assert.equal(answer.status(), 422);
    assert.equal(await heading(page), 'Logga in');
    assert.match(await page.locator('[role="alert"]').innerText(), /Fel användarnamn eller lösenord/);
    assert.equal(await page.getByLabel('Användarnamn').inputValue(), 'lars.lasare');
    assert.equal(await page.getByLabel('Lösenord').inputValue(), '', 'the password is never sent back');
    await assertAccessible(page, 'the login page with an error');
  } finally {
    await context.close();
  }
});

test('after too many failed logins the account is locked with a kind message', async () => {
  const { context, page } = await freshPage();
  try {
    let answer;
    for (let i = 0; i < 6; i++) answer = await logIn(page, 'rita.registrator', `wrong-${i}`);
    assert.equal(answer.status(), 429);
    assert.match(await page.locator('[role="alert"]').innerText(), /tillfälligt spärrat.*Vänta en kvart/s);
    answer = await logIn(page, 'rita.registrator');
    assert.equal(answer.status(), 429, 'the right password waits too');
    await assertAccessible(page, 'the login page when throttled');
  } finally {
    await context.close();
  }
});

test('a page asks for a login and returns there; an ended session says so', async () => {
  const { context, page } = await freshPage();
  try {
    await page.goto(`${server.base}/`);
    await logIn(page, 'anna.avtal');
    await page.getByRole('link', { name: 'Mina avtal', exact: true }).click();  // the start page is Att göra (issue 19)
    await page.waitForLoadState('domcontentloaded');
    await page.getByRole('link', { name: CONTRACT_TITLE }).click();
    await page.waitForLoadState('domcontentloaded');
    const contractPath = new URL(page.url()).pathname;
    await context.clearCookies();

    await page.goto(`${server.base}${contractPath}`);
    assert.equal(new URL(page.url()).pathname, '/logga-in');
    assert.equal(new URL(page.url()).searchParams.get('next'), contractPath);
    await logIn(page, 'anna.avtal');
    assert.equal(new URL(page.url()).pathname, contractPath, 'back on the page asked for');

    // A cookie whose session is gone (expired, or ended elsewhere).
    await context.clearCookies();
    await context.addCookies([{ name: 'sv_session', value: 'a-session-that-has-ended', url: server.base }]);
    await page.goto(`${server.base}${contractPath}`);
    assert.equal(new URL(page.url()).pathname, '/logga-in');
    assert.match(await flash(page), /Din session har gått ut, logga in igen/);
    await assertAccessible(page, 'the login page after an expired session');

    // An address outside the site is never followed after login.
    await context.clearCookies();
    await page.goto(`${server.base}/logga-in?next=//evil.example/`);
    await logIn(page, 'anna.avtal');
    assert.equal(page.url(), `${server.base}/`);
  } finally {
    await context.close();
  }
});

test('a form posted without its CSRF token is refused and changes nothing', async () => {
  const { context, page } = await freshPage();
  try {
    await page.goto(`${server.base}/`);
    await logIn(page, 'anna.avtal');
    await page.getByRole('link', { name: 'Mina avtal', exact: true }).click();  // the start page is Att göra (issue 19)
    await page.waitForLoadState('domcontentloaded');
    await page.getByRole('link', { name: CONTRACT_TITLE }).click();
    await page.locator('table tbody tr a').first().click();
    await page.waitForLoadState('domcontentloaded');
    const meetingPath = new URL(page.url()).pathname;
    const addedBefore = await page.locator('.agenda-item--added').count();

    await page.getByLabel('Rubrik', { exact: true }).fill('Utan säkerhetskod');
    await page.locator('form[action$="/dagordning/punkter"] input[name="csrf_token"]').evaluate((e) => e.remove());
    const refused = await submit(page, page.getByRole('button', { name: 'Lägg till punkten' }));
    assert.equal(refused.status(), 403);
    assert.match(refused.headers()['content-type'], /^text\/html/);
    assert.equal(await heading(page), 'Formuläret kunde inte skickas');
    await assertAccessible(page, 'the CSRF error page');

    // A wrong token is refused as well; the right one from the page is accepted.
    const wrong = await context.request.post(`${server.base}${meetingPath}/dagordning/punkter`, {
      form: { title: 'Med fel kod', csrf_token: 'not-the-token' }, maxRedirects: 0,
    });
    assert.equal(wrong.status(), 403);

    await page.goto(`${server.base}${meetingPath}`);
    assert.equal(await page.locator('.agenda-item--added').count(), addedBefore, 'nothing was added');
    assert.doesNotMatch(await page.locator('#dagordning').innerText(), /Utan säkerhetskod|Med fel kod/);
  } finally {
    await context.close();
  }
});

test('another provider\'s meeting and an unknown page answer "Sidan hittades inte"', async () => {
  // Anna makes a contract with Hemtjänst i Norr AB and a meeting in it, through the JSON API.
  const anna = await server.login('anna.avtal', DEMO_PASSWORD);
  const api = (path, init = {}) => fetch(`${server.base}${path}`, {
    ...init, headers: { authorization: `Bearer ${anna}`, 'content-type': 'application/json' },
  });
  const organizations = await (await api('/api/v1/organizations')).json();
  const norr = organizations.find((o) => o.name === 'Hemtjänst i Norr AB');
  assert.ok(norr, 'the demo has Hemtjänst i Norr AB');
  const created = await api('/api/v1/contracts', {
    method: 'POST',
    body: JSON.stringify({ title: 'Hemtjänst i Norr', provider_id: norr.id, service_area: 'hemtjanst',
                           reference: 'SDN 2025/0301', starts_on: '2025-01-01', ends_on: '2029-12-31' }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const contract = await created.json();
  const year = new Date().getFullYear() + 1;
  const meetingAnswer = await api(`/api/v1/contracts/${contract.id}/meetings`, {
    method: 'POST', body: JSON.stringify({ starts_at: `${year}-03-10T13:00`, location: 'Norrtull' }),
  });
  assert.equal(meetingAnswer.status, 201);
  const meeting = await meetingAnswer.json();

  const { context, page } = await freshPage();
  try {
    await page.goto(`${server.base}/`);
    await logIn(page, 'ulla.utforare');
    assert.equal(await heading(page), 'Att göra');
    assert.doesNotMatch(await page.locator('main').innerText(), /Hemtjänst i Norr|Norrtull/);
    await page.goto(`${server.base}/avtal`);
    assert.equal(await heading(page), 'Mina avtal');
    assert.doesNotMatch(await page.locator('main').innerText(), /Hemtjänst i Norr/);

    for (const path of [`/moten/${meeting.id}`, `/avtal/${contract.id}`, '/moten/999999', '/finns-inte']) {
      const answer = await page.goto(`${server.base}${path}`);
      assert.equal(answer.status(), 404, path);
      assert.match(answer.headers()['content-type'], /^text\/html/);
      assert.equal(await heading(page), 'Sidan hittades inte', path);
      assert.doesNotMatch(await page.locator('main').innerText(), /Norrtull|Hemtjänst i Norr/);
    }
    assert.match(await page.locator('header').innerText(), /Ulla Ek/, 'the 404 page keeps the header');
    await assertAccessible(page, 'the 404 page');

    // Her own contract's meeting she may see, and add to its agenda, but not change or publish.
    await page.goto(`${server.base}/`);
    await page.getByRole('link', { name: 'Mina avtal', exact: true }).click();  // the start page is Att göra (issue 19)
    await page.waitForLoadState('domcontentloaded');
    await page.getByRole('link', { name: CONTRACT_TITLE }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.getByRole('button', { name: 'Planera året' }).count(), 0);
    await page.locator('table tbody tr a').first().click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.getByRole('button', { name: 'Lägg till punkten' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Publicera dagordningen' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Ställ in mötet' }).count(), 0);
    await assertAccessible(page, 'the meeting page for the provider');
  } finally {
    await context.close();
  }
});

test('an error from a service is shown on the same page in Swedish with the values kept', async () => {
  const { context, page } = await freshPage();
  try {
    await page.goto(`${server.base}/`);
    await logIn(page, 'anna.avtal');
    await page.getByRole('link', { name: 'Mina avtal', exact: true }).click();  // the start page is Att göra (issue 19)
    await page.waitForLoadState('domcontentloaded');
    await page.getByRole('link', { name: CONTRACT_TITLE }).click();
    await page.locator('table tbody tr a').nth(1).click();
    await page.waitForLoadState('domcontentloaded');

    // The contract ends 2028-12-31.
    await page.getByLabel('Datum').first().fill('2030-01-15');
    await page.getByLabel('Plats', { exact: true }).fill('Stadsdelshuset, sal 3');
    const moved = await submit(page, page.getByRole('button', { name: 'Spara tid och plats' }));
    assert.equal(moved.status(), 422);
    const alert = await page.locator('[role="alert"]').innerText();
    assert.match(alert, /Kontrollera fältet Datum och tid\. Mötet måste ligga inom avtalets period, som slutar 2028-12-31\./);
    assert.equal(await page.locator('#reschedule_date').inputValue(), '2030-01-15');
    assert.equal(await page.locator('#reschedule_location').inputValue(), 'Stadsdelshuset, sal 3');
    assert.equal(await page.locator('#reschedule_date').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'the meeting page with an error');

    // A cancellation needs a reason: spaces are no reason.
    await page.getByLabel('Anledning').fill('   ');
    const cancelled = await submit(page, page.getByRole('button', { name: 'Ställ in mötet' }));
    assert.equal(cancelled.status(), 422);
    assert.match(await page.locator('[role="alert"]').innerText(), /Kontrollera fältet Anledning\. Ange varför mötet ställs in\./);
    assert.match(await page.locator('.facts').innerText(), /Planerat/);

    // Participants: the form shows the meeting's roles; a new secretary and a participant.
    assert.equal(await page.getByLabel('Ordförande').inputValue(),
                 await page.getByLabel('Justerare för förvaltningen').inputValue(), 'Anna chairs and adjusts');
    await page.getByLabel('Sekreterare').selectOption({ label: 'Lars Holm (Förvaltningen)' });
    await page.getByRole('group', { name: 'Övriga deltagare' }).getByLabel('Rita Berg (Förvaltningen)').check();
    const saved = await submit(page, page.getByRole('button', { name: 'Spara deltagare' }));
    assert.equal(saved.status(), 303);
    assert.equal(await flash(page), 'Deltagarna är sparade.');
    const participants = await page.locator('#deltagare-rubrik + table').innerText();
    assert.match(participants, /Anna Lind\s+Förvaltningen\s+ordförande, justerare/);
    assert.match(participants, /Lars Holm\s+Förvaltningen\s+sekreterare/);
    assert.match(participants, /Rita Berg\s+Förvaltningen\s+deltagare/);
    assert.match(participants, /Ulla Ek\s+Utföraren\s+justerare/);
  } finally {
    await context.close();
  }
});

test('the keyboard alone reaches the add-item form and submits it', async () => {
  const { context, page } = await freshPage();
  try {
    await page.goto(`${server.base}/`);
    await logIn(page, 'anna.avtal');
    await page.getByRole('link', { name: 'Mina avtal', exact: true }).click();  // the start page is Att göra (issue 19)
    await page.waitForLoadState('domcontentloaded');
    await page.getByRole('link', { name: CONTRACT_TITLE }).click();
    await page.locator('table tbody tr a').nth(2).click();
    await page.waitForLoadState('domcontentloaded');
    const meetingPath = new URL(page.url()).pathname;
    await page.goto(`${server.base}${meetingPath}`);  // focus starts at the top of the document

    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement.textContent.trim());
    assert.equal(first, 'Hoppa till innehållet', 'the first stop is the skip link');

    let focused = '';
    for (let i = 0; i < 120 && focused !== 'add_item_title'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement.id);
      // Every stop shows where the focus is.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', `focus is visible on ${focused || 'an element'}`);
    }
    assert.equal(focused, 'add_item_title', 'Tab reaches the title of the add-item form');
    await page.keyboard.type('Tangentbordets punkt');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'add_item_description');
    await page.keyboard.type('Skriven utan mus.');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Lägg till punkten');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForLoadState('domcontentloaded');
    assert.equal(answer.status(), 303);
    assert.equal(await flash(page), 'Punkten är tillagd under Övriga frågor.');
    assert.match(await page.locator('.agenda-item--added').last().innerText(), /Tangentbordets punkt[\s\S]*Skriven utan mus\./);
  } finally {
    await context.close();
  }
});

test('the pages fit a narrow screen', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
  const page = await context.newPage();
  try {
    await page.goto(`${server.base}/`);
    await logIn(page, 'anna.avtal');
    await page.getByRole('link', { name: 'Mina avtal', exact: true }).click();  // the start page is Att göra (issue 19)
    await page.waitForLoadState('domcontentloaded');
    await page.getByRole('link', { name: CONTRACT_TITLE }).click();
    await page.waitForLoadState('domcontentloaded');
    for (const step of ['contract', 'meeting']) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the ${step} page scrolls sideways by ${overflow}px at 360px`);
      if (step === 'contract') {
        await page.locator('table tbody tr a').first().click();
        await page.waitForLoadState('domcontentloaded');
      }
    }
    await assertAccessible(page, 'the meeting page on a narrow screen');
  } finally {
    await context.close();
  }
});
