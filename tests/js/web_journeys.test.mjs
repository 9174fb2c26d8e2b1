// The remaining journeys through the web pages in a real browser (Debian's Chromium, driven by
// playwright-core), every page checked by axe-core against WCAG 2.1 A and AA: the provider
// proposes an agenda item; the contract manager writes the minutes, sends them for approval;
// the provider reviews what changed and approves an exact version; the manager edits, so both
// approve again; the registrar registers and downloads the PDF and the archival package; the
// provider reports on an action. Also: a conflicting save with both texts shown, the keyboard
// alone approving, the administrator's forms, and pages of other tenants and roles refused.
//
// With SAMVERKAN_SCREENSHOTS=<folder> the journey saves screenshots of the main pages there
// (pages.mjs' screenshot), for the README (docs/screenshots).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import { ADMIN_PASSWORD } from './server.mjs';
import { DEMO_PASSWORD, CONTRACT_TITLE, freshPage, heading, flash, submit, apiClient, screenshot, demoServerAndBrowser } from './pages.mjs';

let server;
let browser;

demoServerAndBrowser((env) => ({ server, browser } = env));

async function alertText(page) {
  return (await page.locator('[role="alert"]').innerText()).trim();
}

function path(page) {
  return new URL(page.url()).pathname;
}

// Goes to a page of the site, checks that it answered 200 and is accessible.
async function visit(page, where, what) {
  const answer = await page.goto(`${server.base}${where}`);
  assert.equal(answer.status(), 200, `${what}: ${where}`);
  await assertAccessible(page, what);
  return answer;
}

