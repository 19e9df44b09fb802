/**
 * The token-binding question in a real terminal (#16 item 3): the built hub-setup's `status`, run in
 * tmux on a project whose ansible.cfg moved a server to another 127.0.0.1 port, asks before sending the
 * stored token there. No (typed) sends nothing; yes sends it, the hub accepts it, and it is bound there,
 * so the next run asks nothing. The hub is a recording server on 127.0.0.1.
 */
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { openSecretStore } from "@hub-setup/core/node";
import { requireTool } from "@hub-setup/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, requireBuiltBin } from "./support/built-bin.js";
import { ansibleCfg, throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { showsSecret, startTmux, type TmuxSession } from "./support/tmux.js";
import { hubToken } from "./support/tokens.js";

const tmux = requireTool("tmux");

/** A private hub that accepts any token, and records the Authorization header of every request. */
async function recordingHub(): Promise<{ origin: string; auth: string[]; close: () => Promise<void> }> {
  const auth: string[] = [];
  const server: Server = createServer((req, res) => {
    auth.push(req.headers.authorization ?? "");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ available_versions: { v3: "v3/" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    auth,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let session: TmuxSession | undefined;
afterEach(() => {
  session?.kill();
  session = undefined;
});

function status(world: Sandboxed): TmuxSession {
  session?.kill();
  session = startTmux([process.execPath, BIN, "status"], { env: world.env, cwd: world.project });
  return session;
}

const QUESTION = "Send the stored token for pah";

describe.skipIf(!tmux.available)(
  "the built status in a real terminal (tmux), a stored token whose hub moved",
  () => {
    it("asks; no sends nothing (exit 5), yes sends it and binds it there, and the next run asks nothing", async () => {
      requireBuiltBin();
      const hub = await recordingHub();
      try {
        const world = throwAwayWorld();
        const token = hubToken();
        const old = { hub: `http://127.0.0.1:${Number(new URL(hub.origin).port) === 1 ? 2 : 1}` };
        const store = await openSecretStore({ env: world.env, backend: "file" });
        await store.set("pah", token, old);
        writeFileSync(
          `${world.project}/ansible.cfg`,
          ansibleCfg([{ id: "pah", url: `${hub.origin}/api/galaxy/content/published/` }]),
        );

        const no = status(world);
        const asked = await no.waitFor(QUESTION);
        expect(asked).toContain(old.hub);
        expect(asked).toContain(hub.origin);
        no.type("n");
        no.keys("Enter");
        const refused = await no.waitFor(/\[exit \d+\]/);
        expect(refused).toContain("[exit 5]");
        expect(refused).toContain("it is not sent there");
        expect(hub.auth, "the recording hub saw nothing").toEqual([]);
        expect(await store.binding("pah", token)).toEqual(old);

        const yes = status(world);
        await yes.waitFor(QUESTION);
        yes.type("y");
        yes.keys("Enter");
        const accepted = await yes.waitFor(/\[exit \d+\]/);
        expect(accepted, accepted).toContain("[exit 0]");
        expect(hub.auth).toContain(`Token ${token}`);
        expect(await store.binding("pah", token)).toEqual({ hub: hub.origin });

        const again = status(world);
        const quiet = await again.waitFor(/\[exit \d+\]/);
        expect(quiet).toContain("[exit 0]");
        expect(quiet).not.toContain(QUESTION);

        for (const s of [no, yes, again])
          for (const screen of s.screens) expect(showsSecret(screen, token)).toBe(false);
      } finally {
        await hub.close();
      }
    }, 60_000);
  },
);
