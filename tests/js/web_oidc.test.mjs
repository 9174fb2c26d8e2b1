// Single sign-on with a real identity provider (issue 17): npm's oidc-provider over HTTPS on
// loopback (tests/js/idp.mjs), a demo server that trusts the provider's CA alone, and Chromium
// through playwright-core: the button on the login page, the provider's login form, back on the
// start page as that person. And each refusal: a wrong or replayed state, an unknown person (a
// Swedish page, no account), an unverified e-mail, a deactivated user; the first login matched
// on the e-mail then linked by the subject; an organisation that turned passwords off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertAccessible, launchBrowser } from './browser.mjs';
import { ADMIN_PASSWORD, freePort, startServer } from './server.mjs';
import { DEMO_PASSWORD, apiClient } from './pages.mjs';
import { makeCertificates, startIdp } from './idp.mjs';

const LABEL = 'Logga in med Östermalms konto';
const AUTHORITY = 'Östermalms stadsdelsförvaltning';

// The provider's people, by subject; a test may change them (the provider reads them per login).
const people = {
  'anna-7f3a': { email: 'anna.lind@ostermalm.example.se', email_verified: true, name: 'Anna Lind' },
  'lars-91c2': { email: 'Lars.Holm@ostermalm.example.se', email_verified: true },
  'rita-22b0': { email: 'rita.berg@ostermalm.example.se', email_verified: false },
  'dag-5d1e': { email: 'dag.wallin@ostermalm.example.se', email_verified: true },
  'ulla-0a9f': { email: 'ulla.ek@linnegarden.example.se', email_verified: true },
  'okand-4711': { email: 'okand.person@ostermalm.example.se', email_verified: true, name: 'Okänd Person' },
};

let idp;
let server;
let browser;
let secrets;

before(async () => {
  const [idpPort, serverPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${serverPort}`;
  secrets = mkdtempSync(join(tmpdir(), 'samverkan-oidc-'));
  writeFileSync(join(secrets, 'client.secret'), 'a-secret-of-the-test-client-0123456789\n');
  idp = await startIdp({
    port: idpPort,
    people,
    client: {
      client_id: 'samverkan',
      client_secret: 'a-secret-of-the-test-client-0123456789',
      redirect_uris: [`${base}/logga-in/oidc/callback`],
      post_logout_redirect_uris: [`${base}/logga-in?utloggad=1`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
  });
  server = await startServer({
    demo: true,
    port: serverPort,
    properties: {
      'samverkan.oidc.providers': 'kommun',
      'samverkan.oidc.ca_file': idp.caFile,
      'samverkan.oidc.kommun.issuer': idp.issuer,
      'samverkan.oidc.kommun.client_id': 'samverkan',
      'samverkan.oidc.kommun.client_secret_file': join(secrets, 'client.secret'),
      'samverkan.oidc.kommun.organizations': AUTHORITY,
      'samverkan.oidc.kommun.label': LABEL,
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop();
  if (secrets) rmSync(secrets, { recursive: true, force: true });
});

// A browser of its own (the provider's session cookie too), trusting the provider's test
// certificate: what is tested is that the server verifies it, which it does with the CA file.
async function freshBrowserPage() {
  const context = await browser.newContext({ locale: 'sv-SE', ignoreHTTPSErrors: true,
                                             viewport: { width: 1200, height: 800 } });
  return { context, page: await context.newPage() };
}

// The button, the provider's login form as `sub`, back at our callback. The callback's URL (to
// replay it) and its answer.
async function signIn(page, sub) {
  await page.goto(`${server.base}/logga-in`);
  await page.getByRole('link', { name: LABEL }).click();
  await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('any password, the provider is for tests');
  const [callback] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${server.base}/logga-in/oidc/callback`)),
    page.locator('button[type="submit"]').click(),
  ]);
  return { url: callback.url(), status: callback.status() };
}

async function landedAs(page, name) {
  await page.waitForURL(`${server.base}/`);
  assert.equal((await page.locator('.who__name').innerText()).trim(), name);
}

const admin = () => apiClient(server, 'admin', ADMIN_PASSWORD);

async function auditOf(objectType, objectId) {
  const api = await admin();
  return api('GET', `/api/v1/audit?object_type=${objectType}&object_id=${encodeURIComponent(objectId)}&limit=500`);
}

