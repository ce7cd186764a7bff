// tsspark web UI browser app: keeps server-rendered pages live. The server sends "update" events (SSE) when the
// application's status changes; the app re-fetches the current page and swaps its <main> in place (no reload),
// keeping scroll position. Also wires the kill buttons (POST, guarded by spark.ui.killEnabled on the server).
(function () {
  'use strict';
  var body = document.body;
  var eventsUrl = body.getAttribute('data-events');
  var stateEl = document.getElementById('live-state');
  var inFlight = false;
  var again = false;
  var lastRefresh = 0;
  var MIN_GAP_MS = 400;

  function setState(s) {
    if (!stateEl) return;
    stateEl.textContent = s;
    stateEl.className = 'state state-' + s;
  }

  function refresh() {
    if (inFlight) { again = true; return; }
    var wait = lastRefresh + MIN_GAP_MS - Date.now();
    if (wait > 0) { inFlight = true; setTimeout(function () { inFlight = false; refresh(); }, wait); return; }
    inFlight = true;
    lastRefresh = Date.now();
    fetch(location.href, { cache: 'no-store', headers: { accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status)); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var next = doc.getElementById('content');
        var cur = document.getElementById('content');
        if (next && cur) {
          var open = Array.prototype.map.call(cur.querySelectorAll('details'), function (d) { return d.open; });
          cur.innerHTML = next.innerHTML;
          Array.prototype.forEach.call(cur.querySelectorAll('details'), function (d, i) { if (i < open.length) d.open = open[i]; });
          body.setAttribute('data-refreshed', String(Date.now()));
        }
      })
      .catch(function () { /* the next update retries */ })
      .then(function () {
        inFlight = false;
        if (again) { again = false; refresh(); }
      });
  }

  if (eventsUrl && window.EventSource) {
    var es = new EventSource(eventsUrl);
    es.addEventListener('hello', function () { setState('live'); });
    es.addEventListener('update', function (ev) {
      refresh();
      try { if (JSON.parse(ev.data).ended) { setState('finished'); es.close(); } } catch (e) { /* ignore */ }
    });
    es.onerror = function () { setState('disconnected'); };
    // durations of running jobs grow even without events
    setInterval(function () { if (document.querySelector('.badge-running, .badge-active')) refresh(); }, 5000);
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element) || !t.classList.contains('kill')) return;
    ev.preventDefault();
    if (!window.confirm('Kill ' + t.getAttribute('data-kill-what') + '?')) return;
    fetch(t.getAttribute('data-kill-url'), { method: 'POST' }).then(function () { refresh(); });
  });
})();
