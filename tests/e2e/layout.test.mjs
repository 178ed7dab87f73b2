// Layout as people meet it: the exports a click away and never moving under the pointer,
// narrow screens as tabs with targets big enough for a finger, help with working links.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, section, serveAndLaunch, settled } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => { server = s; browser = b; });

test("Export opens the exports, and filling a placeholder does not move Copy az commands", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  await page.getByRole("button", { name: "New" }).click();
  await page.getByRole("button", { name: "Linux starter (Ubuntu 22.04)" }).click();
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const copy = page.getByRole("region", { name: "Exports" }).getByRole("button", { name: "Copy az commands" });
  await copy.waitFor();
  const onScreen = await copy.boundingBox();
  assert.ok(onScreen.y + onScreen.height < page.viewportSize().height, `Copy az commands is in view (y = ${onScreen.y})`);
  // Where it is on the page (the window may scroll to the field being edited).
  const top = () => copy.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const before = await top();

  // The starter's placeholders are filled in Review; the errors they cause go away.
  await section(page, "Review").click();
  const placeholder = page.locator(".placeholders input").first();
  await placeholder.click();
  await page.keyboard.type("rg-images");
  await page.keyboard.press("Tab");
  await settled(page);
  assert.equal(await top(), before, "the button stays where the pointer is");
  await copy.click();
  await page.getByText("Copied the az commands to the clipboard.").waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /rg-images/);
  assert.deepEqual(consoleErrors, []);
});

test("Review's button opens the exports and takes the focus there", async () => {
  const { page } = await open(browser, server.url);
  await section(page, "Review").click();
  await page.getByRole("button", { name: "Open the exports" }).click();
  await page.getByRole("region", { name: "Exports" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "export-kind");
});

test("on a phone the form, JSON and problems are tabs with big targets, and the count opens Problems", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await page.goto(server.url);
  const tabs = page.getByRole("tablist", { name: "View" });
  await tabs.waitFor();
  await settled(page);
  for (const name of ["Form", "JSON", "Problems"]) {
    const box = await tabs.getByRole("tab", { name }).boundingBox();
    assert.ok(box.height >= 32, `${name} tab is ${box.height}px tall`);
  }
  // The form first: no JSON editor on screen.
  assert.ok(!(await page.locator(".json-view").isVisible()));
  await tabs.getByRole("tab", { name: "JSON" }).click();
  assert.ok(await page.locator(".json-view").isVisible());
  assert.ok(!(await page.locator(".form").isVisible()));

  // Every control on screen is at least 32 px tall.
  await tabs.getByRole("tab", { name: "Form" }).click();
  for (const name of ["Basics", "Source", "Customize", "Distribute"]) {
    await section(page, name).click();
    const small = await page.evaluate(() => [...document.querySelectorAll("button, select, input:not([type=checkbox]):not([type=radio])")]
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.textContent.trim() || e.getAttribute("aria-label") || e.id, e.getBoundingClientRect().height])
      .filter(([, h]) => h > 0 && h < 32));
    assert.deepEqual(small, [], `${name}: controls under 32px`);
  }

  await page.locator(".status-count").click();
  await page.getByRole("heading", { name: "Problems" }).waitFor();
  assert.ok(await page.locator(".problems").isVisible());
  assert.equal(await tabs.getByRole("tab", { name: "Problems" }).getAttribute("aria-selected"), "true");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test("help renders links, and every section links to its official documentation", async () => {
  const { page } = await open(browser, server.url);
  for (const name of ["Basics", "Identity", "Source", "Build VM", "Customize", "Validate", "Distribute", "Review"]) {
    await section(page, name).click();
    const docs = page.locator(".section-docs");
    assert.match(await docs.getAttribute("href"), /^https:\/\/learn\.microsoft\.com\//, name);
  }
  await section(page, "Source").click();
  const link = page.locator(".form .hint a", { hasText: "Azure Marketplace" }).first();
  assert.match(await link.getAttribute("href"), /^https:\/\/learn\.microsoft\.com\//);
  const raw = await page.locator(".form").textContent();
  assert.ok(!raw.includes("]("), "no raw Markdown link is shown");
  assert.ok(!raw.includes("above link"), "no help refers to a link that is not there");
});
