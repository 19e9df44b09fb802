import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { inquirerPrompter } from "./inquirer.js";

/** A terminal made of two pipes: keys go in, the rendered screen text comes out. */
function fakeTerminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = "";
  output.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
  const type = (keys: string) => setImmediate(() => input.write(keys));
  return { input, output, type, screen: () => screen };
}

async function cancelCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(HubSetupError);
    return (error as HubSetupError).code;
  }
}

describe("the inquirer prompter", () => {
  it("masks a pasted token and returns it whole", async () => {
    const term = fakeTerminal();
    const prompter = inquirerPrompter(term);
    const answer = prompter.password({ message: "Paste the token" });
    term.type("0123456789abcdef0123456789abcdef01234567\r");
    expect(await answer).toBe("0123456789abcdef0123456789abcdef01234567");
    expect(term.screen()).toContain("Paste the token");
    expect(term.screen()).not.toContain("0123456789abcdef");
  });

  it("maps Ctrl-C to CANCELLED", async () => {
    const term = fakeTerminal();
    const answer = inquirerPrompter(term).input({ message: "Hub URL" });
    term.type("\x03");
    expect(await cancelCode(answer)).toBe("CANCELLED");
  });

  it("maps Esc to CANCELLED", async () => {
    const term = fakeTerminal();
    const answer = inquirerPrompter(term).confirm({ message: "Write it?" });
    term.type("\x1b");
    expect(await cancelCode(answer)).toBe("CANCELLED");
  });

  it("maps an outside abort (SIGINT between prompts) to CANCELLED", async () => {
    const term = fakeTerminal();
    const outside = new AbortController();
    const answer = inquirerPrompter({ ...term, signal: outside.signal }).select({
      message: "Which hub?",
      choices: [{ value: "cloud", name: "Red Hat" }],
    });
    setImmediate(() => outside.abort("SIGINT"));
    expect(await cancelCode(answer)).toBe("CANCELLED");
  });

  it("refuses a question asked after Ctrl-C, leaving the terminal's input paused so the process can exit", async () => {
    const term = fakeTerminal();
    const outside = new AbortController();
    outside.abort("SIGINT");
    const answer = inquirerPrompter({ ...term, signal: outside.signal }).select({
      message: "Where should the token live?",
      choices: [{ value: "file", name: "file" }],
    });
    expect(await cancelCode(answer)).toBe("CANCELLED");
    // A flowing stdin keeps Node's event loop alive: the wizard printed "Cancelled" and never exited.
    expect(term.input.readableFlowing).not.toBe(true);
    expect(term.input.listenerCount("data")).toBe(0);
    expect(term.screen()).not.toContain("Where should the token live?");
  });

  it("leaves the input paused after a question is answered", async () => {
    const term = fakeTerminal();
    const answer = inquirerPrompter(term).input({ message: "Hub URL" });
    term.type("x\r");
    expect(await answer).toBe("x");
    expect(term.input.readableFlowing).not.toBe(true);
  });

  it("selects with the arrow keys and re-asks when validation refuses", async () => {
    const term = fakeTerminal();
    const hub = inquirerPrompter(term).select({
      message: "Which hub?",
      choices: [
        { value: "cloud", name: "Red Hat Automation Hub" },
        { value: "private", name: "A private automation hub" },
      ],
    });
    term.type("\x1b[B\r");
    expect(await hub).toBe("private");
    // inquirer ends its output stream after each prompt, so the next prompt gets a fresh terminal
    const next = fakeTerminal();
    const url = inquirerPrompter(next).input({
      message: "URL",
      validate: (v) => (v.startsWith("https://") ? true : "needs https://"),
    });
    next.type("ftp://x\r");
    await expect.poll(() => next.screen(), { timeout: 5000 }).toContain("needs https://");
    next.type("\x15https://hub.example.com\r");
    expect(await url).toBe("https://hub.example.com");
  });

  it("echoes only dots and the length of a secret, and clears a refused one so the next paste starts afresh", async () => {
    const term = fakeTerminal();
    const secret = inquirerPrompter(term).password({
      message: "Paste the token",
      help: "Ctrl-U clears",
      validate: (v) => (v.length === 40 ? true : `that is ${v.length} characters, not 40`),
    });
    await expect.poll(() => term.screen(), { timeout: 5000 }).toContain("Ctrl-U clears");
    term.type("wrongwrongwrongwrong");
    await expect.poll(() => term.screen(), { timeout: 5000 }).toContain("●●●●●● 20 characters");
    term.type("\r");
    await expect.poll(() => term.screen(), { timeout: 5000 }).toContain("that is 20 characters, not 40");
    expect(term.screen()).toContain("The field is cleared: paste the token again.");
    // The refused value is gone: this paste is the whole answer, not appended to the old one.
    term.type("0123456789abcdef0123456789abcdef01234567\r");
    expect(await secret).toBe("0123456789abcdef0123456789abcdef01234567");
    expect(term.screen()).toContain("●●●●●● 40 characters");
    expect(term.screen()).not.toContain("wrongwrong");
    expect(term.screen()).not.toContain("0123456789ab");
  });
});
