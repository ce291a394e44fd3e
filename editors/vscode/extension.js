// The rileva extension: starts `rileva lsp` for .rileva files and restarts it when the
// settings change. Everything the editor shows comes from the server.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration("rileva");
  const command = config.get("path") || "rileva";
  return { command, args: ["lsp"], transport: TransportKind.stdio };
}

function clientOptions() {
  const config = vscode.workspace.getConfiguration("rileva");
  return {
    documentSelector: [{ language: "rileva" }],
    initializationOptions: { lib: config.get("lib") || [] },
    synchronize: {
      // A new package file or a changed rileva.toml: the server reads the project again.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.rileva,rileva.toml}"),
    },
  };
}

async function start() {
  client = new LanguageClient("rileva", "rileva", serverOptions(), clientOptions());
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("rileva")) {
        if (client) await client.stop();
        await start();
      }
    }),
    vscode.commands.registerCommand("rileva.restartServer", async () => {
      if (client) await client.stop();
      await start();
    })
  );
  await start();
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
