// The national site checker's rules for the Designers Italia rating component (`stdlib/designers_italia/valutazione.rileva`),
// replayed in a real browser on every Bootstrap Italia form that uses a
// `designers_italia.valutazione` module: the data-element attributes, the exact texts, and
// which follow-up is visible after clicking each star, judged with the checker's own
// visibility test. Both ways the checker clicks: a real mouse click on the star's label,
// and `element.click()` in the page followed by an immediate look.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildExamples, launchBrowser, newPage, serve, submitForm, tempDir } from "./lib/index.mjs";

const TITLES = {
  chiarezza: "Quanto sono chiare le informazioni su questa pagina?",
  esperienza: "Quanto è stato facile usare questo servizio?",
};
const POSITIVE = {
  question: "Quali sono stati gli aspetti che hai preferito?",
  answers: [
    "Le indicazioni erano chiare",
    "Le indicazioni erano complete",
    "Capivo sempre che stavo procedendo correttamente",
    "Non ho avuto problemi tecnici",
    "Altro",
  ],
};
const NEGATIVE = {
  question: "Dove hai incontrato le maggiori difficoltà?",
  answers: [
    "A volte le indicazioni non erano chiare",
    "A volte le indicazioni non erano complete",
    "A volte non capivo se stavo procedendo correttamente",
    "Ho avuto problemi tecnici",
    "Altro",
  ],
};
const THANKS = "Grazie, il tuo parere ci aiuterà a migliorare il servizio!";

let out, browser, server, pages;

