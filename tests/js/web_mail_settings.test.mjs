// Issue 12 in a real browser (Debian's Chromium through playwright-core), checked by axe-core
// against WCAG 2.1 A and AA: "Mina inställningar", linked from every logged-in page, lets a
// provider choose per kind of e-mail whether it comes at once, in the daily digest or not at
// all; only the choices a kind offers are shown, and the choices are kept. (The unsubscribe
// links need a person's token, which no answer gives: tests/server/mail_preferences_test.cpp.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import { freshPage, heading, flash, submit, logIn, apiClient, demoServerAndBrowser } from './pages.mjs';

let server;
let browser;

demoServerAndBrowser((env) => ({ server, browser } = env));

test('a provider chooses a digest of reminders and no agendas, and the choice is kept', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await logIn(server, page, 'ulla.utforare');
    await page.getByRole('link', { name: 'Mina inställningar' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(new URL(page.url()).pathname, '/installningar');
    assert.equal(await heading(page), 'Mina inställningar');
    assert.equal(await page.getByRole('link', { name: 'Mina inställningar' }).getAttribute('aria-current'), 'page');
    await assertAccessible(page, 'Mina inställningar');

    // Each kind is a group of its own, with only the choices it offers.
    const reminders = page.getByRole('group', { name: 'Påminnelser' });
    const agenda = page.getByRole('group', { name: 'Publicerad dagordning' });
    const invitations = page.getByRole('group', { name: 'Kallelser till möten (kalenderinbjudningar)' });
    assert.equal(await reminders.getByLabel('Samla i ett dagligt sammandrag').isChecked(), true, 'the default');
    assert.equal(await agenda.getByLabel('Skicka direkt').isChecked(), true, 'the default');
    assert.equal(await invitations.getByLabel('Samla i ett dagligt sammandrag').count(), 0);
    assert.equal(await invitations.getByRole('radio').count(), 2);
    assert.equal(await page.getByRole('group', { name: 'Diariefört protokoll' }).count(), 0);
    assert.match(await page.locator('#choice-minutes_registered').innerText(), /skickas alltid direkt/i);

    await reminders.getByLabel('Skicka direkt').check();
    await agenda.getByLabel('Skicka inte').check();
    const saved = await submit(page, page.getByRole('button', { name: 'Spara inställningarna' }));
    assert.equal(saved.status(), 303);
    assert.equal(await flash(page), 'Dina inställningar är sparade.');
    await assertAccessible(page, 'Mina inställningar after saving');

    await reminders.getByLabel('Samla i ett dagligt sammandrag').check();
    await submit(page, page.getByRole('button', { name: 'Spara inställningarna' }));
    await page.reload();
    assert.equal(await reminders.getByLabel('Samla i ett dagligt sammandrag').isChecked(), true);
    assert.equal(await agenda.getByLabel('Skicka inte').isChecked(), true);
    assert.equal(await page.getByRole('group', { name: 'Protokoll att justera' }).getByLabel('Skicka direkt').isChecked(), true);

    // The API tells the same, and another person's choices are their own.
    const ulla = await apiClient(server, 'ulla.utforare');
    const mine = Object.fromEntries((await ulla('GET', '/api/v1/me/mail-preferences')).kinds.map((k) => [k.kind, k.choice]));
    assert.equal(mine.reminder, 'digest');
    assert.equal(mine.agenda_published, 'never');
    const anna = await apiClient(server, 'anna.avtal');
    const hers = Object.fromEntries((await anna('GET', '/api/v1/me/mail-preferences')).kinds.map((k) => [k.kind, k.choice]));
    assert.equal(hers.agenda_published, 'now');
  } finally {
    await context.close();
  }
});

test('a choice the kind does not offer, posted by hand, is refused in Swedish and changes nothing', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await logIn(server, page, 'anna.avtal');
    await page.goto(`${server.base}/installningar`);
    // A digest of invitations cannot be chosen on the page; a hand-made form still tries.
    await page.evaluate(() => {
      const form = document.querySelector('form[action="/installningar"]');
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'invitation';
      input.value = 'digest';
      form.querySelectorAll('input[name="invitation"]').forEach((radio) => radio.remove());
      form.append(input);
    });
    await page.getByRole('group', { name: 'Påminnelser' }).getByLabel('Skicka inte').check();
    const refused = await submit(page, page.getByRole('button', { name: 'Spara inställningarna' }));
    assert.equal(refused.status(), 422);
    assert.match(await page.locator('[role="alert"]').innerText(), /Kallelser till möten.*Det valet finns inte/s);
    await assertAccessible(page, 'Mina inställningar with an error');
    const anna = await apiClient(server, 'anna.avtal');
    const hers = Object.fromEntries((await anna('GET', '/api/v1/me/mail-preferences')).kinds.map((k) => [k.kind, k.choice]));
    assert.equal(hers.reminder, 'digest', 'nothing written');
    assert.equal(hers.invitation, 'now');
  } finally {
    await context.close();
  }
});
