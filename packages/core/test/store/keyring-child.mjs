// Child process for the real-keyring tests. @napi-rs/keyring reads DBUS_SESSION_BUS_ADDRESS from the
// process environment (and libdbus keeps one session connection per process), so each keyring session
// is used from its own process, started with that session's env; the test process's env stays as is.
//
// Reads a plan as JSON on stdin: { probe?: true, open?: { backend }, ops?: [{ op, id?, token? }] }, runs
// it against core's built dist, and prints the result as one JSON line (its last line). A token never
// appears in the output: a read gives its sha256 fingerprint (16 hex), an error its code, message and
// hint (which must not hold one).
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";

const { loadNativeKeyring, openSecretStore, probeKeyring, KEYRING_SERVICE } =
  await import("../../dist/node/index.js");

const fingerprint = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);
const failure = (e) => ({ code: e?.code ?? null, message: String(e?.message ?? e), hint: e?.hint ?? null });

// Line 1 of stdin is the plan; a "pause" op prints "paused" and waits for the next line (the test
// changes the keyring meanwhile, e.g. locks it).
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const plan = JSON.parse((await lines.next()).value);
const result = {};

if (plan.probe) {
  const native = await loadNativeKeyring();
  const reason = native.ok ? await probeKeyring(native.port, KEYRING_SERVICE) : native.reason;
  result.probe = { loaded: native.ok, usable: reason === undefined, reason: reason ?? null };
}

if (plan.open) {
  let store;
  try {
    store = await openSecretStore({ env: process.env, backend: plan.open.backend });
    result.open = { backend: store.backend, location: store.location, note: store.note ?? null };
  } catch (e) {
    result.open = { error: failure(e) };
  }
  result.ops = [];
  for (const step of store === undefined ? [] : (plan.ops ?? [])) {
    try {
      if (step.op === "set") {
        await store.set(step.id, step.token);
        result.ops.push({ op: "set", ok: true });
      } else if (step.op === "get") {
        const token = await store.get(step.id);
        result.ops.push({
          op: "get",
          ok: true,
          fingerprint: token === undefined ? null : fingerprint(token),
        });
      } else if (step.op === "delete") {
        result.ops.push({ op: "delete", ok: true, deleted: await store.delete(step.id) });
      } else if (step.op === "pause") {
        process.stdout.write("paused\n");
        await lines.next();
        result.ops.push({ op: "pause", ok: true });
      } else if (step.op === "list") {
        result.ops.push({ op: "list", ok: true, ids: await store.list() });
      } else {
        throw new Error(`unknown op ${step.op}`);
      }
    } catch (e) {
      result.ops.push({ op: step.op, ok: false, error: failure(e) });
    }
  }
}

process.stdout.write(`${JSON.stringify(result)}\n`);
lines.return?.();
process.stdin.destroy();
