// A platform team hosts the designer with its policy.json beside index.html (here the example
// policy, examples/policy/contoso.json): the form offers the team's starter first, turns the
// allowed values into pick-lists, asks for the required tags, shows the policy's findings at
// their fields, and Review says when the template meets the policy. A team writing a policy
// tries it from Import first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { doc, json, open, pasteInto, section, serveAndLaunch, setJson, settled, typeInto } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => { server = s; browser = b; }, {
  beside: { "policy.json": "../../examples/policy/contoso.json" },
});

const CONTOSO = "Contoso platform images (2026.12)";
const SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";

/** A template that meets every Contoso rule but three: its region, its build VM size and its
 * `owner` tag. */
function almostCompliant() {
  return {
    type: "Microsoft.VirtualMachineImages/imageTemplates",
    apiVersion: "2024-02-01",
    name: "img-ubuntu",
    location: "eastus",
    tags: { costCenter: "123456" },
    identity: {
      type: "UserAssigned",
      userAssignedIdentities: {
        [`/subscriptions/${SUBSCRIPTION}/resourceGroups/images/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib`]: {},
      },
    },
    properties: {
      buildTimeoutInMinutes: 90,
      vmProfile: { vmSize: "Standard_D16s_v5", osDiskSizeGB: 64 },
      source: {
        type: "PlatformImage", publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy",
        sku: "22_04-lts-gen2", version: "22.04.202411190",
      },
      customize: [{
        type: "Shell", name: "cis-hardening",
        scriptUri: "https://contosoimages.blob.core.windows.net/scripts/hardening/harden.sh",
        sha256Checksum: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
      }],
      distribute: [{
        type: "SharedImage", runOutputName: "ubuntu",
        galleryImageId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/images/providers/Microsoft.Compute/galleries/contoso/images/ubuntu`,
        targetRegions: [{ name: "westeurope", replicaCount: 2 }],
      }],
    },
  };
}

/** The messages shown under the field at `pointer`. */
const messagesAt = (page, pointer) =>
  page.locator(`.field:has([data-pointer="${pointer}"]) .field-messages, .field:has([data-pointer="${pointer}"]) [id$="-messages"]`).first();

/** Waits until the status bar names the site's policy and the check made with it is in. */
async function policyApplied(page) {
  await page.locator(".status-bar").getByText(`Policy: ${CONTOSO}`).waitFor();
  await settled(page);
}

test("the site's policy shapes the form and Review says when it is met", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  await policyApplied(page);

  // The team's starter is offered first, with what the policy allows only one way filled in.
  await page.getByRole("button", { name: "New" }).click();
  const starters = page.getByRole("group", { name: "New template" }).getByRole("button");
  assert.equal(await starters.first().textContent(), "Contoso Ubuntu 22.04");
  await starters.first().click();
  await settled(page);
  assert.equal((await doc(page)).name, "img-<name>");

  await setJson(page, JSON.stringify(almostCompliant(), null, 2));

  // A region outside the allowed list: a POL- error at the Location field, a pick-list of the
  // allowed regions that still shows the one written.
  const location = page.locator('select[data-pointer="/location"]');
  assert.deepEqual(await location.locator("option").allTextContents(),
    ["(not set)", "eastus (not allowed by the policy)", "westeurope", "northeurope"]);
  const locationMessages = await messagesAt(page, "/location").textContent();
  assert.match(locationMessages, /POL-region/);
  assert.match(locationMessages, /Images are built in the EU regions only/);

  // A missing required tag is a field of its own, with its error.
  const owner = page.getByLabel("Tag owner *");
  assert.equal(await owner.inputValue(), "");
  assert.match(await messagesAt(page, "/tags/owner").textContent(), /POL-tags.*the tag `owner` is missing/s);

  // Review: not met yet.
  await section(page, "Review").click();
  assert.match(await page.locator(".policy-verdict").textContent(), /Does not meet the Contoso platform images \(2026\.12\) policy yet: 3 errors/);

  // Fixing everything through the form: a region and a size from the pick-lists, the tag typed.
  await section(page, "Basics").click();
  await location.selectOption("westeurope");
  await settled(page);
  await typeInto(page.getByLabel("Tag owner *"), "platform@contoso.example");
  await page.keyboard.press("Tab");
  await settled(page);
  await section(page, "Build VM").click();
  const vmSize = page.locator('select[data-pointer="/properties/vmProfile/vmSize"]');
  assert.deepEqual(await vmSize.locator("option").allTextContents(),
    ["(not set)", "Standard_D16s_v5 (not allowed by the policy)", "Standard_D2s_v5", "Standard_D4s_v5", "Standard_D8s_v5"]);
  await vmSize.selectOption("Standard_D4s_v5");
  await settled(page);

  const fixed = await doc(page);
  assert.equal(fixed.location, "westeurope");
  assert.equal(fixed.tags.owner, "platform@contoso.example");
  assert.equal(fixed.properties.vmProfile.vmSize, "Standard_D4s_v5");
  assert.doesNotMatch(await json(page), /POL-/);
  await section(page, "Review").click();
  assert.match(await page.locator(".policy-verdict").textContent(), /✓ Meets the Contoso platform images \(2026\.12\) policy\./);

  // The exports say which policy the template was checked with.
  await page.getByRole("button", { name: "Open the exports" }).click();
  const exported = page.locator("textarea.export-text");
  await exported.waitFor();
  await page.waitForFunction(() => document.querySelector("textarea.export-text")?.value.includes("# Checked with the policy"));
  assert.match(await exported.inputValue(), /^# Checked with the policy "Contoso platform images" version 2026\.12: met\.$/m);
  assert.deepEqual(consoleErrors, []);
});

test("a team tries its policy from Import: errors with line and column, then applied, kept on reload, and stopped", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  await page.getByRole("button", { name: "Import" }).click();
  const trying = page.getByRole("group", { name: "Try a policy" });
  await trying.getByText(`Applied: the ${CONTOSO} policy`).waitFor();

  // A misspelt vocabulary item is an error placed in the policy file.
  const policyText = trying.getByLabel(/Paste a policy file/);
  await pasteInto(policyText, '{\n  "name": "Fabrikam",\n  "version": "1",\n  "rules": [\n    { "id": "size", "severity": "error", "message": "Small VMs", "alowed": {} }\n  ]\n}\n');
  await trying.getByRole("button", { name: "Try pasted policy" }).click();
  const refused = trying.getByRole("alert");
  await refused.waitFor();
  assert.match(await refused.textContent(), /the policy you are trying cannot be used:.*line 5, column \d+/s);

  const fabrikam = JSON.parse(await readFile(join(import.meta.dirname, "../../examples/policy/contoso.json"), "utf8"));
  fabrikam.name = "Fabrikam images";
  fabrikam.starters = [];
  fabrikam.rules = fabrikam.rules.filter((r) => r.id === "vm-size");
  await pasteInto(policyText, JSON.stringify(fabrikam));
  await trying.getByRole("button", { name: "Try pasted policy" }).click();
  await trying.getByText("Applied: the Fabrikam images (2026.12) policy, 1 rule, from the policy you are trying.").waitFor();

  // Kept in this tab across a reload; stopping brings back the site's.
  await page.reload();
  await settled(page);
  await page.getByRole("button", { name: "Import" }).click();
  await trying.getByText("Applied: the Fabrikam images (2026.12) policy").waitFor();
  await trying.getByRole("button", { name: "Stop trying this policy" }).click();
  await trying.getByText(`Applied: the ${CONTOSO} policy`).waitFor();
  assert.deepEqual(consoleErrors, []);
});
