// Answering the generated HTML forms like respondents: every example's form along several
// routing paths (lowest, highest, missing codes, required only, random), the JSON POSTed
// captured by a local server and judged by `rileva validate` and by the survey's JSON
// Schema (Ajv); routing checked against an independent evaluator of ir::Expr; what the
// page sends equals what it shows.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { basename, join, relative } from "node:path";
import {
  answerForm,
  EXAMPLE_DIRS,
  buildExamples,
  exampleSources,
  domAnswers,
  exprHolds,
  formData,
  launchBrowser,
  withPages,
  schemaValidator,
  serve,
  submitForm,
  summaryMessages,
  tempDir,
  validateResponses,
  visibleQuestions,
} from "./lib/index.mjs";

// The examples, and the support survey of constructs the examples do not use.
const FORM_SOURCES = exampleSources([...EXAMPLE_DIRS, "tests/support/surveys"]);

const STRATEGIES = ["lowest", "highest", "missing", "required", "random:1", "random:2"];
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

let out, forms, browser;

before(async () => {
  out = tempDir("rileva-form-routing-");
  const built = await buildExamples(["html", "json-schema"], { out, sources: FORM_SOURCES });
  forms = built.flatMap((b) =>
    b.surveys.flatMap((s) => {
      const files = s.files.filter((f) => /^form\.[a-z]+\.html$/.test(f));
      // The default language gets every strategy; the others one random path each.
      const main = files.includes("form.it.html") ? "form.it.html" : files[0];
      return files.map((f) => ({
        source: b.source,
        survey: s.id,
        schema: join(s.dir, "response.schema.json"),
        url: relative(out, join(s.dir, f)),
        strategies: f === main ? STRATEGIES : ["random:7"],
      }));
    }),
  );
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Each question is shown exactly when its `show if` holds on the answers before it. */
function routingMismatches(data, shown, visible) {
  const missing = Object.fromEntries(data.questions.map((q) => [q.id, q.missing]));
  const sofar = {};
  const wrong = [];
  for (const q of data.questions) {
    const expected = !q.show_if || exprHolds(q.show_if, sofar, missing);
    if (expected !== visible.includes(q.id)) wrong.push(`${q.id}: expected ${expected ? "shown" : "hidden"}`);
    if (q.id in shown) sofar[q.id] = shown[q.id];
  }
  return wrong;
}

/** One respondent on one form, with a server of its own (walks run side by side). */
async function walk(page, form, strategy) {
  const server = await serve(out);
  try {
    await page.goto(`${server.url}/${form.url}`);
    await answerForm(page, strategy);
    const data = await formData(page);
    const shown = await domAnswers(page);
    const visible = await visibleQuestions(page);
    const routing = routingMismatches(data, shown, visible);
    const payload = await submitForm(page, server);
    const messages = payload ? [] : await summaryMessages(page);
    return { data, shown, visible, routing, payload, messages, errors: [...page.errors] };
  } finally {
    await server.close();
  }
}

test("every path through every form sends a response rileva validate and the JSON Schema accept", async (t) => {
  const accepted = new Map();
  const blocked = new Map();
  const problems = [];
  const seen = new Map(); // routed question -> Set of "shown"/"hidden"
  let sent = 0;
  const walks = forms.flatMap((form) => form.strategies.map((strategy) => ({ form, strategy })));
  const results = await withPages(browser, walks, 2, (page, { form, strategy }) => walk(page, form, strategy));
  walks.forEach(({ form, strategy }, i) => {
    const r = results[i];
    const where = `${form.url} [${strategy}]`;
    if (r.routing.length) problems.push(`${where}: routing ${r.routing.join("; ")}`);
    if (r.errors.length) problems.push(`${where}: script errors ${r.errors.join("; ")}`);
    for (const q of r.data.questions.filter((q) => q.show_if)) {
      const key = `${form.survey}.${q.id}`;
      seen.set(key, (seen.get(key) ?? new Set()).add(r.visible.includes(q.id) ? "shown" : "hidden"));
    }
    const meta = { survey: r.data.survey, version: r.data.version, language: r.data.language, channel: "web" };
    if (r.payload) {
      sent++;
      const json = r.payload.json;
      if (r.payload.contentType !== "application/json") problems.push(`${where}: Content-Type ${r.payload.contentType}`);
      if (!json) {
        problems.push(`${where}: the body is not JSON: ${r.payload.body.slice(0, 200)}`);
        return;
      }
      const { submitted_at, answers, ...rest } = json;
      assert.deepEqual(rest, meta, `${where}: metadata`);
      assert.match(submitted_at, RFC3339_UTC, `${where}: submitted_at`);
      assert.deepEqual(answers, r.shown, `${where}: the page sent something else than it shows`);
      for (const [key, value] of Object.entries(answers)) {
        const ok = Number.isInteger(value) || typeof value === "string" || (Array.isArray(value) && value.every(Number.isInteger));
        if (!ok) problems.push(`${where}: answer ${key} has type ${typeof value}`);
      }
      const schemaErrors = schemaValidator(form.schema)(json);
      if (schemaErrors.length) problems.push(`${where}: the JSON Schema rejects the response: ${schemaErrors.join("; ")}`);
      accepted.set(form.source, [...(accepted.get(form.source) ?? []), json]);
    } else {
      // Only a survey's `check` may stop a complete answer; its messages must say why.
      const checks = r.data.checks.map((c) => c.message);
      const other = r.messages.filter((m) => !checks.some((c) => m.endsWith(c)));
      if (other.length || r.messages.length === 0) problems.push(`${where}: blocked by ${r.messages.join(" | ")}`);
      const response = { ...meta, submitted_at: "2026-01-01T00:00:00Z", answers: r.shown };
      blocked.set(form.source, [...(blocked.get(form.source) ?? []), response]);
    }
  });
  const both = [...seen].filter(([, s]) => s.size === 2).map(([k]) => k);
  t.diagnostic(`${walks.length} walks over ${forms.length} forms: ${sent} sent, ${walks.length - sent} stopped by a check; routed questions seen both shown and hidden: ${both.length}/${seen.size}`);
  assert.ok(both.length >= seen.size / 2, `too few routed questions seen both ways: ${both.join(", ")}`);
  assert.deepEqual(problems, [], problems.join("\n"));
  assert.ok(sent >= forms.length, `only ${sent} responses sent for ${forms.length} forms`);
  for (const [source, responses] of accepted) {
    const v = await validateResponses(source, responses);
    assert.equal(v.code, 0, `rileva validate rejected responses of ${basename(source)}:\n${v.stdout}${v.stderr}`);
    assert.equal(v.report?.accepted, responses.length, `${basename(source)}: ${v.stdout}`);
  }
  // What the form refused because of a check, rileva validate refuses too.
  for (const [source, responses] of blocked) {
    const v = await validateResponses(source, responses);
    assert.equal(v.report?.accepted, 0, `rileva validate accepted what the form refused (${basename(source)}):\n${v.stdout}`);
  }
});
