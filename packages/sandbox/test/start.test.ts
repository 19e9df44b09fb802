import { expect, it, onTestFinished } from "vitest";
import { startSandbox } from "../src/index.js";
import { getWith } from "./support/http.js";

it("listens on 127.0.0.1, answers in galaxy_ng's error shape, and closes", async () => {
  const sandbox = await startSandbox({ port: 0 });
  // Closed even when an assertion below fails; close() is idempotent, so the explicit one stays.
  onTestFinished(() => sandbox.close());
  expect(sandbox.urls.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const res = await getWith(new URL("nowhere/", sandbox.urls.base).href);
  expect(res.status).toBe(404);
  expect(res.json()).toMatchObject({ errors: [{ code: "not_found" }] });
  await sandbox.close();
  await expect(getWith(sandbox.urls.base)).rejects.toThrow();
});
