// The review page: a link to #thread-N (a notification, say) whose thread the page keeps
// behind a count (resolved, or past the first few of its block) asks the server for the
// page again with ?thread=N, which shows it. Without JavaScript the link still lands on
// the page; the redirects after a reply already carry ?thread=N.
(function () {
  "use strict";
  var match = /^#thread-(\d+)$/.exec(window.location.hash);
  if (!match || document.getElementById("thread-" + match[1])) return;
  var params = new URLSearchParams(window.location.search);
  if (params.get("thread") === match[1]) return;
  params.set("thread", match[1]);
  window.location.replace(window.location.pathname + "?" + params.toString() + window.location.hash);
})();
