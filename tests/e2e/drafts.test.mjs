// Drafts (issue 8, defect 3): tabs never overwrite each other's work. Two pages in one
// browser context share localStorage (the recent drafts) and each has its own sessionStorage
// (its draft), as two tabs of one browser do. Typing is real keyboard input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { doc, form, open, section, serveAndLaunch } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

const newContext = () => browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });

/** Replaces a Basics field's value with the keyboard and commits it by leaving the field. */
async function typeInto(page, label, text) {
  await form(page).getByLabel(label, { exact: true }).click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}

/** A share link, made as the app makes it: raw deflate, then URL-safe base64 without padding. */
const linkTo = (template) =>
  `${server.url}#t=${deflateRawSync(Buffer.from(JSON.stringify(template, null, 2)), { level: 9 }).toString("base64url")}`;

async function reload(page) {
  await page.reload();
  await page.getByRole("textbox", { name: "Template JSON" }).waitFor();
}

/** Opens the Recent drafts panel and returns it. */
async function recentDrafts(page) {
  await page.getByRole("button", { name: "Recent drafts" }).click();
  const panel = page.getByRole("group", { name: "Recent drafts" });
  await panel.waitFor();
  return panel;
}

const conflictBanner = (page) => page.getByText("This draft was changed in another tab");

test("two tabs: a rename in A and a location change in B both survive reloading each tab", async () => {
  const context = await newContext();
  const { page: a, consoleErrors: errorsA } = await open(browser, server.url, { context });
  const { page: b, consoleErrors: errorsB } = await open(browser, server.url, { context });
  const starter = await doc(a);

  await typeInto(a, "Name", "renamed-in-a");
  await typeInto(b, "Location *", "eastus");
  assert.equal((await doc(a)).name, "renamed-in-a");
  assert.equal((await doc(b)).location, "eastus");

  await reload(a);
  assert.equal((await doc(a)).name, "renamed-in-a", "A's rename is still there after reloading A");
  assert.equal((await doc(a)).location, starter.location, "B's change did not land in A");

  await reload(b);
  assert.equal((await doc(b)).location, "eastus", "B's location is still there after reloading B");
  assert.equal((await doc(b)).name, starter.name, "A's change did not land in B");

  assert.equal(await conflictBanner(a).count(), 0, "different drafts are no conflict");
  assert.equal(await conflictBanner(b).count(), 0);
  assert.deepEqual([...errorsA, ...errorsB], []);
  await context.close();
});

test("a share link opened in a new tab is a new draft and leaves the other tab's draft intact", async () => {
  const context = await newContext();
  const { page: a } = await open(browser, server.url, { context });
  const starter = await doc(a);
  await typeInto(a, "Name", "work-in-a");

  const linked = { ...starter, name: "from-the-link", location: "northeurope" };
  const { page: b } = await open(browser, linkTo(linked), { context });
  assert.deepEqual(await doc(b), linked);

  await reload(a);
  assert.equal((await doc(a)).name, "work-in-a", "the older tab's draft is intact");

  await b.getByText("Opened the template from the link as a new draft").waitFor();
  assert.ok(!b.url().includes("#"), "the link is taken out of the address, so a reload opens the draft");
  await reload(b);
  assert.deepEqual(await doc(b), linked, "the link's tab reloads its own draft");

  const panel = await recentDrafts(a);
  await panel.getByRole("button", { name: /^from-the-link/ }).waitFor();
  await panel.getByRole("button", { name: /^work-in-a.*open in this tab/ }).waitFor();
  await context.close();
});

