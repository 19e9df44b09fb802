// The native module's failures, as @napi-rs/keyring 2.1.2 words them on Debian 12 (captured from the
// real-keyring tests and a bus without gnome-keyring), turned into a reason and what to do.
import { describe, expect, it } from "vitest";
import { keyringProblem } from "../../src/node/store/keyring-store.js";

describe("keyringProblem", () => {
  it("a locked keyring: says it is locked and how to unlock it", () => {
    const raw = "Couldn't access platform storage: Secret Service: unlock prompt was dismissed";
    const { reason, hint } = keyringProblem(raw);
    expect(reason).toBe(`it is locked (${raw})`);
    expect(hint).toMatch(
      /^unlock it \(.*gnome-keyring-daemon --unlock.*\), then run this again; or keep tokens in a 0600 file .*\(--store file\)$/,
    );
  });

  it("a bus without a keyring service: says none runs and how to start one", () => {
    const raw =
      "Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files";
    const { reason, hint } = keyringProblem(raw);
    expect(reason).toBe(`no keyring service (such as gnome-keyring) runs on the D-Bus session bus (${raw})`);
    expect(hint).toContain("gnome-keyring-daemon --unlock --components=secrets");
  });

  it("no session bus (dead socket, or no address at all): says so and names dbus-run-session", () => {
    for (const raw of [
      "Platform failure: DBus error: Failed to connect to socket /tmp/x/no-bus-here: No such file or directory",
      "Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead",
    ]) {
      const { reason, hint } = keyringProblem(raw);
      expect(reason).toBe(`no D-Bus session bus answers, so the keyring cannot be reached (${raw})`);
      expect(hint).toContain("dbus-run-session");
    }
  });

  it("anything else: the module's own words, and the file store as the way out", () => {
    const raw = "Couldn't access platform storage: AccessDenied";
    expect(keyringProblem(raw)).toEqual({
      reason: raw,
      hint: "unlock or repair the keyring, or keep tokens in a 0600 file under $XDG_CONFIG_HOME/hub-setup instead (--store file)",
    });
  });
});
