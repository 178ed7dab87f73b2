// Form edits change the JSON text only where they change it: the user's comments, key order
// and indentation elsewhere stay as they were (issue 9).
import { test } from "node:test";
import assert from "node:assert/strict";
import { form, json, open, serveAndLaunch, setJson, settled, typeInto } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => { server = s; browser = b; });

test("a form edit leaves a comment elsewhere in the text untouched", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  const text = `{
    // Built nightly: keep this note.
    "type": "Microsoft.VirtualMachineImages/imageTemplates",
    "apiVersion": "2024-02-01",
    "name": "nightly",
    "location": "westeurope", /* the team's region */
    "properties": {
        "buildTimeoutInMinutes": 60
    }
}
`;
  await setJson(page, text);
  assert.equal(await json(page), text, "the pasted text is in the JSON view as it was");

  const location = form(page).getByLabel("Location *");
  await typeInto(location, "eastus");
  await location.press("Tab");
  await settled(page);

  assert.equal(await json(page), text.replace('"westeurope"', '"eastus"'), "only the value changed");
  assert.deepEqual(consoleErrors, []);
});
