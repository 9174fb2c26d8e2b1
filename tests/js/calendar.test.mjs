// The calendars (RFC 5545) read with ical.js, a parser nobody here wrote: one VEVENT per meeting
// with stable UIDs, Europe/Stockholm local times that are the meetings' instants, SEQUENCE raised
// on a reschedule, STATUS:CANCELLED for a cancelled meeting, and a link back to the meeting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { startServer } from './server.mjs';
import { DEMO_PASSWORD } from './pages.mjs';

let server;
let anna;
let ulla;
let nils;
let contractId;

before(async () => {
  server = await startServer({ demo: true });
  anna = await server.login('anna.avtal', DEMO_PASSWORD);
  ulla = await server.login('ulla.utforare', DEMO_PASSWORD);
  nils = await server.login('nils.norr', DEMO_PASSWORD);
  const contracts = await json('/api/v1/contracts', anna);
  const demo = contracts.find((c) => c.provider_name === 'Omsorgshuset Linnégården AB');
  assert.ok(demo, 'the demo contract exists');
  contractId = demo.id;
});
after(async () => { await server?.stop(); });

function call(path, token, init = {}) {
  const headers = { ...(init.headers ?? {}) };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${server.base}${path}`, { ...init, headers });
}

async function json(path, token) {
  const r = await call(path, token);
  assert.equal(r.status, 200, `GET ${path}`);
  return r.json();
}

async function patch(path, token, body) {
  const r = await call(path, token, {
    method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = await r.json();
  assert.equal(r.status, 200, `PATCH ${path}: ${JSON.stringify(answer)}`);
  return answer;
}

// Fetches a calendar, checks its content type and line structure, and parses it with ical.js.
async function calendar(path, token = anna) {
  const r = await call(path, token);
  assert.equal(r.status, 200, `GET ${path}`);
  assert.match(r.headers.get('content-type'), /^text\/calendar/);
  const text = await r.text();
  assert.ok(text.endsWith('\r\n'), 'lines end with CRLF');
  assert.ok(!text.replace(/\r\n/g, '').includes('\n'), 'no bare LF');
  for (const line of text.split('\r\n'))
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `folded at 75 octets: ${line}`);
  const root = new ICAL.Component(ICAL.parse(text));
  assert.equal(root.name, 'vcalendar');
  assert.equal(root.getFirstPropertyValue('version'), '2.0');
  const zones = root.getAllSubcomponents('vtimezone');
  const stockholm = zones.find((z) => z.getFirstPropertyValue('tzid') === 'Europe/Stockholm');
  assert.ok(stockholm, 'a VTIMEZONE for Europe/Stockholm');
  // Times are read with the calendar's own definition of the zone.
  ICAL.TimezoneService.register(stockholm);
  return { text, root, events: root.getAllSubcomponents('vevent') };
}

const contractCalendar = () => calendar(`/api/v1/contracts/${contractId}/calendar.ics`);
const meetings = () => json(`/api/v1/contracts/${contractId}/meetings`, anna);

// The wall-clock time in Stockholm of an instant, as the platform's time zone database has it.
function stockholmWallClock(iso) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm', hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'),
           minute: get('minute') };
}

// The UID of each meeting, from the meeting's own calendar (one VEVENT).
async function uidsByMeeting(list) {
  const out = new Map();
  for (const m of list) {
    const single = await calendar(`/api/v1/meetings/${m.id}/calendar.ics`);
    assert.equal(single.events.length, 1, `meeting ${m.id} has one VEVENT`);
    out.set(m.id, single.events[0].getFirstPropertyValue('uid'));
  }
  return out;
}

function eventByUid(cal, uid) {
  const found = cal.events.filter((e) => e.getFirstPropertyValue('uid') === uid);
  assert.equal(found.length, 1, `one VEVENT with UID ${uid}`);
  return found[0];
}

function checkTime(vevent, property, iso) {
  const prop = vevent.getFirstProperty(property);
  assert.ok(prop, `${property} is present`);
  assert.equal(prop.getParameter('tzid'), 'Europe/Stockholm', `${property} has TZID`);
  const time = prop.getFirstValue();
  assert.equal(time.zone?.tzid, 'Europe/Stockholm', `${property} resolves to the VTIMEZONE`);
  // The same instant as the API's UTC time ...
  assert.equal(time.toUnixTime() * 1000, Date.parse(iso), `${property} is the instant ${iso}`);
  // ... written as the Stockholm wall clock.
  const wall = stockholmWallClock(iso);
  assert.deepEqual({ year: time.year, month: time.month, day: time.day, hour: time.hour,
                     minute: time.minute }, wall, `${property} is Stockholm local time`);
}

test('the contract calendar has one VEVENT per meeting, with unique UIDs stable across fetches',
     async () => {
  const list = await meetings();
  assert.ok(list.length >= 4, `the demo contract has this year's meetings (${list.length})`);
  const first = await contractCalendar();
  const second = await contractCalendar();
  assert.equal(first.events.length, list.length);
  const uids = first.events.map((e) => e.getFirstPropertyValue('uid'));
  assert.ok(uids.every((u) => typeof u === 'string' && u.length > 0));
  assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
  assert.deepEqual(second.events.map((e) => e.getFirstPropertyValue('uid')).sort(),
                   [...uids].sort(), 'UIDs are stable');
  // Each meeting's own calendar carries the same UID as the contract calendar.
  const byMeeting = await uidsByMeeting(list);
  assert.deepEqual([...byMeeting.values()].sort(), [...uids].sort());
});