test("a link opened in an open tab (hashchange) loads as a new draft; Recent drafts restores the older one", async () => {
  const context = await newContext();
  const { page, consoleErrors } = await open(browser, server.url, { context });
  const starter = await doc(page);
  await typeInto(page, "Name", "before-the-link");

  const linked = { ...starter, name: "opened-in-place", location: "westus2" };
  const hash = new URL(linkTo(linked)).hash;
  // What pasting the link into the address bar of the open tab does: a same-document navigation.
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.getByText("Opened the template from the link as a new draft").waitFor();
  assert.deepEqual(await doc(page), linked);
  assert.equal(await page.getByRole("button", { name: "Undo" }).isDisabled(), true, "a new draft has its own history");

  const panel = await recentDrafts(page);
  const older = panel.getByRole("button", { name: /^before-the-link/ });
  await older.waitFor();
  // Keyboard: the list's buttons are reachable and pressed with Enter.
  await older.focus();
  await page.keyboard.press("Enter");
  assert.equal((await doc(page)).name, "before-the-link");
  await page.getByText("Restored the draft “before-the-link”").waitFor();

  await reload(page);
  assert.equal((await doc(page)).name, "before-the-link", "the restored draft is this tab's draft now");
  const again = await recentDrafts(page);
  await again.getByRole("button", { name: /^opened-in-place/ }).waitFor();
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test("a reload brings back the open section and the undo history", async () => {
  const context = await newContext();
  const { page } = await open(browser, server.url, { context });
  const starter = await doc(page);
  await typeInto(page, "Name", "first-step");
  await typeInto(page, "Location *", "eastus");
  await section(page, "Distribute").click();
  assert.equal(await section(page, "Distribute").getAttribute("aria-current"), "step");

  await reload(page);
  assert.equal(await section(page, "Distribute").getAttribute("aria-current"), "step", "the open section is back");
  assert.equal((await doc(page)).location, "eastus");

  await page.keyboard.press("Control+z");
  assert.equal((await doc(page)).location, starter.location, "undo after the reload steps back");
  assert.equal((await doc(page)).name, "first-step");
  await page.keyboard.press("Control+z");
  assert.equal((await doc(page)).name, starter.name);
  await page.keyboard.press("Control+Shift+z");
  assert.equal((await doc(page)).name, "first-step");
  await context.close();
});

test("when another tab saves the same draft, the page says so; keeping mine forks it, loading theirs takes it", async () => {
  const context = await newContext();
  const { page: a } = await open(browser, server.url, { context });
  await typeInto(a, "Name", "shared-draft");
  const { page: b } = await open(browser, server.url, { context });
  // B restores A's draft: both tabs now edit the same draft id.
  const panel = await recentDrafts(b);
  await panel.getByRole("button", { name: /^shared-draft/ }).click();
  assert.equal((await doc(b)).name, "shared-draft");

  await typeInto(a, "Location *", "eastus");
  await conflictBanner(b).waitFor();
  await typeInto(b, "Location *", "westus");
  // B does not save over A's newer version while the question is open.
  await reload(a);
  assert.equal((await doc(a)).location, "eastus");

  await b.getByRole("button", { name: "Keep mine as a new draft" }).click();
  await conflictBanner(b).waitFor({ state: "detached" });
  assert.equal((await doc(b)).location, "westus");
  const list = await recentDrafts(b);
  assert.equal(await list.getByRole("button", { name: /^shared-draft/ }).count(), 2, "two drafts now: theirs and mine");

  // B is a draft of its own now: A's edits are no conflict for it.
  await typeInto(a, "Location *", "northeurope");
  assert.equal(await conflictBanner(b).count(), 0);

  // Load theirs: a third tab on A's draft.
  const { page: c } = await open(browser, server.url, { context });
  // Newest first: A saved last, so the first "shared-draft" is A's.
  await (await recentDrafts(c)).getByRole("button", { name: /^shared-draft/ }).first().click();
  assert.equal((await doc(c)).location, "northeurope");
  await typeInto(a, "Location *", "uksouth");
  await conflictBanner(c).waitFor();
  await c.getByRole("button", { name: "Load their version" }).click();
  assert.equal((await doc(c)).location, "uksouth");
  await conflictBanner(c).waitFor({ state: "detached" });
  await context.close();
});

test("an unreadable recent draft never stops the others from loading, and can be downloaded", async () => {
  const context = await newContext();
  await context.addInitScript(() => {
    localStorage.setItem("aib-designer/draft/v2/broken", "{not json");
  });
  const { page: a } = await open(browser, server.url, { context });
  await typeInto(a, "Name", "readable-draft");
  const { page: b } = await open(browser, server.url, { context });
  const panel = await recentDrafts(b);
  await panel.getByRole("button", { name: /^readable-draft/ }).waitFor();
  await panel.getByText("A draft that cannot be read").waitFor();
  const download = b.waitForEvent("download");
  await panel.getByRole("button", { name: "Download the unreadable draft" }).click();
  assert.equal((await download).suggestedFilename(), "aib-designer-unreadable-draft.txt");
  await context.close();
});

test("the old single autosave slot is migrated once into the drafts", async () => {
  const context = await newContext();
  const old = { type: "Microsoft.VirtualMachineImages/imageTemplates", apiVersion: "2024-02-01", name: "saved-before-drafts", location: "westeurope", properties: {} };
  await context.addInitScript((text) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("aib-designer/document/v1", JSON.stringify({ version: 1, text }));
      sessionStorage.setItem("seeded", "1");
    }
  }, JSON.stringify(old, null, 2));
  const { page: a } = await open(browser, server.url, { context });
  assert.deepEqual(await doc(a), old, "the first tab opens what was saved");
  assert.equal(await a.evaluate(() => localStorage.getItem("aib-designer/document/v1")), null, "the old slot is gone once copied");
  const panel = await recentDrafts(a);
  assert.equal(await panel.getByRole("button", { name: /^saved-before-drafts/ }).count(), 1);
  await context.close();
});

test("when storage is full the page says so and keeps working", async () => {
  const context = await newContext();
  const { page } = await open(browser, server.url, { context });
  // Fill this site's localStorage to its quota.
  await page.evaluate(() => {
    const chunk = "x".repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`filler-${i}`, chunk); } catch { break; }
    }
    for (let size = 128 * 1024; size >= 1; size = Math.floor(size / 2)) {
      try { localStorage.setItem(`filler-small-${size}`, "x".repeat(size)); } catch { /* next size */ }
    }
  });
  await typeInto(page, "Name", "too-much");
  await page.getByText("The browser's storage is full").waitFor();
  assert.equal((await doc(page)).name, "too-much", "the edit is in the page");
  await reload(page);
  assert.equal((await doc(page)).name, "too-much", "this tab's draft still survives a reload");
  await context.close();
});
