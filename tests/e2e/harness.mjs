// Serves dist/ on a loopback port (gzipped when the browser accepts it, as a host would) and
// drives Debian's Chromium through playwright-core, as a user would: find controls by role and
// accessible name, type, click, read what is shown.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const DIST = join(import.meta.dirname, "../../dist");
/** Test pages and templates, served under /fixtures/ beside the app (same origin). */
const FIXTURES = join(import.meta.dirname, "fixtures");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };

/** The headers dist/staticwebapp.config.json asks a host to send (scripts/csp.py writes it),
 * so the tests run the app under its real Content-Security-Policy. */
async function loadSecurityHeaders() {
  try {
    return JSON.parse(await readFile(join(DIST, "staticwebapp.config.json"), "utf8")).globalHeaders ?? {};
  } catch {
    return {};
  }
}
let securityHeaders = {};

/** Starts the static server; resolves to { url, close }. `beside` maps names to files served
 * beside the app as a host would place them (`{ "policy.json": "fixtures/policy/x.json" }`,
 * relative to tests/e2e/). */
export async function serve({ beside = {} } = {}) {
  securityHeaders = await loadSecurityHeaders();
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const placed = beside[path.slice(1)];
    const file = placed
      ? join(import.meta.dirname, placed)
      : path.startsWith("/fixtures/")
      ? join(FIXTURES, path.slice("/fixtures/".length))
      : join(DIST, path.endsWith("/") ? `${path}index.html` : path);
    try {
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      // As hosts with precompressed files do (scripts/dist.sh writes the .gz copies).
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        const gzipped = await readFile(`${file}.gz`).catch(() => null);
        if (gzipped) {
          res.writeHead(200, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding", ...securityHeaders });
          res.end(gzipped);
          return;
        }
      }
      const body = await readFile(file);
      res.writeHead(200, { "content-type": type, ...securityHeaders });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Launches headless Chromium (playwright gives it a fresh temporary profile) with no
 * network beyond loopback. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
}

/** A new page with console errors collected, opened on the app and ready. */
export async function open(browser, url, { context } = {}) {
  const ctx = context ?? (await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] }));
  const page = await ctx.newPage();
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await editorLoaded(page);
  await settled(page);
  return { page, ctx, consoleErrors };
}

/** Resolves once the JSON editor has loaded: loaded, not visible, as on a narrow screen the
 * JSON is a tab of its own. */
export async function editorLoaded(page) {
  await page.waitForFunction(() => Boolean(document.querySelector(".json-view .code-editor")?.aibEditor));
}

/** Resolves once the checker (a worker) has answered for the text on screen: the status bar
 * is no longer busy. The change just made is rendered by then (one frame is waited for). */
export async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  await page.locator('.status-bar [role=status][aria-busy="false"]').waitFor();
}

/** The status text, e.g. `2 errors, 1 warning`, once the check of the current text is in. */
export async function status(page) {
  await settled(page);
  return (await page.getByRole("status").filter({ hasText: /error/ }).first().textContent()).trim();
}

/** Starts the server and the browser before a test file's tests and stops them after;
 * `started(server, browser)` receives them. */
export function serveAndLaunch(started, serveOptions) {
  let server;
  let browser;
  before(async () => {
    server = await serve(serveOptions);
    browser = await launch();
    started(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Replaces the text of a field as a person pasting does: the text goes on the system
 * clipboard, then Ctrl+A and Ctrl+V in the field. */
export async function pasteInto(field, text) {
  const page = field.page();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await field.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+v");
  await settled(page);
}

/** Replaces the text of a field as a person typing does: select what is there, then type. */
export async function typeInto(field, text) {
  await field.click();
  await field.page().keyboard.press("Control+a");
  await field.page().keyboard.type(text);
  await settled(field.page());
}

/** Replaces the JSON view's text as a user pasting would. */
export async function setJson(page, text) {
  await pasteInto(page.getByRole("textbox", { name: "Template JSON" }), text);
}

/** The JSON view's whole text. The code editor puts on screen only the lines in view, so the
 * text is read from the editor itself (`editor/json_editor.mjs` leaves it on its element). */
export async function json(page) {
  await editorLoaded(page);
  return page.evaluate(() => document.querySelector(".json-view .code-editor").aibEditor.text());
}

/** The JSON view's text, parsed. */
export async function doc(page) {
  return JSON.parse(await json(page));
}

/** The form (the open section's fields). */
export const form = (page) => page.locator(".form");

/** The button of a section in the section list, by the start of its title. */
export const section = (page, name) =>
  page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: new RegExp(`^${name}`) });