async function userNamed(username) {
  const api = await admin();
  return (await api('GET', '/api/v1/users?limit=500')).find((u) => u.username === username);
}

test('the button takes the person to the provider and back to the start page as themselves', async () => {
  const { context, page } = await freshBrowserPage();
  try {
    await page.goto(`${server.base}/logga-in`);
    await assertAccessible(page, 'the login page with a provider button');
    const first = await signIn(page, 'anna-7f3a');
    assert.equal(first.status, 200);
    await landedAs(page, 'Anna Lind');

    const anna = await userNamed('anna.avtal');
    const logins = (await auditOf('user', String(anna.id))).filter((e) => e.action === 'login.oidc');
    assert.equal(logins.length, 1);
    assert.equal(logins[0].detail.provider, 'kommun');
    assert.equal(logins[0].detail.issuer, idp.issuer);
    assert.equal(logins[0].detail.matched_by, 'email');

    // The session is a session: the API's /me with the cookie, and our logout ends it before
    // sending the browser to the provider's own logout.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    const again = await page.context().request.get(`${server.base}/`, { maxRedirects: 0 });
    assert.equal(again.status(), 303);

    // Replayed: the same callback (state and code) a second time is refused.
    const replay = await page.goto(first.url);
    assert.equal(replay.status(), 400);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Inloggningen kunde inte slutföras');
    await assertAccessible(page, 'the refused callback');
  } finally {
    await context.close();
  }
});

test('after the first login the subject decides, whatever the e-mail says later', async () => {
  // The first login: the provider's e-mail in another case than the administrator typed it.
  const one = await freshBrowserPage();
  try {
    assert.equal((await signIn(one.page, 'lars-91c2')).status, 200);
    await landedAs(one.page, 'Lars Holm');
  } finally {
    await one.context.close();
  }
  people['lars-91c2'].email = 'lars.holm.ny@ostermalm.example.se';
  const two = await freshBrowserPage();
  try {
    assert.equal((await signIn(two.page, 'lars-91c2')).status, 200);
    await landedAs(two.page, 'Lars Holm');
  } finally {
    await two.context.close();
  }
  const lars = await userNamed('lars.lasare');
  const how = (await auditOf('user', String(lars.id)))
    .filter((e) => e.action === 'login.oidc').map((e) => e.detail.matched_by);
  assert.deepEqual(how, ['email', 'subject']);
});

