// Issue 19 point 8, in a real browser with axe-core on every page: the provider returns the
// minutes with a comment on § 8 (and the confirmation repeats it), the comment stands beside § 8
// on the edit page where the secretary says how it was handled in the same save as the text, and
// the next review shows the provider that it was handled and how. A comment on a § the protocol
// does not have is refused with a Swedish message and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './browser.mjs';
import {
  apiClient, demoMinutesInReview, demoServerAndBrowser, flash, freshPage, heading, logIn, screenshot, submit,
} from './pages.mjs';

const COMMENT = 'Avvikelsen inträffade den 3 mars, inte den 3 maj.';
const HANDLED = 'Datumet är rättat i § 8.';

let server;
let browser;
let meeting;
let anna;
let ulla;

demoServerAndBrowser(async (env) => {
  ({ server, browser } = env);
  anna = await apiClient(server, 'anna.avtal');
  ulla = await apiClient(server, 'ulla.utforare');
  meeting = await demoMinutesInReview(anna);
});

function protocolPath() {
  return `${server.base}/moten/${meeting.id}/protokoll`;
}

// The comments shown beside a §, as text.
async function commentsBeside(page, number) {
  const section = page.locator('section', { has: page.getByRole('heading', { name: new RegExp(`^§ ${number} `) }) }).last();
  return (await section.locator('.review-comments').allInnerTexts()).join('\n');
}

test('a comment on a § the protocol does not have is refused in Swedish and changes nothing', async () => {
  const { context, page } = await freshPage(browser);
  await logIn(server, page, 'ulla.utforare');
  await page.goto(protocolPath());
  await page.getByText('Synpunkter per paragraf').click();
  await page.getByRole('textbox', { name: /^§ 8 / }).fill('En synpunkt på en paragraf som inte finns.');
  // A form changed on its way: its § 8 field posted as § 99.
  await page.evaluate(() => { document.querySelector('#section-8').name = 'section-99'; });
  const answer = await submit(page, page.getByRole('button', { name: 'Skicka tillbaka', exact: true }));
  assert.equal(answer.status(), 422);
  assert.match(await page.locator('.field-error').first().innerText(), /Protokollet har ingen § 99./);
  await assertAccessible(page, 'the refused return');
  const life = await ulla('GET', `/api/v1/meetings/${meeting.id}/minutes/lifecycle`);
  assert.equal(life.state, 'in_review');
  assert.deepEqual(await ulla('GET', `/api/v1/meetings/${meeting.id}/minutes/comments`), []);
  await context.close();
});

test('a comment per § goes back, is handled beside its § and shows as handled at the next review', async () => {
  // The provider writes on § 8 only and confirms.
  const provider = await freshPage(browser);
  await logIn(server, provider.page, 'ulla.utforare');
  await provider.page.goto(protocolPath());
  await provider.page.getByText('Synpunkter per paragraf').click();
  await provider.page.getByRole('textbox', { name: /^§ 8 / }).fill(COMMENT);
  await submit(provider.page, provider.page.getByRole('button', { name: 'Skicka tillbaka', exact: true }));
  assert.equal(await heading(provider.page), 'Vill du skicka tillbaka protokollet?');
  const confirmation = await provider.page.locator('main').innerText();
  assert.match(confirmation, /§ 8 Avvikelser, klagomål och synpunkter/);
  assert.ok(confirmation.includes(COMMENT));
  await assertAccessible(provider.page, 'the confirmation of a return with a comment per §');
  await submit(provider.page, provider.page.getByRole('button', { name: 'Ja, skicka tillbaka' }));
  assert.match(await flash(provider.page), /skickat tillbaka/);
  const returned = await commentsBeside(provider.page, 8);
  assert.ok(returned.includes(COMMENT), returned);
  assert.match(returned, /Inte hanterad ännu/);
  assert.equal(await commentsBeside(provider.page, 7), '', 'nothing beside § 7');

  // The secretary sees it beside § 8 on the edit page and answers it in the save.
  const secretary = await freshPage(browser);
  await logIn(server, secretary.page, 'anna.avtal');
  await secretary.page.goto(`${protocolPath()}/redigera`);
  const beside = await commentsBeside(secretary.page, 8);
  assert.ok(beside.includes(COMMENT), beside);
  await assertAccessible(secretary.page, 'the edit page with a comment beside § 8');
  await secretary.page.locator('#paragraf-8').evaluate((el) => el.scrollIntoView());
  await screenshot(secretary.page, 'review-comments');
  const how = secretary.page.getByLabel('Så här hanterades synpunkten');
  assert.equal(await how.count(), 1);
  await secretary.page.locator('#sections-7-notes').fill('Avvikelsen inträffade den 3 mars.');
  await how.fill(HANDLED);
  await submit(secretary.page, secretary.page.getByRole('button', { name: 'Spara protokollet' }));
  assert.equal(await flash(secretary.page), 'Protokollet och dina svar på synpunkterna är sparade.');
  const handled = await commentsBeside(secretary.page, 8);
  assert.match(handled, /Hanterad av Anna Lind/);
  assert.ok(handled.includes(HANDLED), handled);
  assert.equal(await secretary.page.getByLabel('Så här hanterades synpunkten').count(), 0);
  await secretary.context.close();

  // The next review: the provider sees what became of the comment.
  await anna('POST', `/api/v1/meetings/${meeting.id}/minutes/submit`);
  await provider.page.goto(protocolPath());
  const again = await commentsBeside(provider.page, 8);
  assert.ok(again.includes(COMMENT) && again.includes(HANDLED), again);
  assert.doesNotMatch(again, /Inte hanterad ännu/);
  await assertAccessible(provider.page, 'the next review with the handled comment');
  await provider.context.close();

  const comments = await ulla('GET', `/api/v1/meetings/${meeting.id}/minutes/comments`);
  assert.equal(comments.length, 1);
  assert.equal(comments[0].section, 8);
  assert.equal(comments[0].handled.how, HANDLED);
});
