// Driving a generated HTML form like a respondent: read its rules, answer the visible
// questions by a strategy, read back what the page shows, submit and capture the POST.

/** The data the form's script reads (#rileva-data). */
export async function formData(page) {
  return page.evaluate(() => JSON.parse(document.getElementById("rileva-data").textContent));
}

/** A small deterministic random generator (mulberry32). */
export function rng(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Strategies: "lowest" (lowest codes, smallest numbers), "highest", "missing" (a missing
 * code where the question has one), "required" (answer only required questions, lowest),
 * "random:<seed>".
 */
export function chooser(strategy) {
  const random = strategy.startsWith("random") ? rng(Number(strategy.split(":")[1] ?? 1)) : null;
  const pickOne = (codes, missing) => {
    const proper = codes.filter((c) => !missing.includes(c));
    if (strategy === "missing" && missing.length) return missing[0];
    if (random) return codes[Math.floor(random() * codes.length)];
    if (strategy === "highest") return proper.at(-1) ?? codes.at(-1);
    return proper[0] ?? codes[0];
  };
  const pickMany = (codes, min, max) => {
    const most = Math.min(max ?? codes.length, codes.length);
    if (random) {
      const n = min + Math.floor(random() * (most - min + 1));
      return [...codes].sort(() => random() - 0.5).slice(0, n).sort((a, b) => a - b);
    }
    return strategy === "highest" ? codes.slice(codes.length - most) : codes.slice(0, min);
  };
  const pickNumber = (lo, hi) => {
    if (random) return lo + Math.floor(random() * (hi - lo + 1));
    return strategy === "highest" ? hi : lo;
  };
  const skip = (q) => strategy === "required" && !q.required;
  return { pickOne, pickMany, pickNumber, skip, random };
}

async function codesOf(page, id, type) {
  return page.$$eval(`#q-${id} input[type=${type}][name=${id}]`, (els) => els.map((e) => Number(e.value)).sort((a, b) => a - b));
}

/** Click the label of an option (as a respondent does; stars hide their radio). */
async function pick(page, id, code) {
  await page.click(`label[for="${id}-${code}"]`);
}

/** Answer the visible questions of the form in order, by `strategy`. */
export async function answerForm(page, strategy) {
  const data = await formData(page);
  const choose = chooser(strategy);
  for (const q of data.questions) {
    if (!(await page.isVisible(`#q-${q.id}`)) || choose.skip(q)) continue;
    if (q.control === "radios") {
      const code = choose.pickOne(await codesOf(page, q.id, "radio"), q.missing);
      await pick(page, q.id, code);
      if (q.specify.includes(code)) await page.fill(`#${q.id}_${code}_text`, `Specificato ${q.id} ${code}`);
    } else if (q.control === "checkboxes") {
      const codes = choose.pickMany(await codesOf(page, q.id, "checkbox"), q.min_picks ?? 1, q.max_picks);
      for (const code of codes) {
        await pick(page, q.id, code);
        if (q.specify.includes(code)) await page.fill(`#${q.id}_${code}_text`, `Specificato ${q.id} ${code}`);
      }
    } else if (q.control === "number") {
      await page.fill(`#${q.id}-input`, String(choose.pickNumber(q.min, q.max)));
    } else {
      const text = `Risposta «${strategy}» & <prova> per ${q.id}`;
      await page.fill(`#${q.id}-input`, text.slice(0, q.max_length ?? 500));
    }
  }
}

/**
 * The response the page shows, read from the DOM by the test (independently of the
 * page's script): visible questions only, codes as numbers, multi as arrays, specify texts.
 */
export async function domAnswers(page) {
  return page.evaluate(() => {
    const answers = {};
    for (const wrap of document.querySelectorAll(".rileva-q")) {
      if (wrap.hidden || wrap.closest("[hidden]")) continue;
      const id = wrap.dataset.question;
      const radios = [...wrap.querySelectorAll(`input[type=radio][name="${id}"]:checked`)];
      const boxes = [...wrap.querySelectorAll(`input[type=checkbox][name="${id}"]:checked`)];
      const field = document.getElementById(`${id}-input`);
      let value;
      if (radios.length) value = Number(radios[0].value);
      else if (boxes.length) value = boxes.map((b) => Number(b.value));
      else if (field && field.value.trim() !== "") value = field.type === "number" ? Number(field.value) : field.value;
      if (value === undefined) continue;
      answers[id] = value;
      for (const box of wrap.querySelectorAll("[data-specify-for]")) {
        const option = document.getElementById(box.dataset.specifyFor);
        const text = box.querySelector("input");
        if (option.checked && text.value.trim() !== "") answers[text.name] = text.value;
      }
    }
    return answers;
  });
}

/** Ids of the questions the page shows. */
export async function visibleQuestions(page) {
  return page.$$eval(".rileva-q", (els) => els.filter((e) => !e.hidden).map((e) => e.dataset.question));
}

/** The messages of the error summary, [] when none is shown. */
export async function summaryMessages(page) {
  return page.$$eval("#rileva-summary:not([hidden]) li", (els) => els.map((e) => e.textContent));
}

/**
 * Submit and wait until either a payload arrives at `server` (returns it) or the error
 * summary appears (returns null).
 */
export async function submitForm(page, server) {
  const before = server.payloads.length;
  await page.click("button[type=submit]");
  await page.waitForFunction(
    () => !document.getElementById("rileva-summary").hidden || !document.getElementById("rileva-thanks").hidden,
    null,
    { timeout: 10000 },
  );
  if (!(await page.isVisible("#rileva-thanks"))) return null;
  if (server.payloads.length !== before + 1) throw new Error(`expected one POST, got ${server.payloads.length - before}`);
  return server.payloads.at(-1);
}