test('DTSTART and DTEND are Stockholm local times of the meeting; URL and DESCRIPTION link to it',
     async () => {
  const list = await meetings();
  const uids = await uidsByMeeting(list);
  const cal = await contractCalendar();
  const offsets = new Set();
  const urls = new Set();
  for (const m of list) {
    const vevent = eventByUid(cal, uids.get(m.id));
    checkTime(vevent, 'dtstart', m.starts_at);
    checkTime(vevent, 'dtend', m.ends_at);
    const event = new ICAL.Event(vevent);
    offsets.add(event.startDate.utcOffset());
    assert.equal(event.sequence, m.sequence, 'SEQUENCE is the meeting\'s sequence');
    assert.equal(vevent.getFirstPropertyValue('status'), 'CONFIRMED');
    if (m.location) assert.equal(event.location, m.location);

    const url = vevent.getFirstPropertyValue('url');
    assert.ok(url, 'URL is present');
    const parsed = new URL(url);
    assert.match(parsed.protocol, /^https?:$/);
    assert.match(parsed.pathname, new RegExp(`/${m.id}$`), `URL ${url} names meeting ${m.id}`);
    assert.ok(event.description.includes(url), 'DESCRIPTION holds the link');
    urls.add(url);
  }
  assert.equal(urls.size, list.length, 'each meeting its own link');
  // The year's meetings fall in both winter and summer time, so both rules of the zone are used.
  assert.ok(offsets.size >= 2, `meetings in CET and CEST (${[...offsets]})`);
});

test('a reschedule raises SEQUENCE, a cancelled meeting stays as STATUS:CANCELLED', async () => {
  const list = await meetings();
  const uids = await uidsByMeeting(list);
  const beforeCal = await contractCalendar();
  const sequenceOf = (cal, id) => new ICAL.Event(eventByUid(cal, uids.get(id))).sequence;
  const [moved, cancelled, ...others] = list;

  // One day and 90 minutes later.
  const newStart = new Date(Date.parse(moved.starts_at) + (24 * 60 + 90) * 60 * 1000)
    .toISOString().replace(/\.000Z$/, 'Z');
  const movedAnswer = await patch(`/api/v1/meetings/${moved.id}`, anna, { starts_at: newStart });
  assert.equal(movedAnswer.sequence, moved.sequence + 1);
  const cancelledAnswer = await patch(`/api/v1/meetings/${cancelled.id}`, anna,
                                      { status: 'cancelled', cancel_reason: 'Lokalen är upptagen' });
  assert.equal(cancelledAnswer.status, 'cancelled');

  const afterCal = await contractCalendar();
  assert.equal(afterCal.events.length, list.length, 'the cancelled meeting is still there');

  const movedEvent = eventByUid(afterCal, uids.get(moved.id));
  assert.ok(sequenceOf(afterCal, moved.id) > sequenceOf(beforeCal, moved.id), 'SEQUENCE raised');
  assert.equal(sequenceOf(afterCal, moved.id), movedAnswer.sequence);
  checkTime(movedEvent, 'dtstart', movedAnswer.starts_at);
  checkTime(movedEvent, 'dtend', movedAnswer.ends_at);
  assert.equal(movedAnswer.starts_at, newStart);
  assert.equal(movedEvent.getFirstPropertyValue('status'), 'CONFIRMED');

  const cancelledEvent = eventByUid(afterCal, uids.get(cancelled.id));
  assert.equal(cancelledEvent.getFirstPropertyValue('status'), 'CANCELLED');
  assert.ok(sequenceOf(afterCal, cancelled.id) > sequenceOf(beforeCal, cancelled.id),
            'a cancellation raises SEQUENCE too');
  checkTime(cancelledEvent, 'dtstart', cancelled.starts_at);

  for (const m of others) {
    assert.equal(sequenceOf(afterCal, m.id), sequenceOf(beforeCal, m.id), 'others unchanged');
    assert.equal(eventByUid(afterCal, uids.get(m.id)).getFirstPropertyValue('status'),
                 'CONFIRMED');
  }

  // The single meeting's calendar says the same.
  const single = await calendar(`/api/v1/meetings/${cancelled.id}/calendar.ics`);
  assert.equal(single.events[0].getFirstPropertyValue('status'), 'CANCELLED');
  assert.equal(single.events[0].getFirstPropertyValue('uid'), uids.get(cancelled.id));
  // UIDs did not change with the meeting.
  assert.deepEqual((await uidsByMeeting(list)), uids);
});

test('the provider reads its own calendars, another provider gets 404', async () => {
  const [m] = await meetings();
  for (const path of [`/api/v1/contracts/${contractId}/calendar.ics`,
                      `/api/v1/meetings/${m.id}/calendar.ics`]) {
    const own = await calendar(path, ulla);
    assert.ok(own.events.length >= 1);
    const r = await call(path, nils);
    assert.equal(r.status, 404, `${path} for another provider`);
    assert.match(r.headers.get('content-type'), /application\/problem\+json/);
    const anonymous = await call(path);
    assert.equal(anonymous.status, 401, `${path} without login`);
  }
});
