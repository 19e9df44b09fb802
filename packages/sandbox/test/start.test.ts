import { expect, it } from "vitest";
import { startSandbox } from "../src/index.js";

it("listens on 127.0.0.1, answers in galaxy_ng's error shape, and closes", async () => {
  const sandbox = await startSandbox({ port: 0 });
  expect(sandbox.urls.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const res = await fetch(new URL("nowhere/", sandbox.urls.base));
  expect(res.status).toBe(404);
  expect(await res.json()).toMatchObject({ errors: [{ code: "not_found" }] });
  await sandbox.close();
  await expect(fetch(sandbox.urls.base)).rejects.toThrow();
});
