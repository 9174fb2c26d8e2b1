// The OpenAPI document validates with a validator nobody here wrote, and it is true: every path
// and method it names exists on the server (never 404/405), and the server's own routes are in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('openapi.json is a valid OpenAPI 3 document', async () => {
  const r = await fetch(`${server.base}/api/v1/openapi.json`);
  assert.equal(r.status, 200);
  const doc = await r.json();
  const api = await SwaggerParser.validate(structuredClone(doc));
  assert.match(api.openapi, /^3\./);
  for (const path of ['/api/v1/session', '/api/v1/me', '/api/v1/organizations', '/api/v1/users',
                      '/api/v1/audit', '/healthz', '/api/v1/openapi.json'])
    assert.ok(doc.paths[path], `${path} is described`);
});

test('every documented operation exists on the server', async () => {
  const doc = await (await fetch(`${server.base}/api/v1/openapi.json`)).json();
  let checked = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    const concrete = path.replace(/\{[^}]+\}/g, '999999');
    for (const method of Object.keys(item)) {
      const r = await fetch(`${server.base}${concrete}`, { method: method.toUpperCase(), redirect: 'manual' });
      assert.notEqual(r.status, 405, `${method} ${path} is routed`);
      // Without login a protected route answers 401; a public one answers for itself. A 404 is
      // only acceptable for a route with an id in its path (the id does not exist).
      if (!path.includes('{')) assert.notEqual(r.status, 404, `${method} ${path} exists`);
      checked++;
    }
  }
  assert.ok(checked >= 10, `checked ${checked} operations`);
});

// Issue 19 point 15: what the server really sends is declared, not only what validates.
test('the document declares the statuses and headers the server sends', async () => {
  const doc = await (await fetch(`${server.base}/api/v1/openapi.json`)).json();
  const api = await SwaggerParser.dereference(structuredClone(doc));
  const plan = api.paths['/api/v1/contracts/{id}/meeting-plan'].post.responses;
  for (const status of ['200', '201']) {
    assert.ok(plan[status].content['application/json'].schema.properties.created,
              `meeting-plan ${status} is the plan, not a problem`);
  }
  const minutes = api.paths['/api/v1/meetings/{id}/minutes'];
  assert.ok(minutes.get.responses['200'].headers.ETag, 'GET minutes declares its ETag');
  assert.ok(minutes.post.responses['201'].headers.ETag, 'starting the minutes declares the ETag');
  assert.ok(minutes.put.responses['200'].headers.ETag, 'a save declares the new ETag');
  assert.ok(minutes.put.parameters.some((p) => p.in === 'header' && p.name === 'If-Match' && p.required));
  assert.ok(api.paths['/api/v1/meetings/{id}/minutes.pdf'].get.responses['200'].headers['Content-Disposition']);
  assert.ok(api.paths['/api/v1/meetings/{id}/minutes/archive'].get.responses['200'].headers['Content-Disposition']);
  assert.ok(api.paths['/api/v1/contracts/{id}/meetings'].post.responses['201'].headers.Location);
  assert.ok(api.paths['/api/v1/contracts'].post.responses['201'].headers.Location);
});

test('an undocumented path answers 404 problem+json', async () => {
  const r = await fetch(`${server.base}/api/v1/no-such-thing`);
  assert.equal(r.status, 404);
  assert.match(r.headers.get('content-type'), /application\/problem\+json/);
});

// Issue 20 finding 9: every list declares its paging: limit and offset, X-Total-Count and Link.
test('every list operation declares limit, offset, X-Total-Count and Link', async () => {
  const doc = await (await fetch(`${server.base}/api/v1/openapi.json`)).json();
  const api = await SwaggerParser.dereference(structuredClone(doc));
  let lists = 0;
  for (const [path, item] of Object.entries(api.paths)) {
    const ok = item.get?.responses?.['200'];
    const schema = ok?.content?.['application/json']?.schema;
    if (!schema || !(schema.type === 'array' || schema.properties?.items)) continue;
    lists++;
    const names = (item.get.parameters ?? []).map((p) => p.name);
    assert.ok(names.includes('limit') && names.includes('offset'), `${path} takes limit and offset`);
    assert.ok(ok.headers?.['X-Total-Count'] && ok.headers?.Link, `${path} declares its paging headers`);
    assert.ok(item.get.responses['400'], `${path} declares the 400 of a bad limit`);
  }
  assert.ok(lists >= 20, `${lists} lists`);
});
