// The demo's calendar invitations as a mail program meets them: the server's default writes each
// message as a .eml file under the data folder; Python's email package takes the message apart
// (tests/support/read_mail.py) and ical.js, a parser nobody here wrote, reads the invitation:
// METHOD:REQUEST, the organizer, one ATTENDEE per participant, SEQUENCE, STATUS and the alarm.
// A reschedule through the API then sends the update with the next SEQUENCE.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { startServer } from './server.mjs';
import { DEMO_PASSWORD } from './pages.mjs';

let server;
let sofia;

before(async () => {
  server = await startServer({ demo: true });
  sofia = await server.login('sofia.soder', DEMO_PASSWORD);
});
after(async () => { await server?.stop(); });

// Asynchronous, so the test runner's event loop is never blocked while Python reads.
async function readMail(file) {
  const { stdout } = await promisify(execFile)('python3',
    [join(process.env.SAMVERKAN_SOURCE_DIR, 'tests/support/read_mail.py'), file], { encoding: 'utf8' });
  return JSON.parse(stdout);
}

const parsed = new Map();  // file name → the message read, or null: each file is read once

const HANNA = 'hanna.sjo@hemtjanstsoder.example.se';
const toHanna = (m) => m.to.includes(HANNA);

// The invitations in the mail folder, read, oldest first; waits for the sender's rounds until
// `atLeast` of them are what `wanted` looks for (the demo's past writes invitations of its other
// contracts too, sent first).
async function invitations(atLeast, wanted = () => true) {
  const folder = join(server.dataDir, 'mail');
  for (let i = 0; i < 200; i++) {
    if (existsSync(folder)) {
      const files = readdirSync(folder).filter((f) => f.endsWith('.eml'))
        .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
      // Only the messages with a calendar part go to Python: the demo writes many others.
      for (const f of files) {
        if (parsed.has(f)) continue;
        const file = join(folder, f);
        parsed.set(f, readFileSync(file, 'latin1').includes('text/calendar') ? await readMail(file) : null);
      }
      const found = files.map((f) => parsed.get(f))
        .filter((m) => m && m.parts.some((p) => p.type === 'text/calendar'));
      if (found.filter(wanted).length >= atLeast) return found;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`fewer than ${atLeast} invitations arrived in ${folder}`);
}

function eventOf(mail) {
  const part = mail.parts.find((p) => p.type === 'text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(part.text));
  return { calendar, event: calendar.getFirstSubcomponent('vevent'), method: part.params.method };
}

test('the demo wrote invitations that ical.js reads as requests with organizer and attendees', async () => {
  const mails = await invitations(1, toHanna);
  // Södermalm's coming meetings (the demo plans next year too): Hanna, the provider's adjuster.
  const invitation = mails.find(toHanna);
  assert.ok(invitation, 'Hanna, the provider\'s adjuster, is invited');
  assert.deepEqual(invitation.defects, []);
  assert.match(invitation.subject, /^Kallelse: samverkansmötet /);
  const { calendar, event, method } = eventOf(invitation);
  assert.equal(method, 'REQUEST');
  assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
  assert.match(event.getFirstPropertyValue('uid'), /^meeting-\d+@/);
  // The meeting's SEQUENCE: the demo set its place when it invited, so it is past 0 already.
  assert.ok(Number.isInteger(event.getFirstPropertyValue('sequence')));
  assert.equal(event.getFirstPropertyValue('status'), 'CONFIRMED');
  assert.equal(event.getFirstPropertyValue('organizer'), 'mailto:sofia.lund@sodermalm.example.se');
  // One ATTENDEE a person: Sofia (chair, secretary and adjuster) once, Hanna once.
  const attendees = event.getAllProperties('attendee').map((p) => p.getFirstValue()).sort();
  assert.deepEqual(attendees, ['mailto:hanna.sjo@hemtjanstsoder.example.se',
                               'mailto:sofia.lund@sodermalm.example.se']);
  const chair = event.getAllProperties('attendee').find((p) => p.getFirstValue().includes('sofia'));
  assert.equal(chair.getParameter('role'), 'CHAIR');
  assert.equal(event.getAllSubcomponents('valarm').length, 1);
  // The plain text names the meeting and links to it.
  assert.match(invitation.parts.find((p) => p.type === 'text/plain').text, /\/moten\/\d+/);
});

test('a reschedule sends the update with the next SEQUENCE and the same UID', async () => {
  const before = await invitations(1, toHanna);
  // One of Södermalm's meetings (Sofia's authority); Östermalm's would answer her 404.
  const hannas = before.filter(toHanna);
  const { event } = eventOf(hannas[hannas.length - 1]);
  const uid = event.getFirstPropertyValue('uid');
  const meetingId = uid.match(/^meeting-(\d+)@/)[1];
  const r = await fetch(`${server.base}/api/v1/meetings/${meetingId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${sofia}`, 'content-type': 'application/json' },
    body: JSON.stringify({ location: 'Götgatan 40, samlingssalen' }),
  });
  assert.equal(r.status, 200, await r.text());
  const isUpdate = (m) => {
    const e = eventOf(m).event;
    return e.getFirstPropertyValue('uid') === uid
      && e.getFirstPropertyValue('sequence') > event.getFirstPropertyValue('sequence');
  };
  const after = await invitations(1, isUpdate);
  const update = after.filter(isUpdate).map(eventOf)[0];
  assert.ok(update, 'the update for the same meeting arrived');
  assert.equal(update.event.getFirstPropertyValue('sequence'), event.getFirstPropertyValue('sequence') + 1);
  assert.equal(update.event.getFirstPropertyValue('location'), 'Götgatan 40, samlingssalen');
});