before(async () => {
  out = tempDir("rileva-form-checker-");
  const built = await buildExamples(["html"], { out, theme: "bootstrap-italia" });
  pages = built.flatMap((b) => {
    const text = readFileSync(b.source, "utf8");
    const module = text.match(/use\s+designers_italia\.valutazione\.(\w+)/)?.[1];
    if (!module) return [];
    return b.surveys.filter((s) => s.files.includes("form.it.html")).map((s) => ({ module, url: `${b.name}/${s.id}/form.it.html` }));
  });
  browser = await launchBrowser();
  server = await serve(out);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The checker's look at the page after a star was clicked (its code, in words). */
function inspect() {
  const el = (name, root = document) => root.querySelector(`[data-element="${name}"]`);
  const visible = (e) => {
    const rect = e.getBoundingClientRect();
    const style = window.getComputedStyle(e);
    return Boolean(
      e.offsetParent && style.display !== "none" && style.visibility !== "hidden" &&
        rect.bottom > 0 && rect.top > 0 && rect.height > 0 && rect.width > 0,
    );
  };
  const part = (name) => {
    const root = el(name);
    if (!root) return null;
    return {
      tag: root.tagName,
      visible: visible(root),
      question: el("feedback-rating-question", root)?.textContent.trim() ?? null,
      answers: [...root.querySelectorAll('[data-element="feedback-rating-answer"]')].map((a) => a.textContent.trim()),
      answerTags: [...root.querySelectorAll('[data-element="feedback-rating-answer"]')].map((a) => a.tagName),
    };
  };
  return { positive: part("feedback-rating-positive"), negative: part("feedback-rating-negative") };
}

function judge(star, look, how) {
  const { positive, negative } = look;
  assert.ok(positive && negative, "both follow-up fieldsets exist");
  assert.equal(positive.tag, "FIELDSET");
  assert.equal(negative.tag, "FIELDSET");
  if (star <= 3) {
    assert.deepEqual([negative.visible, positive.visible], [true, false], `star ${star} (${how}): negative shown, positive hidden`);
  } else {
    assert.deepEqual([positive.visible, negative.visible], [true, false], `star ${star} (${how}): positive shown, negative hidden`);
  }
  const [part, expected] = star <= 3 ? [negative, NEGATIVE] : [positive, POSITIVE];
  assert.equal(part.question.toLowerCase(), expected.question.toLowerCase());
  assert.deepEqual(part.answers, expected.answers);
  assert.ok(part.answerTags.every((t) => t === "LABEL"));
}

test("there are rating pages to check", () => {
  assert.ok(pages.length >= 2, `expected the contract and example rating pages, got ${pages.length}`);
});

test("the component, its title, stars and free-text field are where the checker looks", async () => {
  for (const { module, url } of pages) {
    const page = await newPage(browser);
    await page.goto(`${server.url}/${url}`);
    const found = await page.evaluate(() => {
      const component = document.querySelector('[data-element="feedback"]');
      const title = component?.querySelector('[data-element="feedback-title"]');
      const stars = [1, 2, 3, 4, 5].map((n) => document.querySelector(`[data-element="feedback-rate-${n}"]`));
      const legend = document.querySelector("fieldset.rating > legend");
      return {
        component: Boolean(component),
        titleTag: title?.tagName,
        title: title?.textContent.trim(),
        stars: stars.map((s) => s && { tag: s.tagName, cls: s.className, hidden: s.querySelector(".visually-hidden")?.textContent, radio: document.getElementById(s.htmlFor)?.value }),
        legend: legend?.textContent.trim(),
        order: [...document.querySelectorAll("fieldset.rating > input[type=radio]")].map((r) => r.value),
        input: component?.querySelector('[data-element="feedback-input-text"]')?.tagName,
        version: getComputedStyle(document.body).getPropertyValue("--bootstrap-italia-version").trim().replaceAll('"', ""),
        classes: ["container", "btn", "btn-primary", "form-check", "form-group"].filter((c) => document.querySelector(`.${c}`)),
      };
    });
    assert.equal(found.component, true, url);
    assert.equal(found.titleTag, "H2");
    assert.equal(found.title.toLowerCase(), TITLES[module].toLowerCase(), url);
    found.stars.forEach((s, i) => {
      const n = i + 1;
      assert.deepEqual(s, { tag: "LABEL", cls: "full rating-star", hidden: `Valuta ${n} stelle su 5`, radio: String(n) }, `star ${n}`);
    });
    assert.equal(found.legend, "Valuta da 1 a 5 stelle la pagina");
    assert.deepEqual(found.order, ["5", "4", "3", "2", "1"], "radios go 5 -> 1");
    assert.equal(found.input, "INPUT");
    const [major, minor] = found.version.split(".").map(Number);
    assert.ok(major > 2 || (major === 2 && minor >= 0), `--bootstrap-italia-version ${found.version} >= 2.0`);
    assert.equal(found.classes.length, 5, `Bootstrap Italia classes: ${found.classes}`);
    await page.context().close();
  }
});

test("clicking each star shows the right follow-up, as the checker sees it", async () => {
  for (const { url } of pages) {
    const page = await newPage(browser);
    await page.goto(`${server.url}/${url}`);
    for (let star = 1; star <= 5; star++) {
      await page.click(`[data-element="feedback-rate-${star}"]`, { delay: 100 });
      judge(star, await page.evaluate(inspect), "mouse");
    }
    for (let star = 1; star <= 5; star++) {
      const look = await page.evaluate(([n, inspectSource]) => {
        window.scrollTo(0, 0);
        document.querySelector(`[data-element="feedback-rate-${n}"]`).click();
        return new Function(`return (${inspectSource})()`)();
      }, [star, inspect.toString()]);
      judge(star, look, "element.click()");
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test("after sending, the thank-you is the component's", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/${pages[0].url}`);
  await page.click('[data-element="feedback-rate-2"]');
  await page.click('[data-element="feedback-rating-negative"] label >> nth=3');
  await page.fill('[data-element="feedback-input-text"]', "Mancano gli orari");
  const payload = await submitForm(page, server);
  assert.ok(payload);
  assert.equal(payload.json.answers.valutazione, 2);
  assert.equal(payload.json.answers.difficolta, 4);
  assert.equal(payload.json.answers.dettagli, "Mancano gli orari");
  assert.equal(payload.json.answers.aspetti_positivi, undefined);
  assert.equal((await page.textContent("#rileva-thanks p")).trim(), THANKS);
  await page.context().close();
});
