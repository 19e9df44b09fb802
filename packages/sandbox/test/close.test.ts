import { expect, it } from "vitest";
import { startSandbox } from "../src/index.js";
import { getWith } from "./support/http.js";
import { canListen } from "./support/ports.js";

it("close() frees the port even with keep-alive connections open, and can be called twice", async () => {
  const sandbox = await startSandbox();
  const port = Number(new URL(sandbox.urls.base).port);
  expect((await getWith(sandbox.urls.private.published, `Token ${sandbox.tokens.hub}`)).status).toBe(200);
  expect(await canListen(port)).toBe(false);
  await sandbox.close();
  await sandbox.close();
  expect(await canListen(port)).toBe(true);
  await expect(getWith(sandbox.urls.base)).rejects.toThrow();
});

it("listens on a port that was asked for, and reports a busy port as an error", async () => {
  const first = await startSandbox();
  const port = Number(new URL(first.urls.base).port);
  try {
    await expect(startSandbox({ port })).rejects.toMatchObject({
      code: "USAGE",
      message: `The sandbox cannot listen on 127.0.0.1:${port}: the port is already in use.`,
    });
  } finally {
    await first.close();
  }
  const again = await startSandbox({ port });
  expect(again.urls.base).toBe(`http://127.0.0.1:${port}/`);
  await again.close();
});