async function logIn(page, username, password = DEMO_PASSWORD) {
  await page.goto(`${server.base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  const answer = await submit(page, page.getByRole('button', { name: 'Logga in' }));
  assert.equal(answer.status(), 303, `login as ${username}`);
}

// The register's search form (a GET): submits it and returns the answer.
async function search(page) {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/diariet?')),
    page.getByRole('button', { name: 'Sök', exact: true }).click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return answer;
}

// The JSON API as a person (tests/js/pages.mjs).
const apiAs = (username, password) => apiClient(server, username, password);

// The demo contract's meetings, in date order, through the API.
async function demoMeetings() {
  const anna = await apiAs('anna.avtal');
  const contracts = await anna('GET', '/api/v1/contracts');
  const contract = contracts.find((c) => c.title === CONTRACT_TITLE);
  const meetings = await anna('GET', `/api/v1/contracts/${contract.id}/meetings`);
  return { anna, contract, meetings: meetings.sort((a, b) => a.starts_at.localeCompare(b.starts_at)) };
}

function isoDate(daysFromToday) {
  const d = new Date(Date.now() + daysFromToday * 86400000);
  return d.toISOString().slice(0, 10);
}

// The § of the edit form whose heading has this title: its index in the form.
async function sectionIndex(page, title) {
  const id = await page.locator('section.minutes-part h2', { hasText: title }).getAttribute('id');
  return Number(id.match(/^sections-(\d+)-heading$/)[1]);
}

// Opens "Iakttagelser, åtgärder och beslut" of a § when it is closed.
async function openItems(page, index) {
  const details = page.locator(`#sections-${index}-heading ~ details.add-items`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

test('proposal, minutes, two rounds of approval, registration and an action report', async () => {
  const ulla = await freshPage(browser);
  const anna = await freshPage(browser);
  const rita = await freshPage(browser);
  try {
    // Ulla (the provider) proposes an item for the first meeting of her contract.
    const u = ulla.page;
    await logIn(u, 'ulla.utforare');
    assert.equal(await heading(u), 'Att göra');
    await u.getByRole('link', { name: 'Mina avtal' }).click();
    await u.waitForLoadState('domcontentloaded');
    assert.equal(await heading(u), 'Mina avtal');
    await u.getByRole('link', { name: CONTRACT_TITLE }).click();
    await u.waitForLoadState('domcontentloaded');
    await assertAccessible(u, 'the contract page for the provider');
    await u.locator('table tbody tr a').first().click();
    await u.waitForLoadState('domcontentloaded');
    const meetingPath = path(u);
    const minutesPath = `${meetingPath}/protokoll`;
    assert.match(await u.locator('#protokoll').innerText(), /Protokollet är inte upprättat ännu/);
    await u.getByLabel('Rubrik', { exact: true }).fill('Bemanning under sommaren');
    await u.getByLabel(/Beskrivning/).fill('Hur många vikarier behövs i juli?');
    assert.equal((await submit(u, u.getByRole('button', { name: 'Lägg till punkten' }))).status(), 303);
    assert.equal(await flash(u), 'Punkten är tillagd under Övriga frågor.');
    assert.match(await u.locator('.agenda-item--added').innerText(), /Bemanning under sommaren[\s\S]*Föreslagen av Ulla Ek \(Utföraren\)/);
    await assertAccessible(u, 'the meeting page after the provider\'s proposal');

    // The minutes page before the agenda is published says what to do first.
    await visit(u, minutesPath, 'the minutes page before the agenda is published');
    assert.match(await heading(u), /^Protokoll från samverkansmötet \d{4}-\d\d-\d\d$/);
    assert.match(await u.locator('main').innerText(), /Publicera dagordningen på mötets sida först/);
    assert.equal(await u.getByRole('button', { name: 'Upprätta protokollet' }).count(), 0);

    // Anna sees the proposal, publishes the agenda and starts the minutes.
    const a = anna.page;
    await logIn(a, 'anna.avtal');
    await a.getByRole('link', { name: 'Mina avtal', exact: true }).click();  // the start page is Att göra (issue 19)
    await a.waitForLoadState('domcontentloaded');
    await a.getByRole('link', { name: CONTRACT_TITLE }).click();
    await a.waitForLoadState('domcontentloaded');
    await screenshot(a, 'contract');
    await visit(a, meetingPath, 'the meeting page with the proposal');
    assert.match(await a.locator('.agenda-item--added').innerText(), /Bemanning under sommaren/);
    assert.equal((await submit(a, a.getByRole('button', { name: 'Publicera dagordningen' }))).status(), 303);
    await a.getByRole('link', { name: 'Till protokollet' }).click();
    await a.waitForLoadState('domcontentloaded');
    assert.equal(path(a), minutesPath);
    await assertAccessible(a, 'the minutes page before the minutes are started');
    assert.equal((await submit(a, a.getByRole('button', { name: 'Upprätta protokollet' }))).status(), 303);
    assert.equal(path(a), `${minutesPath}/redigera`);
    assert.equal(await flash(a), 'Protokollet är upprättat från den publicerade dagordningen.');
    assert.match(await heading(a), /^Redigera protokollet från \d{4}-\d\d-\d\d$/);
    assert.match(await a.locator('.lead').innerText(), /Du redigerar version 1 \([0-9a-f]{7}\), sparad .* av Anna Lind\. Status: Utkast\./);
    assert.equal(await a.getByLabel(/Anna Lind, Östermalms stadsdelsförvaltning/).isChecked(), true);
    await assertAccessible(a, 'the edit form of new minutes');
    await screenshot(a, 'minutes-edit');

    // The proposed item is a § of its own. An action without a due date is refused, the text kept.
    const s = await sectionIndex(a, 'Bemanning under sommaren');
    const number = s + 1;
    await a.locator(`#sections-${s}-notes`).fill('Utföraren redogjorde för sommarens bemanning.');
    await openItems(a, s);
    await a.locator(`#sections-${s}-observations-0-text`).fill('Två vikarier saknar introduktion.');
    await a.locator(`#sections-${s}-actions-0-text`).fill('Introducera alla sommarvikarier');
    await a.locator(`#sections-${s}-actions-0-responsible_person`).fill('Ulla Ek');
    await a.locator(`#sections-${s}-decisions-0-text`).fill('Frågan följs upp i augusti.');
    let saved = await submit(a, a.getByRole('button', { name: 'Spara protokollet' }));
    assert.equal(saved.status(), 422);
    const told = await alertText(a);
    assert.match(told, /^Ändringen kunde inte göras\s/);
    assert.ok(told.includes(`Kontrollera fältet Klart senast för åtgärd 1 i § ${number}. Ange ett datum då åtgärden ska vara klar (ÅÅÅÅ-MM-DD).`), told);
    assert.equal(await a.locator('[role="alert"] a').getAttribute('href'), `#sections-${s}-actions-0-due_date`);
    assert.equal(await a.locator(`#sections-${s}-actions-0-due_date`).getAttribute('aria-invalid'), 'true');
    assert.equal(await a.locator(`#sections-${s}-notes`).inputValue(), 'Utföraren redogjorde för sommarens bemanning.');
    assert.equal(await a.locator(`#sections-${s}-actions-0-text`).inputValue(), 'Introducera alla sommarvikarier');
    assert.equal(await a.locator(`#sections-${s}-observations-0-text`).inputValue(), 'Två vikarier saknar introduktion.');
    await assertAccessible(a, 'the edit form with an error');
    // Due ten days ago: overdue when the minutes are approved.
    await a.locator(`#sections-${s}-actions-0-due_date`).fill(isoDate(-10));
    saved = await submit(a, a.getByRole('button', { name: 'Spara protokollet' }));
    assert.equal(saved.status(), 303);
    assert.equal(await flash(a), 'Protokollet är sparat.');
    assert.match(await a.locator('.lead').innerText(), /Du redigerar version 2 /);

    // The protocol page: the text as saved, and the way to send it for approval.
    await visit(a, minutesPath, 'the minutes page of a draft');
    const facts = await a.locator('#protokoll-fakta').innerText();
    assert.match(facts, /Status\s+Utkast/);
    assert.match(facts, /Version 2 \([0-9a-f]{7}\), sparad .* av Anna Lind/);
    const section = await a.locator(`#paragraf-${number}`).locator('..').innerText();
    assert.match(section, /Bemanning under sommaren[\s\S]*Utföraren redogjorde[\s\S]*Två vikarier saknar introduktion[\s\S]*Introducera alla sommarvikarier \(ansvarig: Utföraren, Ulla Ek; klart senast \d{4}-\d\d-\d\d\)[\s\S]*Frågan följs upp i augusti\./);
    assert.equal(await a.getByRole('link', { name: 'Utskriftsvänlig version' }).getAttribute('href'), `/api/v1${minutesPath.replace('/moten/', '/meetings/').replace('/protokoll', '/minutes.html')}`);
    assert.equal((await submit(a, a.getByRole('button', { name: 'Skicka på justering' }))).status(), 303);
    assert.equal(await flash(a), 'Protokollet är skickat på justering. Justerarna ser det på sin startsida, Att göra.');
    assert.match(await a.locator('#protokoll-fakta').innerText(), /Status\s+Under justering/);
    await assertAccessible(a, 'the minutes page in review');

    // Ulla reviews: what changed in the latest version, and approves exactly version 2.
    await visit(u, minutesPath, 'the minutes page for the provider in review');
    assert.match(await u.locator('#andringar').innerText(), new RegExp(`Ändringar i den senaste versionen[\\s\\S]*§ ${number} Bemanning under sommaren`));
    assert.equal(await u.getByRole('link', { name: 'Redigera protokollet' }).count(), 0, 'the provider does not write');
    const version2 = (await u.locator('#justera-rubrik + p code').innerText()).trim();
    assert.match(version2, /^[0-9a-f]{7}$/);
    assert.match(await u.locator('#justera-rubrik + p').innerText(), new RegExp(`Du justerar version 2 \\(${version2}\\), sparad \\d{4}-\\d\\d-\\d\\d kl\\. \\d\\d\\.\\d\\d av Anna Lind\\.`));
    assert.ok((await u.locator('input[name="version"]').inputValue()).startsWith(version2), 'the form posts the version it names');
    await u.getByLabel(/Avvikande mening/).fill('Utföraren anser att bemanningen var tillräcklig.');
    let approved = await submit(u, u.getByRole('button', { name: `Justera version 2 (${version2})` }));
    assert.equal(approved.status(), 303);
    assert.equal(await flash(u), 'Din justering är sparad.');
    let approvals = await u.locator('#justeringar').innerText();
    assert.match(approvals, new RegExp(`Utföraren\\s+Ulla Ek\\s+Avvikande mening: Utföraren anser att bemanningen var tillräcklig\\.\\s+Version 2 \\(${version2}\\)\\s+.*\\s+Gäller`));
    assert.match(await u.locator('#justering').innerText(), /Du justerade den här versionen/);
    assert.equal(await u.getByRole('button', { name: /^Justera version/ }).count(), 0, 'approved once');
    await assertAccessible(u, 'the minutes page after the provider\'s approval');

    // Anna changes the notes: a new version, Ulla's approval no longer counts.
    await visit(a, `${minutesPath}/redigera`, 'the edit form in review');
    assert.match(await a.locator('.notice--info').innerText(), /justeringar av tidigare versioner gäller då inte längre/);
    await a.locator(`#sections-${s}-notes`).fill('Utföraren redogjorde för bemanningen i juli. Tre vikarier är anställda.');
    assert.equal((await submit(a, a.getByRole('button', { name: 'Spara protokollet' }))).status(), 303);
    assert.equal(await flash(a), 'Protokollet är sparat.');
    await visit(a, minutesPath, 'the minutes page after an edit in review');
    approvals = await a.locator('#justeringar').innerText();
    assert.match(approvals, /Ulla Ek[\s\S]*Version 2[\s\S]*Avser en tidigare version/);
    assert.match(await a.locator('.adjusters').innerText(), /Ulla Ek \(Utföraren\): Har inte justerat version 3/);
    assert.match(await a.locator('#protokoll-fakta').innerText(), /Status\s+Under justering/);

    // Ulla sees what changed since the version she approved, and approves version 3.
    await visit(u, minutesPath, 'the minutes page with changes since the provider\'s approval');
    const changes = await u.locator('#andringar').innerText();
    assert.match(changes, new RegExp(`Ändringar sedan du justerade version 2 \\(${version2}\\)`));
    assert.match(changes, new RegExp(`§ ${number} Bemanning under sommaren: anteckningar ändrade`));
    const version3 = (await u.locator('#justera-rubrik + p code').innerText()).trim();
    assert.notEqual(version3, version2);
    await screenshot(u, 'minutes-review');
    approved = await submit(u, u.getByRole('button', { name: `Justera version 3 (${version3})` }));
    assert.equal(await flash(u), 'Din justering är sparad.');

    // Anna approves too: the minutes are approved.
    await a.goto(`${server.base}${minutesPath}`);
    approved = await submit(a, a.getByRole('button', { name: `Justera version 3 (${version3})` }));
    assert.equal(approved.status(), 303);
    assert.equal(await flash(a), 'Protokollet är justerat av båda parterna och kan diarieföras.');
    assert.match(await a.locator('#protokoll-fakta').innerText(), /Status\s+Justerat/);
    approvals = await a.locator('#justeringar').innerText();
    assert.equal((approvals.match(/\bGäller\b/g) ?? []).length, 2, 'two approvals count');
    assert.match(approvals, /Avser en tidigare version/);
    await assertAccessible(a, 'the approved minutes');
    await a.goto(`${server.base}${minutesPath}`);
    await screenshot(a, 'minutes-approvals');

    // The history: three versions, and a diff between any two.
    await visit(a, `${minutesPath}/historik`, 'the history of the minutes');
    assert.equal(await a.locator('#versioner tbody tr').count(), 3);
    assert.match(await a.locator('#versioner tbody tr').first().innerText(), /Version 3[\s\S]*Aktuell[\s\S]*Ulla Ek \(Utföraren\)[\s\S]*Anna Lind \(Förvaltningen\)/);
    assert.match(await a.locator('#skillnader-rubrik').innerText(), /Skillnader mellan version 2 och version 3/);
    // The changes per § in words (issue 19 point 6): the edited § with its words marked, no git
    // patch, no JSON (the edit between version 2 and 3 replaced words of the notes).
    const changed = a.locator(`#andring-${number}`);
    assert.match(await changed.locator('h4').innerText(), new RegExp(`§ ${number} Bemanning under sommaren`));
    assert.match(await changed.locator('.words--notes ins').allInnerTexts().then((t) => t.join(' ')), /Tre vikarier är anställda\./);
    assert.match(await changed.locator('.words--notes del').allInnerTexts().then((t) => t.join(' ')), /sommarens/);
    assert.match(await changed.locator('.words--notes ins .visually-hidden').first().innerText(), /tillagt/);
    const readable = await a.locator('#skillnader').innerText();
    for (const raw of ['diff --git', '@@', '"sections"', '"notes"', 'minutes.json'])
      assert.ok(!readable.includes(raw), `the diff page shows no ${raw}`);
    await a.getByLabel('Från version').selectOption({ index: 2 });
    await Promise.all([a.waitForURL(/fran=/), a.getByRole('button', { name: 'Visa skillnaderna' }).click()]);
    await a.waitForLoadState('domcontentloaded');
    assert.match(await a.locator('#skillnader-rubrik').innerText(), /Skillnader mellan version 1 och version 3/);
    assert.match(await a.locator('#skillnader .summary').innerText(), new RegExp(`§ ${number} Bemanning under sommaren: anteckningar ändrade`));
    await assertAccessible(a, 'a diff between two versions');
    await a.locator('#skillnader').scrollIntoViewIfNeeded();
    await screenshot(a, 'minutes-history');
    const unknown = await a.goto(`${server.base}${minutesPath}/historik?fran=0000000&till=1111111`);
    assert.equal(unknown.status(), 404);
    assert.match(await alertText(a), /Versionen finns inte bland protokollets versioner/);

    // Rita registers it from her queue and downloads the PDF and the archival package.
    const r = rita.page;
    await logIn(r, 'rita.registrator');
    await r.getByRole('link', { name: 'Diariet' }).click();
    await r.waitForLoadState('domcontentloaded');
    assert.equal(await heading(r), 'Diariet');
    const queue = r.locator('#ko table tbody tr');
    assert.equal(await queue.count(), 1);
    assert.match(await queue.innerText(), new RegExp(`${CONTRACT_TITLE}[\\s\\S]*Omsorgshuset Linnégården AB`));
    await assertAccessible(r, 'the registrar\'s queue');
    await screenshot(r, 'registry-queue');
    // Registering cannot be undone, so it asks first (issue 19 point 4).
    const asked = await submit(r, queue.getByRole('button', { name: /^Diarieför protokollet från/ }));
    assert.equal(asked.status(), 200);
    assert.equal(await heading(r), 'Vill du diarieföra protokollet?');
    const registered = await submit(r, r.getByRole('button', { name: 'Ja, diarieför protokollet' }));
    assert.equal(registered.status(), 303);
    const year = new Date().getFullYear();
    // The last number of the year's series: the demo registered this year's protocols of
    // Östermalm's other contract before it.
    const numbers = (await (await apiAs('rita.registrator'))('GET', '/api/v1/registry'))
      .map((e) => e.number).filter((n) => n.startsWith(`SDN ${year}/`));
    const registryNumber = `SDN ${year}/${String(numbers.length).padStart(4, '0')}`;
    assert.match(await flash(r), new RegExp(`^Protokollet från mötet .* \\(${CONTRACT_TITLE}\\) är diariefört som ${registryNumber.replace('/', '\\/')}\\.$`));
    assert.match(await r.locator('#ko').innerText(), /Inga justerade protokoll väntar på diarieföring/);
    await assertAccessible(r, 'the registry after registering');
    const pdfHref = await r.getByRole('link', { name: `Ladda ned protokollet ${registryNumber} som PDF` }).getAttribute('href');
    const pdf = await rita.context.request.get(`${server.base}${pdfHref}`);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'], /^application\/pdf/);
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    const zipHref = await r.getByRole('link', { name: `Ladda ned arkivpaketet för ${registryNumber} (zip)` }).getAttribute('href');
    const zip = await rita.context.request.get(`${server.base}${zipHref}`);
    assert.equal(zip.status(), 200);
    assert.match(zip.headers()['content-type'], /^application\/zip/);
    assert.equal((await zip.body()).subarray(0, 2).toString('latin1'), 'PK');

    // The register: by number, by year; a year that is not a year is explained, the search kept.
    await r.getByLabel('Sökord').fill(registryNumber);
    await search(r);
    assert.match(await r.locator('#register caption').innerText(), /Sökresultat: 1 protokoll/);
    assert.match(await r.locator('#register tbody').innerText(), new RegExp(`${registryNumber.replace('/', '\\/')}[\\s\\S]*Rita Berg`));
    await assertAccessible(r, 'a search of the register');
    await r.getByLabel('Sökord').fill('');
    // Two years back: before the demo's oldest protocols (Solgården's, last year's).
    await r.getByLabel('År', { exact: true }).fill(String(year - 2));
    await search(r);
    assert.match(await r.locator('#inga-traffar').innerText(), /Inga diarieförda protokoll matchar sökningen/);
    await r.getByLabel('År', { exact: true }).fill('tjugo');
    const badYear = await search(r);
    assert.equal(badYear.status(), 422);
    assert.match(await alertText(r), /Kontrollera fältet År\. Skriv året med fyra siffror/);
    assert.equal(await r.getByLabel('År', { exact: true }).inputValue(), 'tjugo');
    await assertAccessible(r, 'a search of the register with an error');

    // The registered minutes never change; everyone sees the number.
    await visit(u, minutesPath, 'registered minutes for the provider');
    assert.match(await u.locator('#protokoll-fakta').innerText(), new RegExp(`Status\\s+Diariefört[\\s\\S]*Diarienummer\\s+${registryNumber.replace('/', '\\/')}`));
    const editAfter = await a.goto(`${server.base}${minutesPath}/redigera`);
    assert.equal(editAfter.status(), 409);
    assert.equal(await heading(a), 'Protokollet kan inte ändras');

    // Ulla's action: overdue, said in words; an empty report is refused, then she reports.
    await u.getByRole('link', { name: 'Åtgärder' }).click();
    await u.waitForLoadState('domcontentloaded');
    assert.equal(await heading(u), 'Åtgärder');
    const card = u.locator('.action-card', { hasText: 'Introducera alla sommarvikarier' });
    assert.equal(await card.count(), 1);
    assert.match(await card.locator('.urgency').innerText(), new RegExp(`^Försenad: skulle ha varit klar senast ${isoDate(-10)}\\.$`));
    assert.match(await card.innerText(), /Ansvarig\s+Utföraren, Ulla Ek[\s\S]*Status\s+Öppen/);
    // "Beslutad" leads to the § where the action was decided, not the top of the protocol.
    assert.equal(await card.getByRole('link', { name: new RegExp(`§ ${number}$`) }).getAttribute('href'),
                 `${minutesPath}#paragraf-${number}`);
    assert.match(await u.locator('#atgarder-sammanfattning').innerText(), /1 öppen åtgärd, varav 1 försenad\./);
    await assertAccessible(u, 'the actions page');
    await screenshot(u, 'actions');
    await card.getByLabel(/Vad har gjorts/).fill('   ');
    let reported = await submit(u, card.getByRole('button', { name: 'Skicka rapporten' }));
    assert.equal(reported.status(), 422);
    assert.match(await alertText(u), /Kontrollera fältet Vad har gjorts\. Skriv vad som har gjorts\./);
    await card.getByLabel(/Vad har gjorts/).fill('Alla tre vikarier har gått introduktionen.');
    reported = await submit(u, card.getByRole('button', { name: 'Skicka rapporten' }));
    assert.equal(reported.status(), 303);
    assert.match(await flash(u), /^Rapporten är skickad\./);
    assert.match(await card.innerText(), /Status\s+Rapporterad[\s\S]*Rapport .* av Ulla Ek: Alla tre vikarier har gått introduktionen\./);
    assert.equal(await card.getByRole('button', { name: 'Skicka rapporten' }).count(), 0);
    await assertAccessible(u, 'the actions page after a report');
  } finally {
    await ulla.context.close();
    await anna.context.close();
    await rita.context.close();
  }
});

test('the next meeting\'s minutes evaluate the earlier action', async () => {
  // A meeting next year: the action of the journey above (not yet accepted) is carried into it.
  const { contract, anna: api } = await demoMeetings();
  const year = new Date().getFullYear() + 1;
  const meeting = await api('POST', `/api/v1/contracts/${contract.id}/meetings`,
                            { starts_at: `${year}-02-09T13:00`, location: 'Linnégården' });
  await api('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes`);

  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'anna.avtal');
    await visit(page, `/moten/${meeting.id}/protokoll/redigera`, 'the edit form with an action to follow up');
    const followUp = page.getByRole('group', { name: 'Introducera alla sommarvikarier' });
    assert.match(await followUp.innerText(), /Ansvarig: Utföraren, Ulla Ek\. Klart senast \d{4}-\d\d-\d\d\. Från möte \d{4}-\d\d-\d\d § \d+\./);
    // What Ulla reported stands beside the verdict to make (issue 19 point 10).
    assert.match(await followUp.locator('.follow-up').innerText(),
                 /Rapport \d{4}-\d\d-\d\d kl\. \d\d\.\d\d, Ulla Ek: Alla tre vikarier har gått introduktionen\./);
    const outcome = followUp.getByLabel('Bedömning');
    const id = await outcome.getAttribute('id');
    const number = Number(id.match(/^sections-(\d+)-/)[1]) + 1;

    // Not enough, and no new date: said, with the choice kept.
    await outcome.selectOption({ label: 'Otillräcklig – fortsätter' });
    await followUp.getByLabel('Kommentar').fill('Två vikarier återstår.');
    let saved = await submit(page, page.getByRole('button', { name: 'Spara protokollet' }));
    assert.equal(saved.status(), 422);
    assert.ok((await alertText(page)).includes(
      `Kontrollera fältet Nytt datum för uppföljning 1 i § ${number}. En åtgärd som inte räcker fortsätter: ange ett nytt datum då den ska vara klar.`));
    assert.equal(await followUp.getByLabel('Bedömning').inputValue(), 'insufficient');
    assert.equal(await followUp.getByLabel('Kommentar').inputValue(), 'Två vikarier återstår.');
    assert.equal(await followUp.getByLabel(/Nytt datum/).getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'the edit form with an error in the follow-up');

    await followUp.getByLabel(/Nytt datum/).fill(`${year}-03-31`);
    saved = await submit(page, page.getByRole('button', { name: 'Spara protokollet' }));
    assert.equal(saved.status(), 303);
    await visit(page, `/moten/${meeting.id}/protokoll`, 'minutes with an evaluation');
    assert.match(await page.locator('#protokoll').innerText(),
                 new RegExp(`Introducera alla sommarvikarier .*– Otillräcklig, fortsätter: Två vikarier återstår\\. Nytt datum: ${year}-03-31\\.`));
    assert.match(await page.locator('#protokoll .follow-up').innerText(),
                 /Rapport .*, Ulla Ek: Alla tre vikarier har gått introduktionen\./);
  } finally {
    await context.close();
  }
});

test('saves from an old version are merged, or refused with both texts and the editor\'s kept', async () => {
  const { meetings, anna: api } = await demoMeetings();
  const meeting = meetings[2];
  await api('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes`);
  const editPath = `/moten/${meeting.id}/protokoll/redigera`;

  const first = await freshPage(browser);
  const second = await freshPage(browser);
  try {
    await logIn(first.page, 'anna.avtal');
    await logIn(second.page, 'anna.avtal');
    await first.page.goto(`${server.base}${editPath}`);
    await second.page.goto(`${server.base}${editPath}`);
    const one = first.page;
    const two = second.page;

    // Different sections: merged.
    await one.locator('#sections-2-notes').fill('Första fönstret skrev här.');
    assert.equal((await submit(one, one.getByRole('button', { name: 'Spara protokollet' }))).status(), 303);
    await two.locator('#sections-3-notes').fill('Andra fönstret skrev här.');
    assert.equal((await submit(two, two.getByRole('button', { name: 'Spara protokollet' }))).status(), 303);
    assert.match(await flash(two), /^Protokollet är sparat\. Någon annan hade sparat ändringar i andra delar/);
    assert.equal(await two.locator('#sections-2-notes').inputValue(), 'Första fönstret skrev här.');
    assert.equal(await two.locator('#sections-3-notes').inputValue(), 'Andra fönstret skrev här.');

    // The same section: nothing saved, both texts shown, the editor's text kept.
    await one.goto(`${server.base}${editPath}`);
    await one.locator('#sections-0-notes').fill('Mötet öppnades av ordföranden.');
    await two.locator('#sections-0-notes').fill('Mötet öppnades kl. 13.05.');
    await two.locator('#sections-1-notes').fill('Ulla Ek valdes att justera.');
    assert.equal((await submit(one, one.getByRole('button', { name: 'Spara protokollet' }))).status(), 303);
    const refused = await submit(two, two.getByRole('button', { name: 'Spara protokollet' }));
    assert.equal(refused.status(), 409);
    assert.match(await alertText(two), /Någon annan har sparat ändringar i samma del av protokollet medan du skrev, så inget sparades\. Din text finns kvar i formuläret\./);
    const conflict = await two.locator('#krockar').innerText();
    assert.match(conflict, /§ 1 Mötets öppnande/);
    assert.match(conflict, /Den sparade texten[\s\S]*Mötet öppnades av ordföranden\./);
    assert.match(conflict, /Din text[\s\S]*Mötet öppnades kl\. 13\.05\./);
    // Both texts are Markdown shown rendered, as the protocol shows them (issue 19 point 7).
    assert.doesNotMatch(conflict, /^## /m);
    assert.deepEqual(await two.locator('#krockar .conflict__text h5').allInnerTexts(),
                     ['§ 1 Mötets öppnande', '§ 1 Mötets öppnande']);
    assert.equal(await two.locator('#sections-0-notes').inputValue(), 'Mötet öppnades kl. 13.05.');
    assert.equal(await two.locator('#sections-1-notes').inputValue(), 'Ulla Ek valdes att justera.');
    assert.equal(await two.locator('#sections-3-notes').inputValue(), 'Andra fönstret skrev här.');
    await assertAccessible(two, 'the edit form after a conflict');
    await two.locator('#krockar').scrollIntoViewIfNeeded();
    await screenshot(two, 'minutes-conflict');

    // Saving again keeps the editor's text, now against the current version.
    assert.equal((await submit(two, two.getByRole('button', { name: 'Spara protokollet' }))).status(), 303);
    assert.equal(await flash(two), 'Protokollet är sparat.');
    await two.goto(`${server.base}/moten/${meeting.id}/protokoll`);
    const text = await two.locator('#protokoll').innerText();
    assert.match(text, /Mötet öppnades kl\. 13\.05\./);
    assert.doesNotMatch(text, /Mötet öppnades av ordföranden\./);
    assert.match(text, /Ulla Ek valdes att justera\.[\s\S]*Första fönstret skrev här\.[\s\S]*Andra fönstret skrev här\./);
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test('the keyboard alone reaches the approval and approves with Enter', async () => {
  const { meetings, anna: api } = await demoMeetings();
  const meeting = meetings[1];
  await api('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes/submit`);

  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'ulla.utforare');
    await page.goto(`${server.base}/moten/${meeting.id}/protokoll`);  // focus starts at the top
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Hoppa till innehållet');
    let focused = '';
    let passedNote = false;
    for (let i = 0; i < 80 && !focused.startsWith('Justera version'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement.textContent.trim());
      if (await page.evaluate(() => document.activeElement.id) === 'approve_note') passedNote = true;
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', `focus is visible on ${focused || 'an element'}`);
    }
    assert.match(focused, /^Justera version 1 \([0-9a-f]{7}\)$/, 'Tab reaches the approve button');
    assert.ok(passedNote, 'the note of disagreement comes before the button');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForLoadState('domcontentloaded');
    assert.equal(answer.status(), 303);
    assert.equal(await flash(page), 'Din justering är sparad.');
    assert.match(await page.locator('#justeringar').innerText(), /Utföraren\s+Ulla Ek\s+Version 1[\s\S]*Gäller/);
    await assertAccessible(page, 'the minutes page after approving by keyboard');
  } finally {
    await context.close();
  }
});

test('the provider returns the minutes with comments, and the secretary sees them', async () => {
  const { meetings, anna: api } = await demoMeetings();
  const meeting = meetings[3];
  await api('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes/submit`);
  const minutesPath = `/moten/${meeting.id}/protokoll`;

  const ulla = await freshPage(browser);
  const anna = await freshPage(browser);
  try {
    const u = ulla.page;
    await logIn(u, 'ulla.utforare');
    await visit(u, minutesPath, 'the minutes page for the provider');
    // Blank comments are no comments.
    await u.getByLabel('Synpunkter på protokollet som helhet').fill('   ');
    let answer = await submit(u, u.getByRole('button', { name: 'Skicka tillbaka' }));
    assert.equal(answer.status(), 422);
    assert.match(await alertText(u), /Kontrollera fältet Synpunkter på protokollet som helhet\. Skriv vad som behöver rättas, om protokollet som helhet eller vid en paragraf, så att sekreteraren vet/);
    assert.equal(await u.getByLabel('Synpunkter på protokollet som helhet').getAttribute('aria-invalid'), 'true');
    await assertAccessible(u, 'the minutes page with an error in the return form');
    await u.getByLabel('Synpunkter på protokollet som helhet').fill('§ 4: vi hade 12 avvikelser, inte 21.');
    answer = await submit(u, u.getByRole('button', { name: 'Skicka tillbaka' }));
    assert.equal(answer.status(), 200, 'returning asks first (issue 19 point 4)');
    answer = await submit(u, u.getByRole('button', { name: 'Ja, skicka tillbaka' }));
    assert.equal(answer.status(), 303);
    assert.equal(await flash(u), 'Protokollet är skickat tillbaka med dina synpunkter.');
    assert.match(await u.locator('#protokoll-fakta').innerText(), /Status\s+Utkast/);
    assert.equal(await u.getByRole('button', { name: /^Justera version/ }).count(), 0);

    const a = anna.page;
    await logIn(a, 'anna.avtal');
    await visit(a, minutesPath, 'returned minutes for the secretary');
    assert.match(await a.locator('.returns').innerText(), /Ulla Ek.*version 1[\s\S]*§ 4: vi hade 12 avvikelser, inte 21\./);
    assert.equal(await a.getByRole('button', { name: 'Skicka på justering' }).count(), 1, 'it can be sent again');
  } finally {
    await ulla.context.close();
    await anna.context.close();
  }
});

test('the administrator creates an organisation and a user; errors keep the form', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await heading(page), 'Administration');
    assert.match(await page.locator('#organisationer table').innerText(), /Omsorgshuset Linnégården AB\s+Utförare/);
    assert.match(await page.locator('#anvandare table').innerText(), /ulla\.utforare\s+Ulla Ek[\s\S]*Omsorgshuset Linnégården AB\s+Utförarens representant/);
    await assertAccessible(page, 'the administration page');
    await screenshot(page, 'administration');

    await page.locator('#new_org_name').fill('Solrosens omsorg AB');
    await page.locator('#new_org_kind_provider').check();
    assert.equal((await submit(page, page.getByRole('button', { name: 'Skapa organisationen' }))).status(), 303);
    assert.equal(await flash(page), 'Organisationen är skapad.');
    assert.match(await page.locator('#organisationer table').innerText(), /Solrosens omsorg AB\s+Utförare/);

    // A name already taken is told, and kept.
    await page.locator('#new_org_name').fill('Solrosens omsorg AB');
    let answer = await submit(page, page.getByRole('button', { name: 'Skapa organisationen' }));
    assert.equal(answer.status(), 409);
    assert.match(await alertText(page), /Det finns redan en organisation med det namnet\./);
    assert.equal(await page.locator('#new_org_name').inputValue(), 'Solrosens omsorg AB');

    // A user: a short password is refused with the rest kept; then created.
    await page.locator('#new_user_username').fill('sara.sol');
    await page.locator('#new_user_name').fill('Sara Sol');
    await page.locator('#new_user_email').fill('sara@solrosen.example.se');
    await page.locator('#new_user_password').fill('kort');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Solrosens omsorg AB (Utförare)' });
    await page.getByLabel('Utförarens representant').check();
    answer = await submit(page, page.getByRole('button', { name: 'Skapa användaren' }));
    assert.equal(answer.status(), 422);
    assert.match(await alertText(page), /Kontrollera fältet Lösenord\. Lösenordet måste ha minst 10 tecken\./);
    assert.equal(await page.locator('#new_user_username').inputValue(), 'sara.sol');
    assert.equal(await page.locator('#new_user_email').inputValue(), 'sara@solrosen.example.se');
    assert.equal(await page.locator('#new_user_password').inputValue(), '', 'a password is never sent back');
    assert.equal(await page.getByLabel('Utförarens representant').isChecked(), true);
    assert.equal(await page.locator('#new_user_password').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'the administration page with an error');

    // A role that does not fit the organisation.
    await page.locator('#new_user_password').fill('ett-langt-losenord');
    await page.getByLabel('Utförarens representant').uncheck();
    await page.getByLabel('Registrator', { exact: true }).check();
    answer = await submit(page, page.getByRole('button', { name: 'Skapa användaren' }));
    assert.equal(answer.status(), 422);
    assert.match(await alertText(page), /Rollen hör till en förvaltning/);

    await page.locator('#new_user_password').fill('ett-langt-losenord');
    await page.getByLabel('Registrator', { exact: true }).uncheck();
    await page.getByLabel('Utförarens representant').check();
    answer = await submit(page, page.getByRole('button', { name: 'Skapa användaren' }));
    assert.equal(answer.status(), 303);
    assert.equal(await flash(page), 'Användaren är skapad och kan logga in.');
    assert.match(await page.locator('#anvandare table').innerText(), /sara\.sol\s+Sara Sol[\s\S]*Solrosens omsorg AB\s+Utförarens representant\s+Aktiv/);

    // The new user logs in and has no contracts yet.
    const fresh = await freshPage(browser);
    try {
      await logIn(fresh.page, 'sara.sol', 'ett-langt-losenord');
      assert.equal(await heading(fresh.page), 'Att göra');
      await fresh.page.goto(`${server.base}/avtal`);
      assert.equal(await heading(fresh.page), 'Mina avtal');
      assert.match(await fresh.page.locator('main').innerText(), /Du har inga avtal att visa ännu/);
    } finally {
      await fresh.context.close();
    }
  } finally {
    await context.close();
  }
});

test('pages of another provider, and of other roles, are refused in Swedish', async () => {
  // Anna makes a contract with Hemtjänst i Norr AB, with a meeting whose minutes are started.
  const anna = await apiAs('anna.avtal');
  const organizations = await anna('GET', '/api/v1/organizations');
  const norr = organizations.find((o) => o.name === 'Hemtjänst i Norr AB');
  const contract = await anna('POST', '/api/v1/contracts', {
    title: 'Hemtjänst i Norr', provider_id: norr.id, service_area: 'hemtjanst',
    reference: 'SDN 2025/0302', starts_on: '2025-01-01', ends_on: '2029-12-31',
  });
  const year = new Date().getFullYear() + 1;
  const meeting = await anna('POST', `/api/v1/contracts/${contract.id}/meetings`,
                             { starts_at: `${year}-03-10T13:00`, location: 'Norrtull' });
  await anna('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await anna('POST', `/api/v1/meetings/${meeting.id}/minutes`);

  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'ulla.utforare');
    for (const where of [`/moten/${meeting.id}/protokoll`, `/moten/${meeting.id}/protokoll/historik`,
                         `/moten/${meeting.id}/protokoll/redigera`]) {
      const answer = await page.goto(`${server.base}${where}`);
      assert.equal(answer.status(), 404, where);
      assert.equal(await heading(page), 'Sidan hittades inte', where);
      assert.doesNotMatch(await page.locator('main').innerText(), /Norrtull|Hemtjänst i Norr/);
    }
    await assertAccessible(page, 'the 404 page');
    // A post to another provider's minutes is refused the same way, and changes nothing.
    const token = await page.locator('input[name="csrf_token"]').first().inputValue();
    const posted = await context.request.post(`${server.base}/moten/${meeting.id}/protokoll/justera`,
                                              { form: { csrf_token: token, version: 'x' }, maxRedirects: 0 });
    assert.equal(posted.status(), 404);

    // Other roles' pages.
    for (const [where, title] of [['/diariet', 'Du har inte behörighet'], ['/administration', 'Du har inte behörighet']]) {
      const answer = await page.goto(`${server.base}${where}`);
      assert.equal(answer.status(), 403, where);
      assert.equal(await heading(page), title);
    }
    assert.equal(await page.getByRole('link', { name: 'Diariet' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Administration' }).count(), 0);
    await assertAccessible(page, 'the 403 page');
  } finally {
    await context.close();
  }
});

test('the minutes pages fit a narrow screen', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
  const page = await context.newPage();
  try {
    await logIn(page, 'anna.avtal');
    const { meetings } = await demoMeetings();
    const meeting = meetings[2];  // started by the merge test, or started here
    for (const where of [`/moten/${meeting.id}/protokoll`, `/moten/${meeting.id}/protokoll/historik`, '/atgarder']) {
      const answer = await page.goto(`${server.base}${where}`);
      assert.equal(answer.status(), 200, where);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px at 360px`);
    }
    await assertAccessible(page, 'the actions page on a narrow screen');
  } finally {
    await context.close();
  }
});

test('notes are Markdown on the protocol page, and HTML in a note is never run (issue 19 point 7)', async () => {
  const { contract, anna: api } = await demoMeetings();
  const year = new Date().getFullYear() + 1;
  const meeting = await api('POST', `/api/v1/contracts/${contract.id}/meetings`,
                            { starts_at: `${year}-04-13T13:00`, location: 'Linnégården' });
  await api('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes`);
  const minutesPath = `/moten/${meeting.id}/protokoll`;

  const { context, page } = await freshPage(browser);
  try {
    await logIn(page, 'anna.avtal');
    await visit(page, `${minutesPath}/redigera`, 'the edit form');
    await page.locator('#sections-0-notes').fill(
      'Mötet gick igenom **fet** text.\n\n- punkt ett\n- punkt två\n\n' +
      '<script>window.__injected = 1</script>\n\n<img src="x" onerror="window.__injected = 2">');
    assert.equal((await submit(page, page.getByRole('button', { name: 'Spara protokollet' }))).status(), 303);

    await visit(page, minutesPath, 'the protocol with Markdown notes');
    const first = page.locator('#protokoll .protocol-section').first();
    assert.equal(await first.locator('.notes strong').innerText(), 'fet');
    assert.deepEqual(await first.locator('.notes li').allInnerTexts(), ['punkt ett', 'punkt två']);
    assert.doesNotMatch(await first.innerText(), /\*\*fet\*\*|^- punkt/m);
    assert.equal(await page.locator('#protokoll script, #protokoll img').count(), 0);
    assert.equal(await page.evaluate(() => window.__injected), undefined);

    // The diff page compares the text as written, escaped: the markup shows as text, never runs.
    await visit(page, `${minutesPath}/historik`, 'the diff of Markdown notes');
    assert.match(await page.locator('#andring-1 .words--notes ins').first().innerText(), /\*\*fet\*\*[\s\S]*<script>/);
    assert.equal(await page.locator('#skillnader script, #skillnader img').count(), 0);
    assert.equal(await page.evaluate(() => window.__injected), undefined);
  } finally {
    await context.close();
  }
});
