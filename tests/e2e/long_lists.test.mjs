// A template with 4,000 customizers, as a user meets it (issue 8, "Long lists stay cheap"):
// pasted into the JSON view with the real clipboard, Customize shows one compact row per
// entry and opens one entry at a time with the keyboard; a problem deep in the list still
// opens its entry and focuses its field. Performance is measured in perf.mjs, not here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { doc, form, open, section, serveAndLaunch, setJson } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

const fieldsInEntries = (page) => form(page).locator(".entries input, .entries select, .entries textarea");

/** 4,000 Shell steps; the last one (index 3999) has no script, an error, and reuses the name
 * of the first, a warning at its `name`. */
function largeTemplate() {
  const customize = Array.from({ length: 4000 }, (_, i) => ({ type: "Shell", name: `step-${i}`, inline: [`echo step ${i}`] }));
  customize[3999] = { type: "Shell", name: "step-0" };
  return {
    type: "Microsoft.VirtualMachineImages/imageTemplates", apiVersion: "2024-02-01", name: "large", location: "westeurope",
    identity: { type: "UserAssigned", userAssignedIdentities: { "/subscriptions/0b5e4f83-1c52-4c8e-9a44-2c3f5d6e7f80/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {} } },
    properties: {
      source: { type: "PlatformImage", publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2", version: "latest" },
      customize,
      distribute: [{ type: "VHD", runOutputName: "large-vhd" }],
    },
  };
}

/** A fresh page with the large template pasted over the starter, as a user replacing the
 * document would: the system clipboard, Ctrl+A, Ctrl+V. */
async function pageWithLargeTemplate() {
  const opened = await open(browser, server.url);
  const { page } = opened;
  const text = JSON.stringify(largeTemplate(), null, 2);
  await setJson(page, text);
  assert.equal((await doc(page)).properties.customize.length, 4000);
  return opened;
}

test("a 4,000-entry Customize list shows compact rows and opens one entry at a time with the keyboard", async () => {
  const { page, consoleErrors } = await pageWithLargeTemplate();
  await section(page, "Customize").click();
  await form(page).locator("legend", { hasText: "Customize (4000)" }).waitFor();

  // One row per entry: number, type, name, and the error badge; no entry form yet.
  const row = form(page).getByRole("button", { name: /^4000\. Shell step-0\b/ });
  assert.match(await row.textContent(), /1 error/);
  assert.equal(await row.getAttribute("aria-expanded"), "false");
  assert.equal(await form(page).getByRole("button", { name: /^1\. Shell step-0$/ }).count(), 1);
  assert.equal(await fieldsInEntries(page).count(), 0, "closed rows carry no fields");

  // Open the last entry with the keyboard: focus lands on its title, and only it has fields.
  await row.focus();
  await page.keyboard.press("Enter");
  const name = form(page).getByLabel("Name", { exact: true });
  await name.waitFor();
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ""), /^⠿?4000\. Shell step-0/);
  const fields = await fieldsInEntries(page).count();
  assert.ok(fields > 0 && fields < 30, `only the open entry has fields (found ${fields})`);
  assert.equal(await form(page).locator(".entries details").count(), 1);

  // Edit its name with the real keyboard; leaving the field commits it to the document.
  await name.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("renamed-last");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.querySelector(".json-view .code-editor").aibEditor.text().includes('"renamed-last"'));
  const after = await doc(page);
  assert.equal(after.properties.customize[3999].name, "renamed-last");
  assert.equal(after.properties.customize[3998].name, "step-3998");

  // Space on another row opens it instead; the first one turns back into a row.
  await form(page).getByRole("button", { name: /^2\. Shell step-1$/ }).focus();
  await page.keyboard.press(" ");
  await form(page).getByRole("button", { name: /^4000\. Shell renamed-last/ }).waitFor();
  assert.equal(await form(page).locator(".entries details").count(), 1);
  assert.equal(await form(page).getByLabel("Name", { exact: true }).inputValue(), "step-1");

  // A new customizer opens at once rather than becoming a row at the far end of the list.
  await form(page).getByRole("button", { name: "Add customizer" }).click();
  await form(page).locator("legend", { hasText: "Customize (4001)" }).waitFor();
  await form(page).locator("legend", { hasText: "Customizer 4001" }).waitFor();
  assert.equal(await form(page).locator(".entries details").count(), 1);
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ""), /^⠿?4001\. Shell/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test("a problem at entry 3,999 of a long list opens that entry and focuses its field", async () => {
  const { page, consoleErrors } = await pageWithLargeTemplate();
  const problems = page.getByRole("region", { name: "Problems" });
  // The duplicate name is reported at the last entry's `name` (`data-target` is the pointer).
  await problems.locator('button.go-to[data-target="/properties/customize/3999/name"]').click();
  await form(page).locator("legend", { hasText: "Customize (4000)" }).waitFor();
  const focused = await page.evaluate(() => document.activeElement?.dataset.pointer);
  assert.equal(focused, "/properties/customize/3999/name");
  assert.equal(await form(page).getByLabel("Name", { exact: true }).inputValue(), "step-0");
  assert.equal(await form(page).locator(".entries details").count(), 1);
  // The rows before it keep arriving; the focused field stays focused and on screen.
  await page.waitForFunction(() => document.querySelectorAll(".form .entries > li").length === 4000);
  const onScreen = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return document.activeElement.dataset.pointer === "/properties/customize/3999/name" && r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(onScreen, "the field is still focused and in view once every row is on the page");
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
