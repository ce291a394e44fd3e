// Renders docs/img/editor.png: a real session of `rileva lsp` drawn as an editor would.
// It starts the server, opens examples/inps_hub_prestazioni.rileva with one typo (the
// user's keystroke), takes the diagnostics the server publishes and its hover on a
// question, colours the text with the extension's own TextMate grammar, and has Chromium
// photograph the page. Nothing in the picture is written by hand: the squiggle, the
// problem list and the hover box are the server's answers.
//
//   node editors/vscode/screenshot/render.js [path/to/rileva]
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn, execFileSync } = require("child_process");
const rpc = require("vscode-jsonrpc/node");
const textmate = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const root = path.resolve(__dirname, "../../..");
const rileva = process.argv[2] || path.join(root, "target/debug/rileva");
const example = path.join(root, "examples/inps_hub_prestazioni.rileva");
const out = path.join(root, "docs/img/editor.png");
const text = fs.readFileSync(example, "utf8").replace("scale accordo5 {", "scale accordo55 {");
const uri = "file://" + example;

async function session() {
  const server = spawn(rileva, ["lsp"], { stdio: ["pipe", "pipe", "inherit"], cwd: root });
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin)
  );
  const published = new Promise((resolve) =>
    conn.onNotification("textDocument/publishDiagnostics", (p) => p.uri === uri && resolve(p.diagnostics))
  );
  conn.listen();
  await conn.sendRequest("initialize", { processId: process.pid, rootUri: "file://" + root, capabilities: {} });
  conn.sendNotification("initialized", {});
  conn.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "rileva", version: 1, text },
  });
  const diagnostics = await published;
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes("show if soddisfazione"));
  const character = lines[line].indexOf("soddisfazione") + 4;
  const hover = await conn.sendRequest("textDocument/hover", {
    textDocument: { uri },
    position: { line, character },
  });
  await conn.sendRequest("shutdown");
  conn.sendNotification("exit");
  return { diagnostics, hover, hoverAt: { line, character } };
}

async function grammar() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      textmate.parseRawGrammar(
        fs.readFileSync(path.join(__dirname, "../syntaxes/rileva.tmLanguage.json"), "utf8"),
        "rileva.tmLanguage.json"
      ),
  });
  return registry.loadGrammar("source.rileva");
}

const COLOURS = [
  ["comment", "#6a9955"],
  ["string", "#ce9178"],
  ["constant.numeric", "#b5cea8"],
  ["storage.type", "#4ec9b0"],
  ["entity.name.type", "#4ec9b0"],
  ["entity.name.function", "#dcdcaa"],
  ["entity.name.namespace", "#9cdcfe"],
  ["constant.other", "#9cdcfe"],
  ["keyword.operator", "#d4d4d4"],
  ["keyword", "#569cd6"],
];

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function colour(scopes) {
  for (const [prefix, c] of COLOURS) if (scopes.some((s) => s.startsWith(prefix))) return c;
  return "#d4d4d4";
}

// Minimal Markdown of the server's hover: bold, code, lists, rules.
function markdown(md) {
  const inline = (s) =>
    escape(s)
      .replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>")
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*([^*]+)\*/g, "<i>$1</i>");
  return md
    .split("\n")
    .map((l) => (l === "---" ? "<hr>" : l.startsWith("- ") ? `<li>${inline(l.slice(2))}</li>` : l ? `<p>${inline(l)}</p>` : ""))
    .join("");
}

function page(tokens, lines, result, first, last) {
  const { diagnostics, hover, hoverAt } = result;
  const rows = [];
  let ruleStack = textmate.INITIAL;
  for (let i = 0; i < lines.length; i++) {
    const { tokens: toks, ruleStack: next } = tokens.tokenizeLine(lines[i], ruleStack);
    ruleStack = next;
    if (i < first || i > last) continue;
    const marks = diagnostics.filter((d) => d.range.start.line === i);
    let html = "";
    for (const t of toks) {
      const piece = lines[i].slice(t.startIndex, t.endIndex);
      const bad = marks.some((d) => t.startIndex < d.range.end.character && t.endIndex > d.range.start.character);
      html += `<span style="color:${colour(t.scopes)}"${bad ? ' class="squiggle"' : ""}>${escape(piece)}</span>`;
    }
    const anchor = i === hoverAt.line ? `<span class="anchor" style="left:${hoverAt.character}ch"></span>` : "";
    rows.push(`<div class="row"><span class="no">${i + 1}</span><span class="code">${anchor}${html || " "}</span></div>`);
  }
  const problems = diagnostics
    .map(
      (d) =>
        `<div class="problem"><span class="sev ${d.severity === 1 ? "error" : "warning"}">●</span> ${escape(d.message.split("\n").join(" — "))} <span class="dim">rileva(${d.code}) [Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]</span></div>`
    )
    .join("");
  return `<!doctype html><meta charset="utf-8"><style>
  body{margin:0;background:#1e1e1e;font:14px/20px "DejaVu Sans Mono",monospace;color:#d4d4d4;width:1200px}
  .tab{background:#252526;color:#fff;padding:6px 14px;font-family:"DejaVu Sans",sans-serif;font-size:13px}
  .editor{position:relative;padding:6px 0}
  .row{white-space:pre;height:20px}.no{display:inline-block;width:44px;text-align:right;color:#858585;margin-right:18px}
  .code{position:relative}
  .squiggle{text-decoration:underline wavy #f14c4c;text-underline-offset:3px}
  .anchor{position:absolute;top:20px}
  .hover{position:absolute;z-index:2;background:#252526;border:1px solid #454545;padding:4px 12px;width:560px;font:13px/18px "DejaVu Sans",sans-serif;box-shadow:0 2px 8px #000}
  .hover code{font-family:"DejaVu Sans Mono",monospace;color:#ce9178}.hover p{margin:6px 0}.hover li{margin-left:14px}
  .panel{border-top:1px solid #454545;background:#1e1e1e;font:13px/20px "DejaVu Sans",sans-serif;padding:4px 14px}
  .panel h3{font-size:11px;letter-spacing:1px;margin:4px 0;color:#bbb}.error{color:#f14c4c}.warning{color:#cca700}.dim{color:#858585}
  </style>
  <div class="tab">inps_hub_prestazioni.rileva — rileva lsp</div>
  <div class="editor">${rows.join("")}
  <div class="hover" style="top:${(hoverAt.line - first + 1) * 20 + 10}px;left:${62 + hoverAt.character * 8.4}px">${markdown(hover.contents.value)}</div></div>
  <div class="panel"><h3>PROBLEMS</h3>${problems}</div>`;
}

(async () => {
  const result = await session();
  if (!result.diagnostics.length || !result.hover) throw new Error("the server gave no diagnostic or no hover");
  const tokens = await grammar();
  const lines = text.split("\n");
  const squiggled = result.diagnostics[0].range.start.line;
  const first = Math.max(0, squiggled - 14);
  const last = Math.min(lines.length - 1, squiggled + 19);
  const html = path.join(os.tmpdir(), "rileva-editor.html");
  fs.writeFileSync(html, page(tokens, lines, result, first, last));
  execFileSync("chromium", [
    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
    `--screenshot=${out}`, "--window-size=1200,820", "file://" + html,
  ], { stdio: "ignore" });
  console.log(`wrote ${path.relative(root, out)}: ${result.diagnostics.length} diagnostic(s), hover of ${result.hover.contents.value.length} characters`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
