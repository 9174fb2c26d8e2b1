// Issue 19 point 9, attendance as it happened, in a real browser: a guest without an account
// (a MAS, a unit manager) is added in the minutes' edit form and is then an attendee like the
// others, on the protocol page and in its renderings; bad input gets the Swedish field error and
// changes nothing; an added guest can be marked absent. A person with several roles at the
// meeting (the demo's Anna Lind is chair, secretary and adjuster) is shown with all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import {
  CONTRACT_TITLE, freshPage, heading, flash, submit, apiClient, demoServerAndBrowser, logIn as logInAs,
} from './pages.mjs';

const env = demoServerAndBrowser();
const logIn = (page, username) => logInAs(env.server, page, username);

async function visit(page, where, what) {
  const answer = await page.goto(`${env.server.base}${where}`);
  assert.equal(answer.status(), 200, `${what}: ${where}`);
  await assertAccessible(page, what);
}

// A demo meeting with its agenda published and its minutes started through the API; its id and
// the first version of the minutes.
async function meetingWithMinutes(anna) {
  const contracts = await anna('GET', '/api/v1/contracts');
  const contract = contracts.find((c) => c.title === CONTRACT_TITLE);
  const meetings = (await anna('GET', `/api/v1/contracts/${contract.id}/meetings`))
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const meeting = meetings.find((m) => m.status !== 'cancelled' && m.agenda_published_version === null);
  assert.ok(meeting, 'a demo meeting whose agenda is not published yet');
  await anna('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  const started = await anna('POST', `/api/v1/meetings/${meeting.id}/minutes`);
  return { id: meeting.id, version: started.version };
}

// The guest's group of the edit form.
function guest(page) {
  return page.getByRole('group', { name: 'Lägg till gäst' });
}

async function save(page) {
  return submit(page, page.getByRole('button', { name: 'Spara protokollet' }));
}

async function alertText(page) {
  return (await page.locator('[role="alert"]').innerText()).trim();
}

test('a guest is added in the edit form, can be marked absent, and every role is shown', async () => {
  const anna = await apiClient(env.server, 'anna.avtal');
  const { id, version } = await meetingWithMinutes(anna);
  const editPath = `/moten/${id}/protokoll/redigera`;
  const { context, page } = await freshPage(env.browser);
  try {
    await logIn(page, 'anna.avtal');
    await visit(page, editPath, 'the edit form with the guest group');
    assert.match(await heading(page), /^Redigera protokollet från/);
    // Anna Lind is chair, secretary and adjuster of the demo's meetings: all three are shown.
    assert.equal(await page.getByLabel('Anna Lind, Östermalms stadsdelsförvaltning (Ordförande, sekreterare, justerare)').isChecked(), true);
    const g = guest(page);
    assert.equal(await g.getByLabel('Gästen var närvarande').isChecked(), true, 'a guest is present unless told otherwise');
    assert.match(await g.innerText(), /MAS \(medicinskt ansvarig sjuksköterska\)/);

    // A title without a name: the Swedish error at the field, the typed text kept, nothing saved.
    await g.getByLabel(/Organisation eller titel/).fill('MAS');
    let answer = await save(page);
    assert.equal(answer.status(), 422);
    assert.match(await alertText(page), /Kontrollera fältet Gästens namn\. Skriv gästens namn\./);
    assert.equal(await g.getByLabel('Gästens namn').getAttribute('aria-invalid'), 'true');
    assert.equal(await g.getByLabel(/Organisation eller titel/).inputValue(), 'MAS');
    await assertAccessible(page, 'the edit form with the guest\'s error');
    assert.equal((await anna('GET', `/api/v1/meetings/${id}/minutes`)).version, version, 'nothing saved');

    // A name too long for the minutes (200 bytes; å is two): the same, with its own words.
    await g.getByLabel('Gästens namn').fill('å'.repeat(150));
    answer = await save(page);
    assert.equal(answer.status(), 422);
    assert.match(await alertText(page), /Kontrollera fältet Gästens namn\. Texten är för lång\./);
    assert.equal((await anna('GET', `/api/v1/meetings/${id}/minutes`)).version, version, 'nothing saved');

    // The MAS of the authority and the provider's unit manager, one save each.
    await g.getByLabel('Gästens namn').fill('Maja Svensson');
    await g.getByLabel('Part').selectOption({ label: 'Kommunen (förvaltningen)' });
    answer = await save(page);
    assert.equal(answer.status(), 303);
    assert.equal(await flash(page), 'Protokollet är sparat.');
    assert.equal(await page.getByLabel('Maja Svensson, MAS (Deltagare)').isChecked(), true);
    assert.equal(await guest(page).getByLabel('Gästens namn').inputValue(), '', 'an empty group for the next guest');

    await guest(page).getByLabel('Gästens namn').fill('Kim Berg');
    await guest(page).getByLabel(/Organisation eller titel/).fill('Enhetschef');
    await guest(page).getByLabel('Part').selectOption({ label: 'Utföraren' });
    assert.equal((await save(page)).status(), 303);
    assert.equal(await page.getByLabel('Kim Berg, Enhetschef (Deltagare)').isChecked(), true);

    // The same person again is refused with its reason.
    await guest(page).getByLabel('Gästens namn').fill('Maja Svensson');
    answer = await save(page);
    assert.equal(answer.status(), 422);
    assert.match(await alertText(page), /Personen finns redan i närvarolistan för den parten/);
    await page.goto(`${env.server.base}${editPath}`);

    // An added guest is marked absent like anyone else.
    await page.getByLabel('Kim Berg, Enhetschef (Deltagare)').uncheck();
    assert.equal((await save(page)).status(), 303);
    assert.equal(await page.getByLabel('Kim Berg, Enhetschef (Deltagare)').isChecked(), false);

    // The protocol page: the guests as attendees, Anna with every role.
    await visit(page, `/moten/${id}/protokoll`, 'the protocol with guests');
    const rows = (await page.locator('#protokoll table tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.ok(rows.includes('Maja Svensson MAS Deltagare Närvarande'), rows.join('\n'));
    assert.ok(rows.includes('Kim Berg Enhetschef Deltagare Frånvarande'), rows.join('\n'));
    assert.ok(rows.some((r) => /^Anna Lind .* Ordförande, sekreterare, justerare Närvarande$/.test(r)), rows.join('\n'));

    // The renderings: the minutes JSON and the printable protocol.
    const minutes = (await anna('GET', `/api/v1/meetings/${id}/minutes`)).minutes;
    const maja = minutes.attendance.find((a) => a.name === 'Maja Svensson');
    assert.deepEqual(maja, { name: 'Maja Svensson', organization: 'MAS', party: 'authority', role: 'participant', present: true });
    const lind = minutes.attendance.find((a) => a.name === 'Anna Lind');
    assert.equal(lind.role, 'chair');
    assert.deepEqual(lind.additional_roles, ['secretary', 'adjuster']);
    const html = await (await anna('GET', `/api/v1/meetings/${id}/minutes.html`, undefined, 200)).text();
    assert.match(html, /<li>Maja Svensson \(MAS\)<\/li>/);
    assert.match(html, /<li>Anna Lind, ordförande, sekreterare, justerare<\/li>/);
    assert.match(html, /Frånvarande:<\/p>\n<ul>\n<li>Kim Berg \(Enhetschef\)<\/li>/);
  } finally {
    await context.close();
  }
});
