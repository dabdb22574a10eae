// The console's only script (the pages' Content-Security-Policy forbids inline script).
// 1. An element with data-refresh="URL" gets its content replaced by that URL's HTML every data-every seconds.
// 2. The sign-in form a /web link opens posts itself at once (a click does the same without JavaScript).
(function () {
  'use strict';

  function refresh(element) {
    fetch(element.dataset.refresh, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (response.status === 401) {
          window.location.href = '/login';
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var parsed = new DOMParser().parseFromString(html, 'text/html');
        element.replaceChildren.apply(element, Array.from(parsed.body.childNodes));
      })
      .catch(function () { /* the next round tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-refresh]').forEach(function (element) {
      var seconds = Number(element.dataset.every) || 5;
      window.setInterval(function () { refresh(element); }, seconds * 1000);
    });
    var login = document.getElementById('login-form');
    if (login && login.dataset.auto === 'true') {
      login.submit();
    }
  });
})();
