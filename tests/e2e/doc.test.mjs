// The questionnaire documents (`--target doc`) of every example: valid HTML (Nu HTML
// Checker, one run for all files), no WCAG 2.1 A/AA violation (axe-core in Chromium), no
// request leaving the machine; and printed to PDF by headless Chromium (page.pdf), where
// every section starts a new page. The test prints where it wrote the INPS example's PDF,
// for people to look at (`pdftoppm -png FILE page` turns its pages into images).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  buildExamples,
  describeViolations,
  describeVnu,
  launchBrowser,
  newPage,
  runAxe,
  runVnu,
  serve,
  tempDir,
  vnuErrors,
  withPages,
} from "./lib/index.mjs";

let out, docs, browser, server;

before(async () => {
  out = tempDir("rileva-doc-");
  const built = await buildExamples(["doc"], { out });
  docs = built.flatMap((b) =>
    b.surveys.flatMap((s) =>
      s.files
        .filter((f) => /^doc\/questionnaire\.[a-z]+\.html$/.test(f))
        .map((f) => ({ survey: s.id, path: join(s.dir, f), url: relative(out, join(s.dir, f)) })),
    ),
  );
  browser = await launchBrowser();
  server = await serve(out);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("every example has a document per language", () => {
  assert.ok(docs.length >= 25, `too few documents: ${docs.length}`);
  assert.ok(docs.some((d) => d.url.endsWith("questionnaire.de.html")), "the German documents of Bolzano");
});

test("the Nu HTML Checker finds no error in any document", async () => {
  const messages = await runVnu(docs.map((d) => d.path));
  const errors = vnuErrors(messages);
  assert.deepEqual(errors, [], describeVnu(errors));
});

// axe on every survey's document in its first language (the documents of one survey differ
// only in the document's own words, which vnu checks in every file), in print media for
// the two-language German one and the INPS one: a run costs seconds on a loaded machine.
test("axe-core finds no WCAG 2.1 A/AA violation, on screen and in print", async () => {
  const first = docs.filter((d, i) => docs.findIndex((o) => o.survey === d.survey && o.url.split("/")[0] === d.url.split("/")[0]) === i);
  const print = (d) => d.url.endsWith("questionnaire.de.html") || d.survey === "inps.hub_prestazioni";
  const chosen = [...first, ...docs.filter((d) => print(d) && !first.includes(d))];
  assert.ok(chosen.length >= 15, `axe on ${chosen.length} documents`);
  const results = await withPages(browser, chosen, 2, async (page, doc) => {
    await page.goto(`${server.url}/${doc.url}`);
    const violations = await runAxe(page);
    if (print(doc)) {
      await page.emulateMedia({ media: "print" });
      violations.push(...(await runAxe(page)));
      await page.emulateMedia({ media: "screen" });
    }
    return { doc, violations, blocked: [...page.blocked], errors: [...page.errors] };
  });
  for (const { doc, violations, blocked, errors } of results) {
    assert.deepEqual(violations, [], `${doc.url}\n${describeViolations(violations)}`);
    assert.deepEqual(blocked, [], `${doc.url} requested something outside the machine`);
    assert.deepEqual(errors, [], doc.url);
  }
});

/** The number of pages of a PDF: its page objects. */
function pdfPages(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test("printed to PDF, each section starts a page", async (t) => {
  const doc = docs.find((d) => d.survey === "inps.hub_prestazioni" && d.url.endsWith("questionnaire.it.html"));
  assert.ok(doc, "the INPS example's Italian document");
  const page = await newPage(browser);
  await page.goto(`${server.url}/${doc.url}`);
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  const pdfPath = join(out, "questionnaire.inps.hub_prestazioni.it.pdf");
  writeFileSync(pdfPath, pdf);
  t.diagnostic(`PDF: ${pdfPath}`);
  const sections = await page.$$eval("main > section.questions", (s) => s.length);
  await page.context().close();
  assert.ok(pdf.subarray(0, 5).toString() === "%PDF-", "a PDF");
  // The cover page, then at least one page per section of questions.
  const pages = pdfPages(pdf);
  assert.ok(sections >= 2, `sections: ${sections}`);
  assert.ok(pages >= 1 + sections, `${pages} pages for ${sections} sections`);
  const html = readFileSync(doc.path, "utf8");
  assert.match(html, /Chiesta solo se «soddisfazione» è 1 «Per niente soddisfatto» o 2 «Poco soddisfatto»\./);
  assert.match(html, /Bloccata dallo standard istat\.cx 2024\.1/);
});
