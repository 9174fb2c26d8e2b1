// The session warning of the minutes edit page (issue 19 point 5). The page says how long the
// session lasts without activity (data-idle-seconds); a few minutes before it ends
// (data-warn-seconds) this shows a warning with "Fortsätt", which asks the server for the
// person's own details: any request renews the session. Without JavaScript the page still says
// until when the session lasts, and a save after it ended keeps the text on the server.
(function () {
  'use strict';
  var note = document.getElementById('session-note');
  var warning = document.getElementById('session-warning');
  var text = document.getElementById('session-warning-text');
  var button = document.getElementById('session-continue');
  if (!note || !warning || !text || !button) return;
  var idle = Number(note.getAttribute('data-idle-seconds'));
  var lead = Number(note.getAttribute('data-warn-seconds'));
  if (!(idle > 0) || !(lead >= 0)) return;
  var timer = null;

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function clock(date) { return pad(date.getHours()) + '.' + pad(date.getMinutes()); }

  function schedule() {
    if (timer) clearTimeout(timer);
    var endsAt = new Date(Date.now() + idle * 1000);
    timer = setTimeout(function () {
      // Shown first, then filled, so that the live region reads the words out.
      button.hidden = false;
      warning.hidden = false;
      text.textContent = 'Du loggas ut omkring kl. ' + clock(endsAt) + ' eftersom du inte har ' +
        'sparat på en stund. Tryck Fortsätt för att vara kvar. Din text finns kvar även om du ' +
        'blir utloggad.';
    }, Math.max(0, idle - lead) * 1000);
  }

  button.addEventListener('click', function () {
    fetch('/api/v1/me', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (answer) {
        if (answer.ok) {
          warning.hidden = true;
          schedule();
          return;
        }
        text.textContent = 'Du är redan utloggad. Tryck Spara protokollet: du får logga in igen ' +
          'och kommer tillbaka hit med din text kvar.';
        button.hidden = true;
      })
      .catch(function () {
        text.textContent = 'Servern svarade inte. Försök igen om en stund.';
      });
  });

  schedule();
})();
