// End-to-end tests of the built designer (dist/) in headless Chromium, acting as a user.
// Run with `node --test tests/e2e/` after `trunk build`; scripts/test.sh does both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { doc, form, json, open, pasteInto, section, serveAndLaunch, setJson, settled, status, typeInto } from "./harness.mjs";

const CORPUS = join(import.meta.dirname, "../../../shared/corpus");
let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});


test("build a Linux template from scratch through the form; errors appear and go away", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  await page.getByRole("button", { name: "New" }).click();
  await page.getByRole("button", { name: "Blank template" }).click();
  assert.match(await status(page), /^[1-9]\d* errors?/);
  const problems = page.getByRole("region", { name: "Problems" });
  await assert.doesNotReject(problems.getByText("missing the required property `location`").waitFor());

  // Basics
  await typeInto(form(page).getByLabel("Name", { exact: true }), "ubuntu-nightly");
  await typeInto(form(page).getByLabel("Location *"), "westeurope");
  await form(page).getByLabel("Location *").press("Tab");
  await problems.getByText("missing the required property `location`").waitFor({ state: "detached" });

  // Identity: a user-assigned identity
  await section(page, "Identity").click();
  await form(page).getByLabel("Type").selectOption("UserAssigned");
  await form(page).getByRole("button", { name: /^Add to user assigned identities/ }).click();
  await typeInto(form(page).getByLabel("Name 1"), "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib");
  await form(page).getByLabel("Name 1").press("Tab");

  // Source: a marketplace preset
  await section(page, "Source").click();
  await form(page).getByLabel("Type").selectOption("PlatformImage");
  await form(page).getByLabel("Marketplace image").selectOption({ label: "Ubuntu Server 22.04 LTS (Gen2)" });
  assert.equal(await form(page).getByLabel("Publisher", { exact: true }).inputValue(), "Canonical");

  // Customize: a Shell step whose inline and scriptUri are both missing, then fixed
  await section(page, "Customize").click();
  await form(page).getByLabel("Type of the new entry").selectOption("Shell");
  await form(page).getByRole("button", { name: "Add customizer" }).click();
  await typeInto(form(page).getByLabel("Name", { exact: true }), "update");
  await typeInto(form(page).getByLabel("Inline (one per line)"), "sudo apt-get update\nsudo apt-get -y upgrade");
  await form(page).getByLabel("Inline (one per line)").press("Tab");

  // Distribute: a VHD
  await section(page, "Distribute").click();
  await form(page).getByLabel("Type of the new entry").selectOption("VHD");
  await form(page).getByRole("button", { name: "Add distribution target" }).click();
  const runOutput = form(page).getByLabel("Run output name *");
  await typeInto(runOutput, "ubuntu vhd");
  await runOutput.press("Tab");
  await settled(page);
  assert.equal(await runOutput.getAttribute("aria-invalid"), "true", "a bad runOutputName is marked at the field");
  await typeInto(runOutput, "ubuntu-vhd");
  await runOutput.press("Tab");
  await settled(page);
  assert.equal(await runOutput.getAttribute("aria-invalid"), "false");

  assert.match(await status(page), /^0 errors/);
  const saved = await doc(page);
  assert.equal(saved.location, "westeurope");
  assert.equal(saved.properties.source.sku, "22_04-lts-gen2");
  assert.deepEqual(saved.properties.customize[0].inline, ["sudo apt-get update", "sudo apt-get -y upgrade"]);
  assert.equal(saved.properties.distribute[0].runOutputName, "ubuntu-vhd");
  assert.deepEqual(consoleErrors, []);
  await page.screenshot({ path: join(import.meta.dirname, "../../target/e2e-from-scratch.png"), fullPage: true });
});

test("import a corpus template and find its errors in the Problems panel, then jump to the field", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  const text = readFileSync(join(CORPUS, "Azure__azvmimagebuilder/solutions__4_Using_ENV_Variables__devOpsEnvTemplate.json"), "utf8");
  await page.getByRole("button", { name: "Import" }).click();
  await pasteInto(page.getByLabel(/^Paste a template/), text);
  await page.getByRole("button", { name: "Import pasted text" }).click();
  const problem = page.getByRole("region", { name: "Problems" }).getByRole("button", { name: /^Warning AIB030 `aritfactTags`/ });
  const [, line, column] = (await problem.locator(".where").textContent()).match(/line (\d+), column (\d+)/);
  await problem.click();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-pointer"));
  assert.equal(focused, "/resources/0/properties/distribute/0/aritfactTags");
  // The JSON editor's caret is at the finding too.
  const caret = await page.evaluate(() => document.querySelector(".json-view .code-editor").aibEditor.caret());
  assert.deepEqual(caret, { line: Number(line), column: Number(column) });
  assert.equal(await section(page, "Distribute").getAttribute("aria-current"), "step");
  // The one-click fix renames the key.
  await page.getByRole("region", { name: "Problems" }).getByRole("button", { name: /^Fix: rename `aritfactTags`/ }).click();
  assert.match(await json(page), /"artifactTags"/);
  assert.deepEqual(consoleErrors, []);
});

