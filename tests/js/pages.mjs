// What the browser tests share: the demo's password and contract, a fresh Swedish page, the
// page's heading and flash message, a form submitted by its button, and the JSON API as a person.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

export const DEMO_PASSWORD = 'samverkan-demo';
export const CONTRACT_TITLE = 'Vård- och omsorgsboende Linnégården';

// A new browser context (its own cookies) with one page, Swedish, desktop-sized.
export async function freshPage(browser) {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  return { context, page };
}

export async function heading(page) {
  return (await page.locator('h1').innerText()).trim();
}

export async function flash(page) {
  return (await page.locator('[role="status"]').innerText()).trim();
}

// Submits a form by clicking its button and waits for the answer to the post, which it returns.
export async function submit(page, button) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    button.click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return response;
}

// The JSON API as a person (bearer token), for setting up and for checking what happened. The
// client answers the JSON of a success and fails the test on anything else, or, given the status
// it expects, checks that and answers the response itself.
export async function apiClient(server, username, password = DEMO_PASSWORD) {
  const token = await server.login(username, password);
  return async (method, where, body, expected) => {
    const answer = await fetch(`${server.base}${where}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (expected !== undefined) {
      assert.equal(answer.status, expected, `${method} ${where}`);
      return answer;
    }
    assert.ok(answer.status < 300, `${method} ${where} answered ${answer.status}: ${await answer.clone().text()}`);
    return answer.status === 204 ? null : answer.json();
  };
}

// Logs `page` in as `username` with the demo password, through the login form.
export async function logIn(server, page, username, password = DEMO_PASSWORD) {
  await page.goto(`${server.base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  const answer = await submit(page, page.getByRole('button', { name: 'Logga in' }));
  assert.equal(answer.status(), 303, `login as ${username}`);
}

// YYYY-MM-DD `days` from today, as a date field takes it.
export function dayFromToday(days) {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

// A fresh context logged in as `username` on the server of `env` (demoServerAndBrowser).
export async function loggedIn(env, username) {
  const { context, page } = await freshPage(env.browser);
  await logIn(env.server, page, username);
  return { context, page };
}

// With SAMVERKAN_SCREENSHOTS=<folder>, the page as it is now (1200x800) saved there as
// <name>.png, for the README (docs/screenshots); without it, nothing.
export async function screenshot(page, name) {
  const folder = process.env.SAMVERKAN_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`) });
}

// A demo server and a browser for the tests of one file: started before them, then `setup(env)`
// when given, stopped after. The tests read `env.server` and `env.browser` once `before` has run.
export function demoServerAndBrowser(setup) {
  const env = {};
  before(async () => {
    env.server = await startServer({ demo: true });
    env.browser = await launchBrowser();
    if (setup) await setup(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// The demo contract's first meeting with its agenda published and its minutes started and sent
// for approval, as the contract manager `api` (an apiClient); the meeting.
export async function demoMinutesInReview(api) {
  const contract = (await api('GET', '/api/v1/contracts')).find((c) => c.title === CONTRACT_TITLE);
  const meeting = (await api('GET', `/api/v1/contracts/${contract.id}/meetings`))
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at))[0];
  await api('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes`);
  await api('POST', `/api/v1/meetings/${meeting.id}/minutes/submit`);
  return meeting;
}
