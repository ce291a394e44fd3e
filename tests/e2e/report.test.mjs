// Browser tests of `rileva report`'s page: the Lecce kiosk example with three months of
// generated responses (tests/python/generate_responses.py, from every site the survey lists)
// and served counts, stored by `rileva load` in SQLite; the Italian and English pages must
// pass the Nu HTML Checker and axe-core in Chromium, show figures the way each language
// writes them, and load nothing from outside. A screenshot goes to artifacts/report/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ARTIFACTS_DIR,
  REPO_ROOT,
  describeViolations,
  describeVnu,
  launchBrowser,
  newPage,
  runAxe,
  runRileva,
  runVnu,
  serve,
  tempDir,
  vnuErrors,
} from "./lib/index.mjs";

const LECCE = join(REPO_ROOT, "examples/lecce_anagrafe_kiosk.rileva");
const PYTHON = process.env.RILEVA_PYTHON || join(REPO_ROOT, ".venv/bin/python");
const SHOTS = join(ARTIFACTS_DIR, "report");

let out, browser, server, report;

/** The site ids of the Lecce survey, from its IR (`rileva build --target ir`). */
async function sites(dir) {
  const built = await runRileva(["build", "--target", "ir", "--out", dir, LECCE]);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  const ir = JSON.parse(readFileSync(join(dir, "lecce.anagrafe_kiosk/ir/survey.json"), "utf8"));
  return (ir.sites ?? []).map((s) => s.id);
}

before(async () => {
  assert.ok(existsSync(PYTHON), `${PYTHON} not found: run scripts/test.sh, which makes .venv`);
  out = tempDir("rileva-report-");
  const siteIds = await sites(join(out, "build"));
  const responses = join(out, "lecce.jsonl");
  const lines = execFileSync(
    PYTHON,
    ["generate_responses.py", "lecce.anagrafe_kiosk", "1200", "7", "2026-09-01", "91", "--sites", siteIds.join(",")],
    { cwd: join(REPO_ROOT, "tests/python"), maxBuffer: 64 * 1024 * 1024 },
  );
  writeFileSync(responses, lines);
  const db = `sqlite:${join(out, "r.db")}`;
  const loaded = await runRileva(["load", LECCE, responses, "--db", db]);
  assert.equal(loaded.code, 0, loaded.stdout + loaded.stderr);
  // Users served: about four times the judgements, per day and site.
  const served = ["date,site,served"];
  for (let d = 0; d < 91; d++) {
    const day = new Date(Date.UTC(2026, 8, 1 + d)).toISOString().slice(0, 10);
    for (const site of siteIds.length ? siteIds : [""]) served.push(`${day},${site},${40 + ((d * 7 + site.length) % 25)}`);
  }
  writeFileSync(join(out, "served.csv"), served.join("\n") + "\n");
  const args = ["report", LECCE, "--db", db, "--by", "month", "--by-site", "--served", join(out, "served.csv")];
  const result = await runRileva([...args, "--lang", "it", "--lang", "en", "--out", join(out, "report")]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  report = JSON.parse(readFileSync(join(out, "report/report.json"), "utf8"));
  browser = await launchBrowser();
  server = await serve(join(out, "report"));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the report covers three months, every site and the participation rate", () => {
  const survey = report.surveys[0];
  assert.equal(survey.responses, 1200);
  assert.deepEqual(survey.timeline.map((p) => p.period), ["2026-09", "2026-10", "2026-11"]);
  assert.ok(survey.participation.total.rate > 0.05 && survey.participation.total.rate < 0.6);
  const giudizio = survey.questions.find((q) => q.question === "giudizio");
  assert.deepEqual(giudizio.positive.codes, [3]);
  assert.ok(!JSON.stringify(report).includes("TESTO-LIBERO"), "free text in report.json");
});

test("the HTML pages pass the Nu HTML Checker", async () => {
  const files = ["it", "en"].map((l) => join(out, "report", `report.${l}.html`));
  const errors = vnuErrors(await runVnu(files));
  assert.equal(errors.length, 0, describeVnu(errors));
});

for (const lang of ["it", "en"]) {
  test(`report.${lang}.html passes axe-core and formats figures for ${lang}`, async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/report.${lang}.html`);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(page.blocked, [], "the page loads nothing from outside");
    assert.deepEqual(page.errors, []);
    const share = report.surveys[0].questions.find((q) => q.question === "giudizio").positive.share;
    const figure = (Math.round(share * 1000) / 10).toFixed(1);
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(text.includes(lang === "it" ? `${figure.replace(".", ",")}%` : `${figure}%`), `no ${figure}% in ${lang}`);
    assert.ok(!text.includes("TESTO-LIBERO"), "free text on the page");
    // Sites by their label in the page's language (from the IR), never by id.
    for (const site of report.surveys[0].sites) {
      assert.ok(text.includes(site.label[lang]), `no label ${site.label[lang]} on the ${lang} page`);
      assert.ok(!new RegExp(`\\b${site.id}\\b`).test(text.replace(/\([^)]*\)/g, "")), `site id ${site.id} on the ${lang} page`);
    }
    const charts = await page.locator("svg[role=img]").count();
    assert.ok(charts >= 5, `only ${charts} charts`);
    // Every chart is followed by the table of its data.
    const followed = await page.evaluate(() =>
      [...document.querySelectorAll("figure")].every((f) => f.nextElementSibling?.tagName === "TABLE"),
    );
    assert.ok(followed, "a chart without its table");
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.screenshot({ path: join(SHOTS, `lecce.${lang}.png`) });
    await page.context().close();
  });
}