test("edit the JSON and see the form follow; invalid text is kept as typed", async () => {
  const { page } = await open(browser, server.url);
  await page.getByRole("button", { name: "New" }).click();
  await page.getByRole("button", { name: "Linux starter (Ubuntu 22.04)" }).click();
  const text = (await json(page)).replace('"westeurope"', '"northeurope"');
  await setJson(page, text);
  assert.equal(await form(page).getByLabel("Location *").inputValue(), "northeurope");
  const broken = text.replace('"northeurope",', '"northeurope"');
  await setJson(page, broken);
  assert.equal(await json(page), broken, "the user's text is kept as typed");
  await page.getByText(/line \d+, column \d+: `,` expected between properties/).waitFor();
  assert.equal(await form(page).getByLabel("Location *").isDisabled(), true, "the form is read-only while the JSON is invalid");
});

test("undo and redo cover form and JSON edits, by button and keyboard", async () => {
  const { page } = await open(browser, server.url);
  await page.getByRole("button", { name: "New" }).click();
  await page.getByRole("button", { name: "Linux starter (Ubuntu 22.04)" }).click();
  await typeInto(form(page).getByLabel("Location *"), "eastus");
  await form(page).getByLabel("Location *").press("Tab");
  await setJson(page, (await json(page)).replace('"eastus"', '"westus2"'));
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal((await doc(page)).location, "eastus");
  await page.keyboard.press("Control+z");
  assert.equal((await doc(page)).location, "westeurope");
  await page.keyboard.press("Control+Shift+z");
  assert.equal((await doc(page)).location, "eastus");
  await page.getByRole("button", { name: "Redo" }).click();
  assert.equal((await doc(page)).location, "westus2");
});

test("reload and find the work still there; a share link opens the same template", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = await open(browser, server.url, { context });
  await page.getByRole("button", { name: "New" }).click();
  await page.getByRole("button", { name: "Windows starter (Windows Server 2022)" }).click();
  await typeInto(form(page).getByLabel("Name", { exact: true }), "kept-after-reload");
  await form(page).getByLabel("Name", { exact: true }).press("Tab");
  const before = await json(page);
  await page.reload();
  await page.getByRole("textbox", { name: "Template JSON" }).waitFor();
  assert.equal(await json(page), before);

  await page.getByRole("button", { name: "Copy share link" }).click();
  await page.getByText("Copied a share link").waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#t=/);
  const other = await browser.newContext();
  const { page: second } = await open(browser, link, { context: other });
  assert.equal(await json(second), before);
});

test("a corrupted saved state gives a clear message and a way out", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem("aib-designer/document/v1", "{broken"); sessionStorage.setItem("seeded", "1"); } });
  const { page } = await open(browser, server.url, { context });
  await page.getByText("The work saved in this browser could not be read").waitFor();
  await page.getByRole("button", { name: "Discard it and start fresh" }).click();
  await page.getByText("The work saved in this browser could not be read").waitFor({ state: "detached" });
});

test("keyboard only: reach a field from the Problems panel and fix it", async () => {
  const { page } = await open(browser, server.url);
  await setJson(page, JSON.stringify({ type: "Microsoft.VirtualMachineImages/imageTemplates", apiVersion: "2024-02-01", location: "westeurope", properties: { buildTimeoutInMinutes: "60" } }, null, 2));
  // Inside the JSON editor Tab indents: Escape, then Tab leaves it (CodeMirror's rule for
  // keyboard users). Tab until the problem's button has focus, then Enter.
  await page.keyboard.press("Escape");
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => document.activeElement?.textContent?.includes("buildTimeoutInMinutes") ?? false);
  }
  assert.ok(found, "the problem is reachable with Tab");
  await page.keyboard.press("Enter");
  const pointer = await page.evaluate(() => document.activeElement?.getAttribute("data-pointer"));
  assert.equal(pointer, "/properties/buildTimeoutInMinutes");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("90");
  await page.keyboard.press("Tab");
  assert.equal((await doc(page)).properties.buildTimeoutInMinutes, 90);
});

test("copy the az commands: a script that creates, runs and shows the build", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const { page, consoleErrors } = await open(browser, server.url, { context });
  await page.getByRole("button", { name: "New" }).click();
  await page.getByRole("button", { name: "Linux starter (Ubuntu 22.04)" }).click();
  await page.getByRole("button", { name: "Export", exact: true }).click();
  // The starter still has placeholders: exporting works and says so.
  await page.getByText(/This template has \d+ errors?/).waitFor();
  await page.getByRole("button", { name: "Copy az commands" }).click();
  await page.getByText("Copied the az commands to the clipboard.").waitFor();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(script, /^#!\/usr\/bin\/env bash/);
  assert.match(script, /az resource create/);
  assert.match(script, /az image builder run|invoke-action/);
  assert.match(script, /az image builder show-runs/);
  await page.getByLabel("Export", { exact: true }).selectOption({ label: "ARM template" });
  const arm = await page.getByRole("textbox", { name: "ARM template export" }).inputValue();
  assert.equal(JSON.parse(arm).resources[0].type, "Microsoft.VirtualMachineImages/imageTemplates");
  assert.deepEqual(consoleErrors, []);
});

test("fits a narrow window without sideways scrolling, and follows the system's dark mode", async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, colorScheme: "dark" });
  const { page, consoleErrors } = await open(browser, server.url, { context });
  await page.getByRole("button", { name: "New" }).click();
  await page.getByRole("button", { name: "Windows starter (Windows Server 2022)" }).click();
  for (const name of ["Basics", "Identity", "Source", "Build VM", "Customize", "Validate", "Distribute", "Review"]) {
    await section(page, name).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the window`);
  }
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, "rgb(13, 17, 23)", "dark background");
  assert.deepEqual(consoleErrors, []);
});
