// rileva kiosk player: one question per screen, routing by `show if`, idle reset, and a
// local queue of responses sent to the endpoint when it answers (each removed after a 2xx).
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("kiosk-config").textContent);
  var stage = document.getElementById("stage");
  var notice = document.getElementById("notice");
  var screens = [].slice.call(document.querySelectorAll(".screen"));
  var thanks = screens.length - 1;
  var queueKey = "rileva.kiosk.queue:" + cfg.survey + "@" + cfg.version;
  var ORDERING = ["<", "<=", ">", ">="];
  var lang = cfg.language, answers = {}, current = 0, quietUntil = 0;
  var rejectedKey = "rileva.kiosk.rejected:" + cfg.survey + "@" + cfg.version;
  var idleTimer = 0, thanksTimer = 0, sending = false, memoryQueue = [];
  var failures = 0, retryAt = 0, retryTimer = 0;
  var site = siteFromAddress();

  // The site (office, counter) this kiosk is installed at, from its address: `?site=centro`,
  // one of cfg.sites. "" when the address names none; null when it names another site, or
  // any site while the survey lists none: then the kiosk collects nothing.
  function siteFromAddress() {
    var given = new URLSearchParams(window.location.search).get("site");
    if (given === null || given === "") return "";
    return (cfg.sites || []).indexOf(given) >= 0 ? given : null;
  }
  // A misconfigured kiosk: a message for staff instead of the screens.
  function refuseToCollect() {
    var given = new URLSearchParams(window.location.search).get("site");
    stage.hidden = true;
    notice.textContent = cfg.site_unknown.replace("{site}", given);
    notice.lang = cfg.language;
    notice.hidden = false;
  }

  // Routing (ir::Expr): a comparison on an absent answer is false, `not` negates that, an
  // ordering comparison on a missing code is false.
  function holds(e) {
    if (!e) return true;
    var v = answers[e.question];
    switch (e.op) {
      case "or": return e.operands.some(function (x) { return holds(x); });
      case "and": return e.operands.every(function (x) { return holds(x); });
      case "not": return !holds(e.operand);
      case "answered": return v !== undefined;
      case "has": return Array.isArray(v) && v.indexOf(e.code) >= 0;
      case "in": return typeof v === "number" && e.values.indexOf(v) >= 0;
      case "compare":
        if (typeof v !== "number") return false;
        if (ORDERING.indexOf(e.cmp) >= 0 && (cfg.missing[e.question] || []).indexOf(v) >= 0) return false;
        switch (e.cmp) {
          case "=": return v === e.value;
          case "!=": return v !== e.value;
          case "<": return v < e.value;
          case "<=": return v <= e.value;
          case ">": return v > e.value;
          case ">=": return v >= e.value;
        }
    }
    return false;
  }

  // Every required question whose `show if` holds is answered.
  function answeredRequired() {
    return Object.keys(answers).length > 0 && cfg.questions.every(function (q) {
      return !q.required || !holds(q.show_if) || answers[q.question] !== undefined;
    });
  }

  // The first `check` that does not hold, or null.
  function failedCheck() {
    for (var i = 0; i < cfg.checks.length; i++) if (!holds(cfg.checks[i].condition)) return cfg.checks[i];
    return null;
  }

  // A response may be sent when it is valid: required answers given, every check holding.
  function complete() {
    return answeredRequired() && !failedCheck();
  }

  // The questions a condition reads.
  function reads(e, out) {
    if (e.operands) e.operands.forEach(function (x) { reads(x, out); });
    else if (e.operand) reads(e.operand, out);
    else out.push(e.question);
    return out;
  }

  // A check failed: say why, and ask again from the first screen its condition reads. A check
  // that reads no question of the kiosk cannot be corrected here: the response is dropped.
  function revisit(check) {
    var read = reads(check.condition, []), first = -1;
    cfg.questions.forEach(function (q, i) { if (first < 0 && read.indexOf(q.question) >= 0) first = i; });
    if (first < 0) return false;
    for (var i = first; i < thanks; i++) clearScreen(i);
    notice.textContent = check.message[lang] || check.message[cfg.language] || "";
    notice.lang = check.message[lang] ? lang : cfg.language;
    notice.hidden = false;
    advance(first);
    return true;
  }

  function clearScreen(i) {
    delete answers[cfg.questions[i].question];
    [].forEach.call(screens[i].querySelectorAll("[aria-pressed]"), function (b) { b.setAttribute("aria-pressed", "false"); });
    [].forEach.call(screens[i].querySelectorAll("[data-action=confirm]"), function (b) { b.disabled = true; });
  }

  function fit() {
    var s = Math.min(window.innerWidth / cfg.width, window.innerHeight / cfg.height) || 1;
    var dx = (window.innerWidth - cfg.width * s) / 2, dy = (window.innerHeight - cfg.height * s) / 2;
    stage.style.transform = "translate(" + dx + "px," + dy + "px) scale(" + s + ")";
  }

  function setLanguage(l) {
    lang = l;
    document.documentElement.lang = l;
    document.title = cfg.titles[l] || document.title;
    // Texts carry their language; a language switch's label names the next language, and
    // says in `data-l` which interface language it belongs to.
    [].forEach.call(stage.querySelectorAll("[lang]"), function (el) {
      el.hidden = (el.getAttribute("data-l") || el.getAttribute("lang")) !== l;
    });
  }

  function show(i) {
    current = i;
    screens.forEach(function (s, j) { s.hidden = j !== i; });
    var heading = screens[i].querySelector("h1");
    if (heading) heading.focus({ preventScroll: true });
    clearTimeout(idleTimer);
    if (i !== thanks) idleTimer = setTimeout(idle, cfg.reset_seconds * 1000);
  }

  // The first screen from `i` whose `show if` holds; the thank-you screen when none does.
  function advance(i) {
    for (; i < thanks; i++) if (holds(cfg.questions[i].show_if)) return show(i);
    finish();
  }

  function finish() {
    var failed = answeredRequired() && failedCheck();
    if (failed && revisit(failed)) return;
    if (complete()) enqueue();
    show(thanks);
    clearTimeout(thanksTimer);
    thanksTimer = setTimeout(restart, cfg.thanks_seconds * 1000);
  }

  function idle() {
    if (complete()) enqueue();
    restart();
  }

  function restart() {
    clearTimeout(thanksTimer);
    notice.hidden = true;
    answers = {};
    [].forEach.call(document.querySelectorAll("[aria-pressed]"), function (b) { b.setAttribute("aria-pressed", "false"); });
    [].forEach.call(document.querySelectorAll("[data-action=confirm]"), function (b) { b.disabled = true; });
    setLanguage(cfg.language);
    advance(0);
  }

  function picked(screen) {
    return [].slice.call(screen.querySelectorAll("[aria-pressed=true]")).map(function (b) {
      return Number(b.getAttribute("data-code"));
    }).sort(function (a, b) { return a - b; });
  }

  function tap(button) {
    var screen = screens[current], q = cfg.questions[current];
    notice.hidden = true;
    var action = button.getAttribute("data-action");
    if (action === "language") {
      var i = cfg.languages.indexOf(lang);
      return setLanguage(cfg.languages[(i + 1) % cfg.languages.length]);
    }
    if (!q) return;
    if (action === "skip") { delete answers[q.question]; return advance(current + 1); }
    if (action === "confirm") { answers[q.question] = picked(screen); return advance(current + 1); }
    var code = Number(button.getAttribute("data-code"));
    if (!screen.hasAttribute("data-multi")) { answers[q.question] = code; return advance(current + 1); }
    var on = button.getAttribute("aria-pressed") === "true";
    if (!on && picked(screen).length >= q.max) return;
    button.setAttribute("aria-pressed", on ? "false" : "true");
    var n = picked(screen).length;
    var confirm = screen.querySelector("[data-action=confirm]");
    if (confirm) confirm.disabled = n < q.min || n > q.max;
  }

  // The queue: [{id, body}] in localStorage (memory when storage is unavailable).
  function load() {
    try {
      var q = JSON.parse(window.localStorage.getItem(queueKey) || "[]");
      return Array.isArray(q) ? q : [];
    } catch (e) { return memoryQueue.slice(); }
  }
  function save(q) {
    memoryQueue = q.slice();
    try { window.localStorage.setItem(queueKey, JSON.stringify(q)); } catch (e) { /* memory only */ }
  }
  // A random UUID v4 for the Idempotency-Key: crypto.randomUUID in a secure context, else
  // built from crypto.getRandomValues (a kiosk on plain http in the office network).
  function uuid() {
    if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = [].map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  function enqueue() {
    var body = {
      survey: cfg.survey, version: cfg.version, language: lang, channel: "kiosk",
      submitted_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      answers: JSON.parse(JSON.stringify(answers))
    };
    if (site) body.site = site;
    answers = {};
    var q = load();
    q.push({ id: uuid(), body: JSON.stringify(body) });
    save(q);
    flush();
  }

  // Sends the oldest queued response, one at a time, with the key it was queued with; on a
  // 2xx removes it and goes on. A 4xx that can never succeed (anything but 408 and 429)
  // moves it to the rejected list so it does not block the queue. Otherwise it waits: the
  // server's Retry-After on 429/503, else 2, 4, 8... up to 60 s (with jitter, so kiosks
  // do not come back all at once), or the browser's `online` event.
  function flush() {
    if (sending || Date.now() < retryAt) return;
    var item = load()[0];
    if (!item) return;
    sending = true;
    // A request that hangs (a half-open connection) is given up after 30 s and retried.
    var abort = window.AbortController ? new AbortController() : null;
    var timeout = setTimeout(function () { if (abort) abort.abort(); }, 30000);
    fetch(cfg.endpoint, {
      method: "POST", cache: "no-store", credentials: "omit",
      headers: { "Content-Type": "application/json", "Idempotency-Key": item.id },
      body: item.body, signal: abort ? abort.signal : undefined
    }).then(function (r) {
      clearTimeout(timeout);
      sending = false;
      if (r.ok) return acknowledged(item);
      if (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
        return r.text().then(function (t) { reject(item, r.status, t); }, function () { reject(item, r.status, ""); });
      }
      later(retryAfter(r.headers.get("Retry-After")));
    }, function () { clearTimeout(timeout); sending = false; later(0); });
  }

  function acknowledged(item) {
    save(load().filter(function (x) { return x.id !== item.id; }));
    failures = 0;
    flush();
  }

  // A response the server will never take: kept apart (key `rileva.kiosk.rejected:...`,
  // the newest 100) with the status and the server's answer, for the operators.
  function reject(item, status, answer) {
    var list = [];
    try { list = JSON.parse(window.localStorage.getItem(rejectedKey) || "[]"); } catch (e) { list = []; }
    if (!Array.isArray(list)) list = [];
    list.push({ id: item.id, body: item.body, status: status, answer: answer.slice(0, 2000) });
    try { window.localStorage.setItem(rejectedKey, JSON.stringify(list.slice(-100))); } catch (e) { /* memory only */ }
    acknowledged(item);
  }

  // Wait before the next try: `seconds` from Retry-After, else an exponential backoff.
  function later(seconds) {
    failures++;
    var backoff = Math.min(60, Math.pow(2, Math.min(failures, 6))) * (0.5 + Math.random() / 2);
    var wait = Math.max(seconds, backoff);
    retryAt = Date.now() + wait * 1000;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, wait * 1000 + 10);
  }

  // Retry-After as seconds or an HTTP date; 0 when absent or unreadable; at most an hour.
  function retryAfter(value) {
    if (!value) return 0;
    var s = /^\s*\d+\s*$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
    return isFinite(s) ? Math.min(3600, Math.max(0, s)) : 0;
  }

  // The network is back: try now.
  function online() {
    retryAt = 0;
    failures = 0;
    flush();
  }

  if (site === null) {
    refuseToCollect();
    return;
  }
  stage.addEventListener("click", function (ev) {
    var button = ev.target.closest("button");
    if (!button || button.disabled || Date.now() < quietUntil) return;
    var before = current;
    tap(button);
    // A double tap must not answer the next screen too.
    if (current !== before) quietUntil = Date.now() + 300;
  });
  function awake() {
    clearTimeout(idleTimer);
    if (current !== thanks) idleTimer = setTimeout(idle, cfg.reset_seconds * 1000);
  }
  document.addEventListener("pointerdown", awake);
  document.addEventListener("keydown", awake);
  window.addEventListener("resize", fit);
  window.addEventListener("online", online);
  fit();
  restart();
  flush();
})();
