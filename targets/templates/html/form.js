/* rileva form: routing, validation and sending of one response (docs/language.md §10).
   Reads the survey's rules from #rileva-data; conditions are the IR's Expr JSON. */
(function () {
  "use strict";
  var dataEl = document.getElementById("rileva-data");
  var form = document.getElementById("rileva-form");
  // Without these the page cannot send: it keeps saying so (#rileva-nojs), the button off.
  if (!dataEl || !form || !window.fetch || !Array.from || !window.crypto) return;
  var data = JSON.parse(dataEl.textContent);
  var questions = data.questions;
  var msg = data.messages;
  var byId = {};
  questions.forEach(function (q) { byId[q.id] = q; });
  var summary = document.getElementById("rileva-summary");
  var summaryList = document.getElementById("rileva-summary-list");
  var status = document.getElementById("rileva-status");
  var thanks = document.getElementById("rileva-thanks");
  var button = form.querySelector("button[type=submit]");
  var sendError = document.getElementById("rileva-send-error");
  var sendErrorText = document.getElementById("rileva-send-error-text");
  var sendErrorList = document.getElementById("rileva-send-error-list");
  var thanksNote = document.getElementById("rileva-thanks-note");
  var noScript = document.getElementById("rileva-nojs");
  var errors = {};
  document.documentElement.classList.add("js");
  form.noValidate = true;

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? String(values[k]) : m; });
  }

  /* ir::Expr, two-valued: a comparison on an absent answer is false; an ordering
     comparison on a missing code is false; `not` negates. */
  function holds(e, answers) {
    var a = answers[e.question];
    switch (e.op) {
      case "or": return e.operands.some(function (o) { return holds(o, answers); });
      case "and": return e.operands.every(function (o) { return holds(o, answers); });
      case "not": return !holds(e.operand, answers);
      case "compare": return compare(e, a);
      case "in": return typeof a === "number" && e.values.indexOf(a) >= 0;
      case "has": return Array.isArray(a) && a.indexOf(e.code) >= 0;
      case "answered": return a !== undefined;
      default: return false;
    }
  }

  function compare(e, a) {
    if (typeof a !== "number") return false;
    var q = byId[e.question];
    var ordering = e.cmp !== "=" && e.cmp !== "!=";
    if (ordering && q && q.missing.indexOf(a) >= 0) return false;
    switch (e.cmp) {
      case "=": return a === e.value;
      case "!=": return a !== e.value;
      case "<": return a < e.value;
      case "<=": return a <= e.value;
      case ">": return a > e.value;
      case ">=": return a >= e.value;
      default: return false;
    }
  }

  function wrapper(q) { return document.getElementById("q-" + q.id); }
  function field(q) { return document.getElementById(q.id + "-input"); }
  function checked(q, type) {
    return Array.from(wrapper(q).querySelectorAll("input[type=" + type + "]:checked"))
      .map(function (el) { return parseInt(el.value, 10); });
  }

  /* The answer as it goes into the response, undefined when unanswered; a number field
     that does not hold a whole number reads as NaN. */
  function read(q) {
    if (q.control === "radios") { return checked(q, "radio")[0]; }
    if (q.control === "checkboxes") { var picks = checked(q, "checkbox"); return picks.length ? picks : undefined; }
    var el = field(q);
    var raw = el.value.trim();
    if (q.control === "number") {
      if (el.validity && el.validity.badInput) return NaN;
      if (raw === "") return undefined;
      return /^-?\d+$/.test(raw) ? parseInt(raw, 10) : NaN;
    }
    return raw === "" ? undefined : el.value;
  }

  /* Walk the questions in order: a hidden question's answer is absent for later ones. */
  function collect() {
    var answers = {}, visible = {};
    questions.forEach(function (q) {
      visible[q.id] = !q.show_if || holds(q.show_if, answers);
      if (!visible[q.id]) return;
      var a = read(q);
      if (a !== undefined && !(typeof a === "number" && isNaN(a))) answers[q.id] = a;
    });
    return { answers: answers, visible: visible };
  }

  function route() {
    var state = collect();
    questions.forEach(function (q) {
      var shown = state.visible[q.id], wrap = wrapper(q);
      if (wrap.hidden === !shown) return;
      wrap.hidden = !shown;
      wrap.querySelectorAll("input, textarea").forEach(function (el) { el.disabled = !shown; });
      if (!shown) setError(q, null);
    });
    form.querySelectorAll("[data-specify-for]").forEach(function (box) {
      var option = document.getElementById(box.getAttribute("data-specify-for"));
      var on = option.checked && !option.disabled;
      box.hidden = !on;
      box.querySelectorAll("input").forEach(function (el) { el.disabled = !on; });
    });
    return state;
  }

  function problemOf(q, a) {
    if (typeof a === "number" && isNaN(a)) return fill(msg.number, { min: q.min, max: q.max });
    if (a === undefined) return q.required ? msg.required : null;
    if (q.control === "textarea" && q.max_length != null) {
      var n = Array.from(a).length;
      if (n > q.max_length) return fill(msg.max_length, { max: q.max_length, n: n });
    }
    if (q.control === "number" && q.min != null && (a < q.min || a > q.max)) {
      return fill(msg.number, { min: q.min, max: q.max });
    }
    var long = tooLongSpecify(q, a);
    if (long) return long;
    if (q.control === "checkboxes") {
      if (a.length < q.min_picks) return q.min_picks === 1 ? msg.min_one : fill(msg.min_picks, { min: q.min_picks });
      if (q.max_picks != null && a.length > q.max_picks) return q.max_picks === 1 ? msg.max_one : fill(msg.max_picks, { max: q.max_picks });
    }
    return null;
  }

  /* A specify text of a picked option longer than rileva accepts. */
  function tooLongSpecify(q, a) {
    for (var i = 0; i < q.specify.length; i++) {
      var code = q.specify[i];
      var picked = Array.isArray(a) ? a.indexOf(code) >= 0 : a === code;
      var text = document.getElementById(q.id + "_" + code + "_text");
      var n = picked && text ? Array.from(text.value).length : 0;
      if (n > data.specify_max_length) return fill(msg.max_length, { max: data.specify_max_length, n: n });
    }
    return null;
  }

  /* Every problem of the current answers: [{q, message}], q null for a check on no
     visible question. */
  function problems(state) {
    var found = [];
    questions.forEach(function (q) {
      if (!state.visible[q.id]) return;
      var message = problemOf(q, read(q));
      if (message) found.push({ q: q, message: message });
    });
    data.checks.forEach(function (c) {
      if (holds(c.condition, state.answers)) return;
      var target = null;
      c.questions.forEach(function (id) {
        if (!target && byId[id] && state.visible[id]) target = byId[id];
      });
      if (target && found.some(function (p) { return p.q === target; })) target = null;
      found.push({ q: target, message: c.message });
    });
    return found;
  }

  function controls(q) {
    return Array.from(wrapper(q).querySelectorAll("input, textarea"))
      .filter(function (el) { return !el.closest("[data-specify-for]"); });
  }

  /* Show or clear the message of one question, linked by aria-describedby. */
  function setError(q, message) {
    var el = document.getElementById(q.id + "-error");
    var target = field(q) || document.getElementById(q.id + "-group");
    var ids = (target.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== el.id;
    });
    if (message) ids.unshift(el.id);
    if (ids.length) target.setAttribute("aria-describedby", ids.join(" "));
    else target.removeAttribute("aria-describedby");
    el.textContent = message || "";
    el.hidden = !message;
    wrapper(q).classList.toggle("rileva-invalid", !!message);
    var group = document.getElementById(q.id + "-group");
    var marked = q.control === "radios" && group ? [group] : controls(q); // a radiogroup, not its radios
    marked.forEach(function (c) {
      if (message) c.setAttribute("aria-invalid", "true"); else c.removeAttribute("aria-invalid");
    });
    if (message) errors[q.id] = true; else delete errors[q.id];
  }

  function showSummary(found) {
    summaryList.textContent = "";
    found.forEach(function (p) {
      var li = document.createElement("li");
      if (p.q) {
        var a = document.createElement("a"), first = controls(p.q)[0];
        var wording = wrapper(p.q).querySelector(".rileva-wording");
        a.href = "#" + first.id;
        a.textContent = (wording ? wording.textContent + " — " : "") + p.message;
        a.addEventListener("click", function (ev) { ev.preventDefault(); first.focus(); });
        li.appendChild(a);
      } else {
        li.textContent = p.message;
      }
      summaryList.appendChild(li);
    });
    summary.hidden = found.length === 0;
  }

  function validate(state) {
    var found = problems(state);
    questions.forEach(function (q) {
      var mine = found.filter(function (p) { return p.q === q; })[0];
      setError(q, mine ? mine.message : null);
    });
    showSummary(found);
    return found;
  }

  function response(state) {
    var answers = {};
    questions.forEach(function (q) {
      var a = state.answers[q.id];
      if (a === undefined) return;
      answers[q.id] = a;
      q.specify.forEach(function (code) {
        var picked = Array.isArray(a) ? a.indexOf(code) >= 0 : a === code;
        var text = document.getElementById(q.id + "_" + code + "_text");
        if (picked && text && text.value.trim() !== "") answers[q.id + "_" + code + "_text"] = text.value;
      });
    });
    var body = {
      survey: data.survey, version: data.version, language: data.language, channel: data.channel,
      submitted_at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      answers: answers
    };
    var site = siteFromAddress();
    if (site) body.site = site;
    return body;
  }

  // The site (office, counter) the form's link names: `form.it.html?site=centro`. Only one
  // of the survey's sites is sent; another value is left out rather than lose the response
  // (a respondent cannot fix a link), so the response simply carries no site.
  function siteFromAddress() {
    var given = new URLSearchParams(window.location.search).get("site");
    return given && (data.sites || []).indexOf(given) >= 0 ? given : "";
  }

  /* Sending (docs/form.md, docs/serve.md). A response has one Idempotency-Key, made when it is first
     sent and kept, with the exact body, for every retry while the answers stay the same:
     the service stores it once however often it arrives. A failed send keeps the answers,
     says why in the page's language, and the button sends again. */
  var pending = null; // {key, answers: JSON text, body: JSON text}

  /* A random UUID v4: crypto.randomUUID where the page is a secure context, else built
     from crypto.getRandomValues (plain http on a local network). */
  function newKey() {
    if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.from(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  /* The request for the current answers: the last one again when they are unchanged (same
     key, same body, same submitted_at); a new body under the same key when the respondent
     changed them after a failed send. */
  function request(state) {
    var r = response(state), answers = JSON.stringify(r.answers);
    if (!pending) pending = { key: newKey() };
    if (pending.answers !== answers) {
      pending.answers = answers;
      pending.body = JSON.stringify(r);
    }
    return pending;
  }

  function send(req) {
    button.disabled = true;
    sendError.hidden = true;
    status.textContent = msg.sending;
    fetch(form.action, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": req.key },
      body: req.body,
      cache: "no-store",
      credentials: "omit"
    }).then(function (r) {
      if (r.ok) return sent("");
      if (r.status === 409) return sent(msg.send_conflict);
      if (r.status === 422) return r.json().then(rejected, function () { rejected(null); });
      if (r.status === 408 || r.status === 429 || r.status >= 500) return failed(msg.send_unavailable, []);
      failed(fill(msg.send_refused, { status: r.status }), []);
    }, function () {
      failed(msg.send_failed, []);
    });
  }

  /* Stored (201, 200 for a repeat): the thank-you replaces the form. */
  function sent(note) {
    form.hidden = true;
    summary.hidden = true;
    var required = document.getElementById("rileva-note");
    if (required) required.hidden = true;
    status.textContent = "";
    thanksNote.textContent = note;
    thanksNote.hidden = !note;
    thanks.hidden = false;
    thanks.focus();
  }

  /* Not stored: say why next to the button, which now sends again. `reasons` are list
     items. */
  function failed(text, reasons) {
    status.textContent = "";
    sendErrorText.textContent = text;
    sendErrorList.textContent = "";
    reasons.forEach(function (li) { sendErrorList.appendChild(li); });
    sendErrorList.hidden = reasons.length === 0;
    sendError.hidden = false;
    button.textContent = msg.resend;
    button.disabled = false;
    sendError.focus();
  }

  /* 422: the service's reasons (`errors` of the problem document), each on the question
     it names, in the page's words where the page knows the reason, else in the service's
     own (English) words. */
  function rejected(problem) {
    var errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
    failed(msg.send_rejected, errors.map(function (e) {
      var q = typeof e.key === "string" ? byId[e.key.replace(/_\d+_text$/, "")] : null;
      var own = q && e.key === q.id ? reasonMessage(q, e.reason) : null;
      var text = own || String(e.message || e.reason || "");
      if (own && !wrapper(q).hidden) setError(q, own);
      var li = document.createElement("li"), item = li;
      if (q && !wrapper(q).hidden) {
        var a = document.createElement("a"), first = controls(q)[0];
        var wording = wrapper(q).querySelector(".rileva-wording");
        a.href = "#" + first.id;
        a.addEventListener("click", function (ev) { ev.preventDefault(); first.focus(); });
        li.appendChild(a);
        if (wording) a.appendChild(document.createTextNode(wording.textContent + " — "));
        item = a;
      }
      var words = document.createElement("span");
      if (!own) words.lang = "en";
      words.textContent = text;
      item.appendChild(words);
      return li;
    }));
  }

  /* The page's own message for a reason of rileva validate, when it has one. */
  function reasonMessage(q, reason) {
    switch (reason) {
      case "missing_required": return msg.required;
      case "out_of_range": return q.min != null ? fill(msg.number, { min: q.min, max: q.max }) : null;
      case "too_few_picks": return q.min_picks === 1 ? msg.min_one : fill(msg.min_picks, { min: q.min_picks });
      case "too_many_picks": return q.max_picks === 1 ? msg.max_one : fill(msg.max_picks, { max: q.max_picks });
      default: return null;
    }
  }

  function changed(ev) {
    var state = route();
    var q = ev.target && ev.target.name ? byId[ev.target.name] : null;
    if (q && errors[q.id] && state.visible[q.id]) setError(q, problemOf(q, read(q)));
  }

  form.addEventListener("change", changed);
  form.addEventListener("input", changed);
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var state = route();
    if (validate(state).length) {
      sendError.hidden = true;
      summary.focus();
      return;
    }
    send(request(state));
  });
  button.disabled = false;
  noScript.hidden = true;
  route();
})();
