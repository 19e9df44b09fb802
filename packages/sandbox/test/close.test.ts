import { expect, it, onTestFinished } from "vitest";
import { startSandbox, type Sandbox } from "../src/index.js";
import { getWith } from "./support/http.js";
import { canListen } from "./support/ports.js";

/** Closes whatever `starting` resolves to when the test ends, pass or fail; a refused start is fine. */
function closeWhenDone(starting: Promise<Sandbox>): Promise<Sandbox> {
  onTestFinished(async () => {
    const sandbox = await starting.catch(() => undefined);
    await sandbox?.close();
  });
  return starting;
}

it("close() frees the port even with keep-alive connections open, and can be called twice", async () => {
  const sandbox = await closeWhenDone(startSandbox());
  const port = Number(new URL(sandbox.urls.base).port);
  expect((await getWith(sandbox.urls.private.published, `Token ${sandbox.tokens.hub}`)).status).toBe(200);
  expect(await canListen(port)).toBe(false);
  await sandbox.close();
  await sandbox.close();
  expect(await canListen(port)).toBe(true);
  await expect(getWith(sandbox.urls.base)).rejects.toThrow();
});

it("listens on a port that was asked for, and reports a busy port as an error", async () => {
  const first = await closeWhenDone(startSandbox());
  const port = Number(new URL(first.urls.base).port);
  // Should the busy port wrongly be accepted, that second sandbox is closed too.
  const busy = closeWhenDone(startSandbox({ port }));
  try {
    await expect(busy).rejects.toMatchObject({
      code: "USAGE",
      message: `The sandbox cannot listen on 127.0.0.1:${port}: the port is already in use.`,
    });
  } finally {
    // The port must be free before the next start, so this one cannot wait for the end of the test.
    await first.close();
  }
  const again = await closeWhenDone(startSandbox({ port }));
  expect(again.urls.base).toBe(`http://127.0.0.1:${port}/`);
});
