// A throwaway HTTP server on 127.0.0.1: serves a folder and records what is POSTed.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".css": "text/css",
  ".js": "text/javascript",
};

/**
 * Serve `dir` on a free port of 127.0.0.1. POSTs to `endpoint` are recorded in `payloads`
 * as {contentType, body (text), json (parsed, or undefined)} and answered with
 * `status` (default 201). Returns {url, payloads, close()}.
 */
export async function serve(dir, { endpoint = "/responses", status = 201 } = {}) {
  const payloads = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    if (req.method === "POST" && path === endpoint) {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const body = Buffer.concat(chunks).toString("utf8");
      let json;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      payloads.push({ contentType: req.headers["content-type"], body, json });
      res.writeHead(status, { "Content-Type": "application/json" });
      return res.end('{"ok":true}');
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir) + sep)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      const data = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(data);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    payloads,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
