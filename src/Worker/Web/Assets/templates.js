// The template editor's script (loaded by Templates/Edit only; the pages' Content-Security-Policy forbids inline script).
// As the admin types, the text is posted (debounced, with the form's antiforgery token) to the page's preview
// handler; the answer's display HTML (built by the server from escaped text and a fixed set of elements)
// replaces the preview, and a problem is shown with its line and column. Clicking the problem puts the caret there.
(function () {
  'use strict';

  var DELAY_MS = 300;

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('template-form');
    var source = document.getElementById('source');
    var preview = document.getElementById('preview');
    var summary = document.getElementById('preview-summary');
    var problem = document.getElementById('problem');
    if (!form || !source || !preview || !problem) {
      return;
    }
    var timer = null;
    var sent = 0;

    function show(result) {
      var parsed = new DOMParser().parseFromString(result.html, 'text/html');
      preview.replaceChildren.apply(preview, Array.from(parsed.body.childNodes));
      if (summary) {
        summary.textContent = result.summary;
      }
      if (result.problem) {
        problem.textContent = result.problem.text;
        problem.dataset.line = result.problem.line;
        problem.dataset.column = result.problem.column;
        problem.hidden = false;
      } else {
        problem.textContent = '';
        problem.hidden = true;
      }
    }

    function update() {
      var number = ++sent;
      fetch(form.dataset.preview, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (response.status === 401) {
            window.location.href = '/login';
            return null;
          }
          return response.ok ? response.json() : null;
        })
        .then(function (result) {
          // An older answer arriving after a newer one is dropped.
          if (result !== null && number === sent) {
            show(result);
          }
        })
        .catch(function () { /* the next keystroke tries again */ });
    }

    source.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY_MS);
    });

    problem.addEventListener('click', function () {
      var line = Number(problem.dataset.line) || 1;
      var column = Number(problem.dataset.column) || 1;
      var lines = source.value.split('\n');
      var offset = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) {
        offset += lines[i].length + 1;
      }
      offset = Math.min(source.value.length, offset + column - 1);
      source.focus();
      source.setSelectionRange(offset, offset);
    });
  });
})();
