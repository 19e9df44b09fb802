import { describe, expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { CANCEL, DEFAULT, recordingSpinner, scriptedPrompter } from "./scripted.js";

const hubChoices = [
  { value: "cloud", name: "Red Hat" },
  { value: "private", name: "Private" },
];

describe("the scripted prompter", () => {
  it("answers by the start of the question text and records what was asked", async () => {
    const p = scriptedPrompter({ "Which hub": "private", "Hub URL": DEFAULT, Write: true });
    expect(await p.select({ message: "Which hub do you use?", choices: hubChoices })).toBe("private");
    expect(await p.input({ message: "Hub URL (https://…)", default: "https://x" })).toBe("https://x");
    expect(await p.confirm({ message: "Write ~/.ansible.cfg?" })).toBe(true);
    expect(p.asked.map((q) => q.kind)).toEqual(["select", "input", "confirm"]);
    p.verify();
  });

  it("fails on an unexpected question", async () => {
    const p = scriptedPrompter({});
    await expect(p.confirm({ message: "Replace it?" })).rejects.toThrow(
      /unexpected confirm question: "Replace it\?"/,
    );
    expect(() => p.verify()).toThrow(/unexpected confirm/);
  });

  it("fails on answers never used", () => {
    const p = scriptedPrompter({ "Which hub": "cloud" });
    expect(() => p.verify()).toThrow(/never used: "Which hub"/);
  });

  it("fails on a choice the select does not offer", async () => {
    const p = scriptedPrompter({ "Which hub": "galaxy" });
    await expect(p.select({ message: "Which hub?", choices: hubChoices })).rejects.toThrow(
      /offers cloud, private/,
    );
  });

  it("re-asks when validation refuses, like the terminal does", async () => {
    const p = scriptedPrompter({ Paste: { each: ["bad", "good"] } });
    const answer = await p.password({
      message: "Paste the token",
      validate: (v) => (v === "good" ? true : "not a token"),
    });
    expect(answer).toBe("good");
    expect(p.refusals).toEqual(["not a token"]);
    p.verify();
  });

  it("presses Ctrl-C where the script says CANCEL", async () => {
    const p = scriptedPrompter({ "Which hub": CANCEL });
    const error = await p.select({ message: "Which hub?", choices: hubChoices }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSetupError);
    expect((error as HubSetupError).code).toBe("CANCELLED");
  });

  it("fails when a question is asked more often than scripted", async () => {
    const p = scriptedPrompter({ Retry: true });
    await p.confirm({ message: "Retry?" });
    await expect(p.confirm({ message: "Retry?" })).rejects.toThrow(/more often than scripted/);
  });

  it("records spinner texts", async () => {
    const spinner = recordingSpinner();
    expect(await spinner.spin("Checking", async () => 7)).toBe(7);
    expect(spinner.texts).toEqual(["Checking"]);
  });
});
