// "Upgrade API version" in the Basics section (issue 11): an old template moves to the newest
// version in one undoable edit, `replicationRegions` becomes `targetRegions`, the comment stays,
// and the notice says what could not be carried over.
import { test } from "node:test";
import assert from "node:assert/strict";
import { form, json, open, section, serveAndLaunch, setJson, settled } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => { server = s; browser = b; });

const OLD = `{
    // The gallery image, nightly.
    "type": "Microsoft.VirtualMachineImages/imageTemplates",
    "apiVersion": "2019-05-01-preview",
    "location": "westeurope",
    "properties": {
        "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
        "distribute": [
            {
                "type": "SharedImage",
                "galleryImageId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/g/providers/Microsoft.Compute/galleries/gal/images/ubuntu",
                "runOutputName": "ubuntu",
                "replicationRegions": ["westeurope", "northeurope"]
            }
        ]
    }
}
`;

test("Upgrade API version moves an old template to the newest version in one undoable edit", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  await setJson(page, OLD);
  await section(page, "Basics").click();
  const upgrade = form(page).getByRole("button", { name: /^Upgrade API version to / });
  const newest = (await upgrade.textContent()).replace("Upgrade API version to ", "").trim();
  await upgrade.click();
  await page.waitForFunction(() => document.querySelector(".json-view .code-editor").aibEditor.text().includes("targetRegions"));
  await settled(page);

  const text = await json(page);
  assert.match(newest, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(text.includes(`"apiVersion": "${newest}"`), text);
  assert.ok(text.includes('"targetRegions": ['), text);
  assert.ok(!text.includes("replicationRegions"), text);
  assert.ok(text.startsWith("{\n    // The gallery image, nightly.\n"), "the comment stays");
  // No identity: 2020-02-14 and later require one, and the page says so.
  const notice = page.getByRole("status").filter({ hasText: /^Upgraded to API version / });
  await assert.doesNotReject(notice.waitFor());
  assert.match(await notice.textContent(), /`replicationRegions` → `targetRegions`.*Could not carry over: \/identity: /);
  // The newest version has nothing to upgrade to.
  await assert.doesNotReject(upgrade.waitFor({ state: "detached" }));

  // One undo step brings the old text back.
  await page.getByRole("button", { name: "Undo" }).click();
  await settled(page);
  assert.equal(await json(page), OLD);
  assert.deepEqual(consoleErrors, []);
});