test('a callback begun in another browser is refused (login CSRF), and its attempt used up', async () => {
  const attacker = await freshBrowserPage();
  const victim = await freshBrowserPage();
  try {
    // The attacker signs in as themselves but stops before the callback, keeping its URL: the
    // provider's answer to the login form is followed by hand up to the redirect to our callback.
    let callback;
    await attacker.page.route((url) => url.href.startsWith(`${idp.issuer}/interaction/`), async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const posted = await route.fetch({ maxRedirects: 0 });
      const resume = new URL(posted.headers().location, idp.issuer).href;
      const resumed = await attacker.context.request.get(resume, { maxRedirects: 0 });
      callback = new URL(resumed.headers().location, idp.issuer).href;
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'stopped before the callback' });
    });
    await attacker.page.goto(`${server.base}/logga-in`);
    await attacker.page.getByRole('link', { name: LABEL }).click();
    await attacker.page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/interaction/`));
    await attacker.page.locator('input[name="login"]').fill('anna-7f3a');
    await attacker.page.locator('input[name="password"]').fill('any');
    await attacker.page.locator('button[type="submit"]').click();
    await attacker.page.getByText('stopped before the callback').waitFor();
    assert.ok(callback.startsWith(`${server.base}/logga-in/oidc/callback?`), callback);

    // Sent to the victim, whose browser never began it: refused, and nobody is logged in.
    const answer = await victim.page.goto(callback);
    assert.equal(answer.status(), 400);
    assert.equal(await victim.page.locator('.who__name').count(), 0);
    // The attempt is used up: not even the browser that began it gets in with it now.
    const late = await attacker.page.goto(callback);
    assert.equal(late.status(), 400);
  } finally {
    await attacker.context.close();
    await victim.context.close();
  }
});

test('a wrong state is refused with a Swedish page', async () => {
  const { context, page } = await freshBrowserPage();
  try {
    const answer = await page.goto(`${server.base}/logga-in/oidc/callback?state=not-ours&code=abc`);
    assert.equal(answer.status(), 400);
    assert.match(await page.locator('main').innerText(), /gått ut eller redan använts/);
  } finally {
    await context.close();
  }
});

test('an unknown person gets a Swedish page and no account', async () => {
  const before = (await (await admin())('GET', '/api/v1/users?limit=500')).length;
  for (const sub of ['okand-4711', 'ulla-0a9f', 'rita-22b0']) {
    const { context, page } = await freshBrowserPage();
    try {
      assert.equal((await signIn(page, sub)).status, 403, sub);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Du har inget konto i Samverkan');
      await assertAccessible(page, 'the unknown person page');
    } finally {
      await context.close();
    }
  }
  const users = await (await admin())('GET', '/api/v1/users?limit=500');
  assert.equal(users.length, before);
  const refused = (await auditOf('identity_provider', 'kommun')).filter((e) => e.action === 'login.oidc.refused');
  assert.ok(refused.some((e) => e.actor === 'okand-4711' && e.detail.reason === 'person-unknown'));
});

test('a deactivated user cannot sign in through the provider either', async () => {
  execFileSync('sqlite3', [join(server.dataDir, 'samverkan.db'),
    "PRAGMA busy_timeout = 5000; UPDATE users SET active = 0 WHERE username = 'dag.direktor';"]);
  const { context, page } = await freshBrowserPage();
  try {
    assert.equal((await signIn(page, 'dag-5d1e')).status, 403);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Kontot är avstängt');
  } finally {
    await context.close();
  }
});

test('an organisation that turns password login off signs in through its provider only', async () => {
  const api = await admin();
  const org = (await api('GET', '/api/v1/organizations?limit=500')).find((o) => o.name === AUTHORITY);
  assert.equal(org.password_login, true);
  const off = await api('PATCH', `/api/v1/organizations/${org.id}`, { password_login: false });
  assert.equal(off.password_login, false);
  try {
    const refused = await fetch(`${server.base}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna.avtal', password: DEMO_PASSWORD }),
    });
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).reason, 'password-login-off');
    // The bootstrap administrator of the same organisation keeps the password.
    assert.ok(await server.login('admin', ADMIN_PASSWORD));
    // A wrong password is still only a wrong password.
    const wrong = await fetch(`${server.base}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna.avtal', password: 'not-the-password' }),
    });
    assert.equal(wrong.status, 401);
    const { context, page } = await freshBrowserPage();
    try {
      assert.equal((await signIn(page, 'anna-7f3a')).status, 200);
      await landedAs(page, 'Anna Lind');
    } finally {
      await context.close();
    }
  } finally {
    await api('PATCH', `/api/v1/organizations/${org.id}`, { password_login: true });
  }
});

test('the administrator turns password login off and on on the administration page', async () => {
  const { context, page } = await freshBrowserPage();
  try {
    await page.goto(`${server.base}/logga-in`);
    await page.getByLabel('Användarnamn').fill('admin');
    await page.getByLabel('Lösenord').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.goto(`${server.base}/administration`);
    await page.getByRole('button', { name: `Stäng av för ${AUTHORITY}` }).click();
    await page.waitForURL(/klart=losenord/);
    assert.equal((await page.locator('[role="status"]').innerText()).trim(),
                 'Inloggningen med lösenord är ändrad för organisationen.');
    assert.match(await page.locator('#organisationer table').innerText(),
                 new RegExp(`${AUTHORITY}[^\\n]*Avstängd`));
    await assertAccessible(page, 'the administration page with password login off');
    const org = (await (await admin())('GET', '/api/v1/organizations?limit=500')).find((o) => o.name === AUTHORITY);
    assert.equal(org.password_login, false);

    // The login page says why the password does not work, and offers the button.
    const other = await freshBrowserPage();
    try {
      await other.page.goto(`${server.base}/logga-in`);
      await other.page.getByLabel('Användarnamn').fill('anna.avtal');
      await other.page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
      const [answer] = await Promise.all([
        other.page.waitForResponse((r) => r.request().method() === 'POST'),
        other.page.getByRole('button', { name: 'Logga in', exact: true }).click(),
      ]);
      assert.equal(answer.status(), 403);
      assert.match(await other.page.locator('#login-error').innerText(), /loggar in via sin identitetsleverantör/);
      assert.equal(await other.page.getByRole('link', { name: LABEL }).count(), 1);
    } finally {
      await other.context.close();
    }

    await page.getByRole('button', { name: `Slå på för ${AUTHORITY}` }).click();
    await page.waitForURL(/klart=losenord/);
    const back = (await (await admin())('GET', '/api/v1/organizations?limit=500')).find((o) => o.name === AUTHORITY);
    assert.equal(back.password_login, true);
  } finally {
    await context.close();
  }
});

test('a provider setting that cannot work stops the start with the property named', () => {
  const source = process.env.SAMVERKAN_SOURCE_DIR;
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-oidc-bad-'));
  try {
    const config = join(dir, 'bad.properties');
    writeFileSync(config, `${readFileSync(join(source, 'config/samverkan.properties'), 'utf8')}\n` +
      `samverkan.config_dir = ${join(source, 'config')}\n` +
      'samverkan.oidc.providers = kommun\n' +
      `samverkan.oidc.kommun.issuer = ${idp.issuer}\n` +
      'samverkan.oidc.kommun.client_id = samverkan\n' +
      `samverkan.oidc.kommun.client_secret_file = ${join(secrets, 'client.secret')}\n` +
      `samverkan.oidc.kommun.organizations = ${AUTHORITY}\n` +
      `samverkan.oidc.kommun.label = ${LABEL}\n` +
      'samverkan.oidc.kommun.provision = ja\n');
    const run = spawnSync(process.env.SAMVERKAN_BIN, [`--config=${config}`], {
      cwd: source, encoding: 'utf8', timeout: 60000,
      env: { ...process.env, SAMVERKAN_PORT: '0', SAMVERKAN_DATA_DIR: join(dir, 'data') },
    });
    assert.notEqual(run.status, 0);
    assert.match(`${run.stdout}${run.stderr}`, /samverkan\.oidc\.kommun\.provision: 'off' or 'claims'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the provider is reached only with a certificate from the configured CA', async () => {
  // Another CA than the one that signed the provider's certificate: the server must refuse the
  // connection, and the person gets a Swedish page instead of a redirect.
  const other = mkdtempSync(join(tmpdir(), 'samverkan-oidc-ca-'));
  const port = await freePort();
  const wrongCa = makeCertificates(other, 'Someone else').caFile;
  const strict = await startServer({
    port,
    properties: {
      'samverkan.oidc.providers': 'kommun',
      'samverkan.oidc.ca_file': wrongCa,
      'samverkan.oidc.kommun.issuer': idp.issuer,
      'samverkan.oidc.kommun.client_id': 'samverkan',
      'samverkan.oidc.kommun.client_secret_file': join(secrets, 'client.secret'),
      'samverkan.oidc.kommun.organizations': AUTHORITY,
      'samverkan.oidc.kommun.label': LABEL,
    },
  });
  try {
    const answer = await fetch(`${strict.base}/logga-in/oidc/kommun`, { redirect: 'manual' });
    assert.equal(answer.status, 502);
    assert.match(await answer.text(), /Identitetsleverantören svarar inte/);
  } finally {
    await strict.stop();
    rmSync(other, { recursive: true, force: true });
  }
});

test('the provider is reached only when its certificate names the host asked for', async () => {
  // A CA the server trusts, but a certificate for another name than 127.0.0.1.
  const [idpPort, port] = [await freePort(), await freePort()];
  const impostor = await startIdp({ port: idpPort, people, certificateHost: 'idp.kommun.invalid',
                                    client: { client_id: 'samverkan', client_secret: 'x'.repeat(40),
                                              redirect_uris: [`http://127.0.0.1:${port}/logga-in/oidc/callback`] } });
  const strict = await startServer({
    port,
    properties: {
      'samverkan.oidc.providers': 'kommun',
      'samverkan.oidc.ca_file': impostor.caFile,
      'samverkan.oidc.kommun.issuer': impostor.issuer,
      'samverkan.oidc.kommun.client_id': 'samverkan',
      'samverkan.oidc.kommun.client_secret_file': join(secrets, 'client.secret'),
      'samverkan.oidc.kommun.organizations': AUTHORITY,
      'samverkan.oidc.kommun.label': LABEL,
    },
  });
  try {
    const answer = await fetch(`${strict.base}/logga-in/oidc/kommun`, { redirect: 'manual' });
    assert.equal(answer.status, 502);
  } finally {
    await strict.stop();
    await impostor.stop();
  }
});
