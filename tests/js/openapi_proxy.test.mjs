// The API document tells the truth (issue 19 point 15): the API journey of the tests replayed
// through Stoplight Prism's validating proxy in --errors mode, so every request and every response
// is checked against the server's own openapi.json; a request or answer the document does not
// describe (a status, a body, a header it does not declare) fails the step.
//
//   plan a year twice, publish the agenda, start the minutes, GET with ETag, PUT with If-Match,
//   submit, approve by both adjusters, register, download the PDF and the archival package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServer } from './server.mjs';
import { DEMO_PASSWORD, CONTRACT_TITLE } from './pages.mjs';

const PRISM = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', '.bin', 'prism');

let server;
let proxy;
let folder;
let base;  // the proxy's address: every request below goes through it

before(async () => {
  server = await startServer({ demo: true });
  folder = mkdtempSync(join(tmpdir(), 'samverkan-prism-'));
  const documentPath = join(folder, 'openapi.json');
  writeFileSync(documentPath, await (await fetch(`${server.base}/api/v1/openapi.json`)).text());
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  proxy = spawn(PRISM, ['proxy', documentPath, server.base, '--errors', '--host', '127.0.0.1',
                        '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proxy.stdout.on('data', (d) => { log += d; });
  proxy.stderr.on('data', (d) => { log += d; });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch { /* not up yet */ }
    if (proxy.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`prism proxy did not start:\n${log}`);
});

after(async () => {
  if (proxy && proxy.exitCode === null) {
    proxy.kill('SIGTERM');
    await new Promise((r) => proxy.once('exit', r));
  }
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

// One request through the proxy. Prism in --errors mode answers a violation of the document with
// its own error (a problem+json whose type names prism); that, or any other status than the one
// expected, fails with what prism said.
async function call(method, path, { token, body, headers = {}, expect }) {
  const answer = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = Buffer.from(await answer.arrayBuffer());
  const type = answer.headers.get('content-type') ?? '';
  const text = type.includes('json') ? raw.toString('utf8') : `(${raw.length} bytes of ${type})`;
  assert.equal(answer.headers.get('sl-violations'), null, `${method} ${path}: ${answer.headers.get('sl-violations')}`);
  assert.doesNotMatch(text, /stoplight\.io\/prism/, `${method} ${path} violates openapi.json: ${text}`);
  assert.equal(answer.status, expect, `${method} ${path} answered ${answer.status}: ${text}`);
  return { status: answer.status, headers: answer.headers, raw,
           json: type.includes('json') && raw.length ? JSON.parse(text) : null };
}

async function logIn(username) {
  const { json } = await call('POST', '/api/v1/session', {
    body: { username, password: DEMO_PASSWORD }, expect: 201 });
  return json.token;
}

test('the API journey holds to openapi.json, checked by a validating proxy', async () => {
  const anna = await logIn('anna.avtal');
  const ulla = await logIn('ulla.utforare');
  const rita = await logIn('rita.registrator');

  const contracts = (await call('GET', '/api/v1/contracts', { token: anna, expect: 200 })).json;
  const contract = contracts.find((c) => c.title === CONTRACT_TITLE);
  assert.ok(contract, 'the demo contract');

  // The year's plan, twice: the second run adds nothing and answers 200 with the plan.
  const year = Number(contract.starts_on.slice(0, 4)) + 1;
  const first = await fetch(`${base}/api/v1/contracts/${contract.id}/meeting-plan`, {
    method: 'POST',
    headers: { authorization: `Bearer ${anna}`, 'content-type': 'application/json' },
    body: JSON.stringify({ year }),
  });
  assert.ok([200, 201].includes(first.status), `the first plan answered ${first.status}: ${await first.text()}`);
  const again = await call('POST', `/api/v1/contracts/${contract.id}/meeting-plan`, {
    token: anna, body: { year }, expect: 200 });
  assert.equal(again.json.year, year);
  assert.deepEqual(again.json.created, []);
  assert.ok(again.json.existing.length > 0);

  const meetings = (await call('GET', `/api/v1/contracts/${contract.id}/meetings`, {
    token: anna, expect: 200 })).json;
  // The first meeting whose adjusters are named and whose agenda is not yet published.
  const adjusters = (m) => m.participants.filter((p) => p.role === 'adjuster').length === 2;
  const meeting = meetings.sort((a, b) => a.starts_at.localeCompare(b.starts_at))
    .find((m) => adjusters(m) && m.status !== 'cancelled' && m.agenda_published_version === null);
  assert.ok(meeting, 'a meeting with both adjusters');
  const at = `/api/v1/meetings/${meeting.id}`;

  const published = await call('POST', `${at}/agenda/publish`, { token: anna, expect: 200 });
  assert.match(published.headers.get('etag') ?? '', /^"[0-9a-f]{40}"$/);
  const started = await call('POST', `${at}/minutes`, { token: anna, expect: 201 });
  assert.equal(started.headers.get('etag'), `"${started.json.version}"`);

  // GET with ETag, PUT with If-Match: the version reaches the client through the proxy.
  const current = await call('GET', `${at}/minutes`, { token: anna, expect: 200 });
  const etag = current.headers.get('etag');
  assert.equal(etag, `"${current.json.version}"`, 'the ETag passes the proxy');
  const edited = structuredClone(current.json.minutes);
  edited.sections[0].notes = 'Mötet öppnades kl. 13.00.';
  const saved = await call('PUT', `${at}/minutes`, {
    token: anna, body: { minutes: edited }, headers: { 'if-match': etag }, expect: 200 });
  assert.notEqual(saved.headers.get('etag'), etag);
  const version = saved.json.version;

  await call('POST', `${at}/minutes/submit`, { token: anna, expect: 200 });
  await call('POST', `${at}/minutes/approve`, { token: ulla, body: { version }, expect: 200 });
  const approved = await call('POST', `${at}/minutes/approve`, { token: anna, body: { version }, expect: 200 });
  assert.equal(approved.json.state, 'approved');

  const draftPdf = await call('GET', `${at}/minutes.pdf`, { token: anna, expect: 200 });
  assert.match(draftPdf.headers.get('content-disposition'), /filename="protokoll-\d{4}-\d{2}-\d{2}-utkast\.pdf"/);

  const registered = await call('POST', `${at}/minutes/register`, { token: rita, expect: 200 });
  assert.equal(registered.json.state, 'registered');
  const number = registered.json.registration.number;

  const pdf = await call('GET', `${at}/minutes.pdf`, { token: rita, expect: 200 });
  assert.equal(pdf.raw.subarray(0, 5).toString('latin1'), '%PDF-');
  const name = `${number.replace(/[ /]/g, '-')}.pdf`;
  assert.equal(pdf.headers.get('content-disposition'), `inline; filename="${name}"; filename*=UTF-8''${name}`);
  const zip = await call('GET', `${at}/minutes/archive`, { token: rita, expect: 200 });
  assert.match(zip.headers.get('content-disposition'), /^attachment; filename=".+\.zip"$/);

  // Refusals are described too: a provider may not plan.
  await call('POST', `/api/v1/contracts/${contract.id}/meeting-plan`, {
    token: ulla, body: { year }, expect: 403 });
});

// Issue 20 finding 9: the lists' paging is part of the document. Each list walked page by page
// through the proxy by its Link header, X-Total-Count and Link declared, and a bad limit's 400.
test('the lists page through the validating proxy by their Link headers', async () => {
  const anna = await logIn('anna.avtal');
  const nextOf = (link) => /<([^>]+)>; rel="next"/.exec(link ?? '')?.[1];
  for (const list of ['/api/v1/contracts', '/api/v1/actions', '/api/v1/organizations',
                      '/api/v1/users', '/api/v1/registry', '/api/v1/reports',
                      '/api/v1/follow-up-cases', '/api/v1/notifications']) {
    let path = `${list}?limit=2`;
    let rows = 0;
    let total;
    for (let pages = 0; path; pages++) {
      assert.ok(pages < 200, `${list} ends`);
      const page = await call('GET', path, { token: anna, expect: 200 });
      total = Number(page.headers.get('x-total-count'));
      assert.match(page.headers.get('link'), /rel="first"/);
      rows += Array.isArray(page.json) ? page.json.length : page.json.items.length;
      path = nextOf(page.headers.get('link'));
    }
    assert.equal(rows, total, `${list}: every row once`);
    await call('GET', `${list}?limit=0`, { token: anna, expect: 400 });
  }
});
