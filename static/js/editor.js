/* The canvas editor: autosave a few seconds after typing stops and when leaving a
 * block, a copy of every word in localStorage until the server has it, retries
 * when the network or the server comes back, and the side-by-side choice when
 * someone else saved first. Each save carries the revision it started from and
 * its own id; a save whose answer was lost is resent with the same id and the
 * same texts, so the server recognises it. Without this file the form still
 * works as a plain POST. */
(function () {
  "use strict";
  var form = document.getElementById("canvas-editor");
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById("save-status");
  // The nine blocks only: reply boxes beside them belong to their own thread forms.
  var areas = Array.prototype.filter.call(form.elements, function (el) { return el.tagName === "TEXTAREA"; });
  var rev = form.querySelector("[name=base_revision]");
  var sid = form.querySelector("[name=save_id]");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var storeKey = "cbmc-canvas-" + form.dataset.canvas + "-" + form.dataset.user;
  var minFilled = parseInt(form.dataset.minFilled, 10) || 10;
  var pending = null; // a save sent and not yet acknowledged: {id, base, blocks}
  var inFlight = false, blocked = false, timer = null, retryTimer = null, retryDelay = 3000;
  var lastSaved = snapshot();

  function snapshot() {
    var blocks = {};
    areas.forEach(function (a) { blocks[a.name] = a.value; });
    return blocks;
  }
  function isDirty() {
    return areas.some(function (a) { return a.value !== lastSaved[a.name]; });
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return Date.now().toString(16) + Math.random().toString(16).slice(2);
  }
  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text || status.dataset[state.replace(/_(\w)/g, function (m, c) { return c.toUpperCase(); })] || "";
    if (state === "signed_out") {
      var link = document.createElement("a");
      link.href = form.dataset.loginUrl;
      link.textContent = " " + status.dataset.signIn;
      status.appendChild(link);
    }
  }
  function store() {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ base: rev.value, blocks: snapshot(), pending: pending }));
    } catch (e) { /* storage full or disabled: the text is still in the page */ }
  }
  function forget() {
    try { localStorage.removeItem(storeKey); } catch (e) { /* ignore */ }
  }
  function progress(text) {
    var n = text.replace(/\s+/g, "").length;
    return n === 0 ? "empty" : n < minFilled ? "begun" : "filled";
  }
  function showProgress() {
    var filled = 0;
    areas.forEach(function (a) {
      var p = progress(a.value);
      if (p === "filled") filled += 1;
      var card = document.getElementById("block-" + a.name);
      var badge = card && card.querySelector(".progress-badge");
      if (badge && badge.dataset.progress !== p) {
        badge.dataset.progress = p;
        badge.className = "badge progress-badge p-" + p;
        badge.textContent = form.dataset["label" + p.charAt(0).toUpperCase() + p.slice(1)];
      }
      var jump = document.querySelector('[data-jump="' + a.name + '"]');
      if (jump) jump.className = "jump-" + p;
    });
    var count = document.getElementById("filled-count");
    if (count) count.textContent = form.dataset.filledText.replace("__N__", filled);
  }
  function clock() {
    var d = new Date();
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }
  function scheduleRetry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(save, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  }
  function post(body) {
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Autosave": "1" }
    });
  }
  function showErrors(errors) {
    areas.forEach(function (a) {
      var box = document.getElementById("error-" + a.name);
      if (box) box.remove();
      a.classList.remove("is-invalid");
      if (errors && errors[a.name]) {
        a.classList.add("is-invalid");
        box = document.createElement("div");
        box.id = "error-" + a.name;
        box.className = "invalid-feedback d-block";
        box.textContent = errors[a.name].join(" ");
        a.insertAdjacentElement("afterend", box);
      }
    });
  }
  function acknowledged(data, sent) {
    rev.value = data.revision;
    lastSaved = sent;
    pending = null;
    retryDelay = 3000;
    sid.value = newId();
    showErrors(null);
    if (isDirty()) { store(); setStatus("dirty"); schedule(1000); }
    else { forget(); setStatus("saved", status.dataset.saved.replace("__TIME__", data.clock || clock())); }
  }
  function save() {
    clearTimeout(timer);
    if (inFlight || blocked) return;
    if (!pending) {
      if (!isDirty()) return;
      pending = { id: newId(), base: rev.value, blocks: snapshot() };
      store();
    }
    var sent = pending;
    var body = new FormData();
    body.append("base_revision", sent.base);
    body.append("save_id", sent.id);
    Object.keys(sent.blocks).forEach(function (k) { body.append(k, sent.blocks[k]); });
    inFlight = true;
    setStatus("saving");
    post(body).then(function (response) {
      // 401: the session ended; 403: the page's CSRF token went stale with it.
      if (response.status === 401 || response.status === 403 || response.redirected) {
        blocked = true; setStatus("signed_out"); return null;
      }
      if (response.status >= 500) throw new Error("server");
      return response.json().then(function (data) { return { code: response.status, data: data }; });
    }).then(function (answer) {
      inFlight = false;
      if (!answer) return;
      var data = answer.data;
      if (data.state === "saved" || data.state === "already_saved") acknowledged(data, sent.blocks);
      else if (data.state === "conflict") { pending = null; showConflict(data.html); }
      else if (data.state === "invalid") { pending = null; blocked = true; setStatus("invalid"); showErrors(data.errors); }
      else { pending = null; blocked = true; setStatus("failed", data.message); }
    }).catch(function () {
      inFlight = false;
      setStatus(navigator.onLine === false ? "offline" : "failed");
      scheduleRetry();
    });
  }
  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }
  function showConflict(html) {
    blocked = true;
    store();
    var slot = document.getElementById("conflict-slot");
    var old = document.getElementById("conflict-panel");
    if (old) old.remove();
    slot.innerHTML = html;
    wireConflict(slot.querySelector(".conflict-form"));
    setStatus("conflict");
    slot.scrollIntoView({ block: "start" });
  }
  function wireConflict(conflictForm) {
    if (!conflictForm) return;
    conflictForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = new FormData(conflictForm);
      setStatus("saving");
      post(body).then(function (response) {
        if (response.status === 401) { setStatus("signed_out"); return null; }
        if (response.status >= 500) throw new Error("server");
        return response.json();
      }).then(function (data) {
        if (!data) return;
        if (data.state === "saved" || data.state === "already_saved") {
          areas.forEach(function (a) { if (data.blocks && a.name in data.blocks) a.value = data.blocks[a.name]; });
          var panel = document.getElementById("conflict-panel");
          if (panel) panel.remove();
          blocked = false;
          showProgress();
          acknowledged(data, snapshot());
        } else if (data.state === "conflict") {
          showConflict(data.html);
        } else {
          setStatus("failed", data.message || status.dataset.invalid);
        }
      }).catch(function () { setStatus(navigator.onLine === false ? "offline" : "failed"); });
    });
  }

  areas.forEach(function (a) {
    a.addEventListener("input", function () {
      if (status.dataset.state === "invalid") blocked = false;
      setStatus("dirty");
      store();
      showProgress();
      schedule(2500);
    });
    a.addEventListener("blur", function () { if (isDirty() || pending) save(); });
  });
  window.addEventListener("online", save);
  window.addEventListener("pagehide", function () { if (isDirty() || pending) store(); });
  form.addEventListener("submit", function () { store(); });
  wireConflict(document.querySelector("#conflict-panel .conflict-form"));
  if (document.getElementById("conflict-panel")) blocked = true;

  // Words typed before a lost connection, a crash or an expired session come back.
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(storeKey) || "null"); } catch (e) { saved = null; }
  if (saved && saved.blocks) {
    var differs = areas.some(function (a) { return a.name in saved.blocks && saved.blocks[a.name] !== a.value; });
    if (differs || saved.pending) {
      areas.forEach(function (a) { if (a.name in saved.blocks) a.value = saved.blocks[a.name]; });
      rev.value = saved.base;
      pending = saved.pending || null;
      showProgress();
      setStatus("restored");
      if (!blocked) save();
    } else {
      forget();
    }
  }
})();
