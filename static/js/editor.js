/* The canvas editor: one save queue per tab, so the "บันทึก" button, leaving a block
 * and the timer never race each other; never more than one save in flight.
 *
 * Each save sends only the blocks this tab changed, with the revision at which
 * this tab last had each block from the server (`rev_<key>`); the server merges
 * block by block and answers a conflict only for a block someone else changed
 * too. Every keystroke is copied to localStorage under a key of this tab and
 * canvas until the server acknowledges it, so words typed offline, after the
 * session ended or before a crash come back. A save whose answer was lost is
 * resent with the same id and texts, and the server recognises it. Without
 * this file the form still works as a plain POST. */
(function () {
  "use strict";
  var form = document.getElementById("canvas-editor");
  if (!form || !window.fetch || !window.FormData || !window.Promise) return;
  var status = document.getElementById("save-status");
  var notes = document.getElementById("merge-notes");
  var submitLink = document.getElementById("submit-confirm");
  // The nine blocks only: reply boxes beside them belong to their own thread forms.
  var areas = Array.prototype.filter.call(form.elements, function (el) { return el.tagName === "TEXTAREA"; });
  var byName = {};
  areas.forEach(function (a) { byName[a.name] = a; });
  var pageToken = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var minFilled = parseInt(form.dataset.minFilled, 10) || 10;
  var startRev = parseInt(form.querySelector("[name=base_revision]").value, 10) || 0;

  // What the server holds for each block as far as this tab knows, and since which revision.
  var lastSaved = {}, baseRev = {};
  areas.forEach(function (a) { lastSaved[a.name] = a.value; baseRev[a.name] = startRev; });
  var pending = null;      // a save sent and not yet acknowledged: {id, blocks, bases}
  var conflicted = {};     // block → my text when the server found both sides changed it
  var signedOut = false, halted = false, submitAfter = false;
  var timer = null, retryTimer = null, retryDelay = 3000;
  var queue = [], busy = false, saveQueued = false;

  // ---- this tab's copy in localStorage ------------------------------------
  var prefix = "cbmc-canvas-" + form.dataset.canvas + "-" + form.dataset.user + "-";
  var tabId = null;
  try { tabId = sessionStorage.getItem("cbmc-tab"); } catch (e) { tabId = null; }
  if (!tabId) {
    tabId = newId();
    try { sessionStorage.setItem("cbmc-tab", tabId); } catch (e) { /* private mode */ }
  }
  var storeKey = prefix + tabId;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return Date.now().toString(16) + Math.random().toString(16).slice(2);
  }
  function unsaved() {
    var dirty = {};
    areas.forEach(function (a) {
      if (a.value !== lastSaved[a.name] || a.name in conflicted) {
        dirty[a.name] = { text: a.value, from: lastSaved[a.name], base: baseRev[a.name] };
      }
    });
    return dirty;
  }
  function store() {
    var dirty = unsaved();
    try {
      if (!pending && !Object.keys(dirty).length) localStorage.removeItem(storeKey);
      else localStorage.setItem(storeKey, JSON.stringify({ dirty: dirty, pending: pending, touched: Date.now() }));
    } catch (e) { /* storage full or disabled: the text is still in the page */ }
  }
  function readCopy(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function adopt(copy) {
    var took = false;
    Object.keys(copy.dirty || {}).forEach(function (key) {
      var a = byName[key], kept = copy.dirty[key];
      if (!a || a.value !== lastSaved[key]) return; // this tab has its own words there
      a.value = kept.text; lastSaved[key] = kept.from; baseRev[key] = kept.base;
      took = true;
    });
    return took;
  }

  // ---- what the person sees -----------------------------------------------
  function camel(state) { return state.replace(/_(\w)/g, function (m, c) { return c.toUpperCase(); }); }
  function setStatus(state, text) {
    // Signed out stays on screen, with its link, until a save succeeds.
    if (signedOut && state !== "signed_out") return;
    var shown = text || status.dataset[camel(state)] || "";
    // The same words are left as they are: drawn again, the sign-in link would be swapped
    // under a finger reaching for it (a retry answering while the person taps).
    if (status.dataset.state === state && status.dataset.shown === shown) return;
    status.dataset.state = state;
    status.dataset.shown = shown;
    status.textContent = shown;
    if (state === "signed_out") {
      var link = document.createElement("a");
      link.href = form.dataset.loginUrl;
      link.textContent = " " + status.dataset.signIn;
      status.appendChild(link);
    }
  }
  function progress(text) {
    var n = text.replace(/\s+/g, "").length;
    return n === 0 ? "empty" : n < minFilled ? "begun" : "filled";
  }
  function showProgress() {
    var filled = 0;
    areas.forEach(function (a) {
      grow(a);
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
  function showNotes(merged) {
    if (!notes || !merged || !merged.length) return;
    notes.textContent = "";
    merged.forEach(function (m) {
      var line = document.createElement("p");
      line.className = "alert alert-info py-1 px-2 mb-1 small";
      line.textContent = m.note;
      notes.appendChild(line);
    });
  }

  // ---- talking to the server ----------------------------------------------
  function csrfToken() {
    // Read at each save: signing in again (here or in another tab) renews the cookie.
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : pageToken;
  }
  function post(body) {
    return fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Autosave": "1", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { code: response.status, data: data, redirected: response.redirected };
      });
    });
  }
  function enqueue(task) { queue.push(task); pump(); }
  function pump() {
    if (busy || !queue.length) return;
    busy = true;
    var task = queue.shift();
    var done = function () { busy = false; pump(); };
    task().then(done, done);
  }
  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(requestSave, delay);
  }
  function requestSave() {
    clearTimeout(timer);
    if (saveQueued) return;
    saveQueued = true;
    enqueue(saveTask);
  }
  function retryLater(delay) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(requestSave, delay || retryDelay);
    if (!delay) retryDelay = Math.min(retryDelay * 2, 60000);
  }
  function dirtyKeys() {
    return areas.filter(function (a) { return a.value !== lastSaved[a.name] && !(a.name in conflicted); })
      .map(function (a) { return a.name; });
  }
  function saveTask() {
    saveQueued = false;
    if (halted) return Promise.resolve();
    if (!pending) {
      var keys = dirtyKeys();
      if (!keys.length) { finish(); return Promise.resolve(); }
      var blocks = {}, bases = {};
      keys.forEach(function (k) { blocks[k] = byName[k].value; });
      areas.forEach(function (a) { bases[a.name] = baseRev[a.name]; });
      pending = { id: newId(), blocks: blocks, bases: bases };
      store();
    }
    var sent = pending;
    var body = new FormData();
    var revs = Object.keys(sent.bases).map(function (k) { return sent.bases[k]; });
    body.append("base_revision", Math.min.apply(null, revs));
    body.append("save_id", sent.id);
    Object.keys(sent.bases).forEach(function (k) { body.append("rev_" + k, sent.bases[k]); });
    Object.keys(sent.blocks).forEach(function (k) { body.append(k, sent.blocks[k]); });
    setStatus("saving");
    return post(body).then(function (answer) { answered(answer, sent); }, function () {
      setStatus(navigator.onLine === false ? "offline" : "failed");
      retryLater();
    });
  }
  function isSignedOut(answer) {
    // 401: the session ended; a 403 page without JSON: the CSRF token went stale with it.
    return answer.code === 401 || (answer.code === 403 && !answer.data.state) || answer.redirected;
  }
  function answered(answer, sent) {
    var data = answer.data, state = data.state;
    if (isSignedOut(answer)) {
      signedOut = true; setStatus("signed_out");
      retryLater(15000);
      return;
    }
    if (answer.code === 200 && (state === "saved" || state === "already_saved")) {
      synced(data, sent.blocks);
    } else if (answer.code === 409 && state === "conflict") {
      var mine = {};
      data.conflicts.forEach(function (c) { conflicted[c.key] = sent.blocks[c.key]; });
      Object.keys(sent.blocks).forEach(function (k) { if (!(k in conflicted)) mine[k] = sent.blocks[k]; });
      synced(data, mine);
      showConflict(data.html);
    } else if (answer.code === 400 || answer.code === 413 || answer.code === 409 || answer.code === 403 || answer.code === 404) {
      // The server will not take this save as it is: keep the words, say why, stop retrying.
      pending = null; halted = true; store();
      if (state === "invalid") { setStatus("invalid", data.message); showErrors(data.errors); }
      else setStatus(state === "too_large" ? "too_large" : "failed", data.message);
      return;
    } else {
      setStatus(answer.code === 503 ? "unavailable" : "failed");
      retryLater();
      return;
    }
    if (dirtyKeys().length) { store(); setStatus("dirty"); schedule(1000); }
    else finish(data.clock);
  }
  // The server now holds `blocks` (this tab's texts) at `data.revision`, and `data.merged`
  // (texts others saved in blocks this tab left alone).
  function synced(data, blocks) {
    var rev = data.revision, merged = {};
    (data.merged || []).forEach(function (m) { merged[m.key] = m; });
    signedOut = false; halted = false; pending = null; retryDelay = 3000;
    areas.forEach(function (a) {
      var k = a.name;
      if (k in conflicted) return;
      if (k in blocks) { lastSaved[k] = blocks[k]; baseRev[k] = rev; }
      if (k in merged) {
        // Typing there meanwhile: keep it and its old base, so its save is a conflict, not an overwrite.
        if (a.value !== (k in blocks ? blocks[k] : lastSaved[k])) return;
        a.value = merged[k].text; lastSaved[k] = merged[k].text; baseRev[k] = rev;
      } else if (!(k in blocks) && a.value === lastSaved[k]) {
        baseRev[k] = rev;
      }
    });
    showErrors(null);
    showNotes(data.merged);
    showProgress();
    store();
  }
  function finish(clock) {
    if (Object.keys(conflicted).length) { setStatus("conflict"); submitAfter = false; return; }
    if (pending || dirtyKeys().length) return;
    store();
    var d = new Date();
    clock = clock || ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
    setStatus("saved", status.dataset.saved.replace("__TIME__", clock));
    // Sending asks first: the confirmation page, once every word is saved.
    if (submitAfter && submitLink) { submitAfter = false; window.location.assign(submitLink.href); }
  }

  // ---- the side-by-side choice ----------------------------------------------
  function showConflict(html) {
    var slot = document.getElementById("conflict-slot");
    var old = document.getElementById("conflict-panel");
    var earlier = old ? Array.prototype.slice.call(old.querySelectorAll("fieldset.conflict-block")) : [];
    if (old) old.remove();
    slot.innerHTML = html;
    var conflictForm = slot.querySelector(".conflict-form");
    // Blocks still waiting for a choice from an earlier answer stay in the panel.
    earlier.forEach(function (fieldset) {
      var key = fieldset.dataset.block;
      if (key in conflicted && !conflictForm.querySelector('fieldset[data-block="' + key + '"]')) {
        conflictForm.insertBefore(fieldset, conflictForm.querySelector("fieldset"));
      }
    });
    wireConflict(conflictForm);
    submitAfter = false;
    setStatus("conflict");
    slot.scrollIntoView({ block: "start" });
  }
  function wireConflict(conflictForm) {
    if (!conflictForm) return;
    conflictForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var revs = Array.prototype.map.call(conflictForm.querySelectorAll("input[name^=rev_]"), function (i) {
        return parseInt(i.value, 10);
      });
      conflictForm.querySelector("[name=base_revision]").value = Math.min.apply(null, revs);
      var body = new FormData(conflictForm);
      enqueue(function () {
        setStatus("saving");
        return post(body).then(function (answer) { resolved(answer); }, function () {
          setStatus(navigator.onLine === false ? "offline" : "failed");
        });
      });
    });
  }
  function resolved(answer) {
    var data = answer.data;
    if (isSignedOut(answer)) { signedOut = true; setStatus("signed_out"); return; }
    if (answer.code === 409 && data.state === "conflict") { showConflict(data.html); return; }
    if (answer.code !== 200) { setStatus("failed", data.message || status.dataset.invalid); return; }
    Object.keys(data.blocks || {}).forEach(function (k) {
      var a = byName[k];
      if (!a) return;
      // Words typed in the block while the panel was open stay, and are saved next.
      if (a.value === conflicted[k]) a.value = data.blocks[k];
      lastSaved[k] = data.blocks[k]; baseRev[k] = data.revision;
      delete conflicted[k];
    });
    var panel = document.getElementById("conflict-panel");
    if (panel) panel.remove();
    synced(data, data.blocks || {});
    if (dirtyKeys().length) requestSave(); else finish(data.clock);
  }

  // ---- boxes that grow with their text ------------------------------------
  // Browsers that know `field-sizing: content` (canvas.css) grow the boxes themselves.
  var sizesItself = window.CSS && CSS.supports && CSS.supports("field-sizing", "content");
  function grow(a) {
    if (sizesItself) return;
    a.style.height = "auto";
    a.style.height = (a.scrollHeight + a.offsetHeight - a.clientHeight) + "px";
  }
  areas.forEach(grow);

  // ---- events -------------------------------------------------------------
  areas.forEach(function (a) {
    a.addEventListener("input", function () {
      grow(a);
      if (halted && status.dataset.state !== "failed") { halted = false; showErrors(null); }
      setStatus("dirty");
      store();
      showProgress();
      schedule(2500);
    });
    a.addEventListener("blur", function () { if (dirtyKeys().length || pending) requestSave(); });
  });
  var submitter = null;
  form.addEventListener("click", function (event) {
    if (event.target.type === "submit") submitter = event.target;
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = event.submitter || submitter;
    submitAfter = !!(button && button.name === "then_submit");
    halted = false;
    requestSave();
  });
  window.addEventListener("online", requestSave);
  window.addEventListener("focus", function () { if (signedOut || pending) requestSave(); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && (signedOut || pending)) requestSave();
    if (document.visibilityState === "hidden") store();
  });
  window.addEventListener("pagehide", store);
  wireConflict(document.querySelector("#conflict-panel .conflict-form"));

  // ---- words from before: this tab's copy, then copies of tabs long closed ----
  var restored = false;
  var own = readCopy(storeKey);
  if (own) {
    restored = adopt(own);
    if (own.pending) { pending = own.pending; restored = true; }
  }
  try {
    for (var i = localStorage.length - 1; i >= 0; i -= 1) {
      var key = localStorage.key(i);
      if (!key || key === storeKey || key.indexOf(prefix) !== 0) continue;
      var copy = readCopy(key);
      // A tab that has not written for two minutes is gone; its words come here.
      if (copy && Date.now() - (copy.touched || 0) > 120000 && adopt(copy)) {
        restored = true;
        localStorage.removeItem(key);
      }
    }
  } catch (e) { /* storage disabled */ }
  if (restored) {
    showProgress();
    setStatus("restored");
    store();
    requestSave();
  }
})();
