// axe-core (npm) on every section of the form, the exports, a rule's page and the narrow
// layout: no serious or critical violation of WCAG 2 A/AA.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { open, section, serveAndLaunch, settled } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => { server = s; browser = b; });

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The serious and critical violations on the page as it is, one line each. */
async function violations(page) {
  // The page's Content-Security-Policy forbids inline scripts; the context bypasses it for
  // this one injected checker.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

test("every section, the exports and a rule page have no serious or critical violations", async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const { page } = await open(browser, server.url, { context });
  const found = {};
  for (const name of ["Basics", "Identity", "Source", "Build VM", "Customize", "Validate", "Distribute", "Review"]) {
    await section(page, name).click();
    await settled(page);
    found[name] = await violations(page);
  }
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await page.getByRole("region", { name: "Exports" }).getByRole("button", { name: "Copy az commands" }).waitFor();
  found.Exports = await violations(page);
  await page.goto(`${server.url}#/rules/AIB030`);
  await page.getByRole("heading", { level: 3, name: "Why it matters" }).waitFor();
  found["rule page"] = await violations(page);
  for (const [where, list] of Object.entries(found)) assert.deepEqual(list, [], where);
  await context.close();
});

test("the narrow layout's tabs have no serious or critical violations", async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url);
  const tabs = page.getByRole("tablist", { name: "View" });
  await tabs.waitFor();
  await settled(page);
  for (const name of ["Form", "JSON", "Problems"]) {
    await tabs.getByRole("tab", { name }).click();
    assert.deepEqual(await violations(page), [], name);
  }
  await context.close();
});
