import { describe, expect, it } from "vitest";
import { buildCommand, runtimeSupport } from "./runtime.js";

describe("runtimeSupport", () => {
  it.each([
    ["buildah version 1.28.2 (image-spec 1.0.2-dev, runtime-spec 1.0.2-dev)", true, "1.28.2"],
    ["buildah version 1.24.0 (image-spec 1.0.2)", true, "1.24.0"],
    ["buildah version 1.23.1 (image-spec 1.0.1)", false, "1.24"],
  ])("buildah: %s → %s", (versionText, ok, said) => {
    const support = runtimeSupport({ name: "buildah", found: true, versionText });
    expect(support.ok).toBe(ok);
    expect(support.ok ? support.version : support.reason).toContain(said);
  });
  it("refuses podman 3 and takes podman 4", () => {
    expect(runtimeSupport({ name: "podman", found: true, versionText: "podman version 3.4.4" })).toEqual({
      ok: false,
      reason: "podman 3.4.4 cannot mount build secrets into RUN steps (podman 4.0 or later can)",
    });
    expect(runtimeSupport({ name: "podman", found: true, versionText: "podman version 4.3.1" }).ok).toBe(
      true,
    );
  });
  it("refuses docker without BuildKit, saying why build args are no way out", () => {
    const support = runtimeSupport({
      name: "docker",
      found: true,
      versionText: "Docker version 20.10.5",
      buildkit: false,
    });
    expect(support.ok).toBe(false);
    expect(!support.ok && support.reason).toMatch(/legacy builder cannot mount build secrets.*image history/);
    expect(
      runtimeSupport({
        name: "docker",
        found: true,
        versionText: "Docker version 27.1.1, build 6312585",
        buildkit: true,
      }),
    ).toEqual({ ok: true, version: "27.1.1" });
  });
  it("says when a runtime is missing or its version unreadable", () => {
    expect(runtimeSupport({ name: "podman", found: false })).toEqual({
      ok: false,
      reason: "podman is not installed (not found on PATH)",
    });
    expect(runtimeSupport({ name: "buildah", found: true, versionText: "??" }).ok).toBe(false);
  });
});

describe("buildCommand", () => {
  const request = {
    containerfile: "/t/ctx/Containerfile",
    context: "/t/ctx",
    tag: "ee:1",
    secretId: "hub-setup-galaxy",
    secretFile: "/t/secret.env",
    extra: ["--layers"],
  };
  it("passes the secret by file for each runtime, the user's arguments before the context", () => {
    const secret = [
      "--secret",
      "id=hub-setup-galaxy,src=/t/secret.env",
      "-f",
      "/t/ctx/Containerfile",
      "-t",
      "ee:1",
    ];
    expect(buildCommand("buildah", request)).toEqual({
      command: "buildah",
      args: ["bud", ...secret, "--layers", "/t/ctx"],
    });
    expect(buildCommand("podman", request)).toEqual({
      command: "podman",
      args: ["build", ...secret, "--layers", "/t/ctx"],
    });
    expect(buildCommand("docker", request)).toEqual({
      command: "docker",
      args: ["buildx", "build", "--load", ...secret, "--layers", "/t/ctx"],
    });
  });
});
