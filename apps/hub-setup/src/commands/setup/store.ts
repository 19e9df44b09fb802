import { HubSetupError } from "@hub-setup/core";
import type { Choice } from "../../prompter/prompter.js";
import { STORES, type SetupOptions, type StoreChoice } from "./options.js";
import type { SetupDeps } from "./deps.js";
import type { StoreBackend } from "../../ports.js";

export type StorePlan = { choice: StoreChoice; location: string };

const PLAINTEXT_WARNING =
  "the token will be written in ansible.cfg in plain text: anyone who can read that file, or a git commit of it, can use it (hub-token-check flags it)";

/**
 * The probe's reason without core's own "the OS keyring cannot be used here:" lead (the line says it
 * already), and a D-Bus failure said in words: no Secret Service (keyring daemon) answers here.
 */
export function plainReason(reason: string): string {
  const bare = reason.replace(/^the OS keyring cannot be used here:\s*/i, "");
  return /dbus|d-bus|platform failure/i.test(bare)
    ? `no keyring service (Secret Service over D-Bus) answers in this session (${bare})`
    : bare;
}

/** Step 4: where the token lives. Probing writes nothing; the store is opened only after the final confirm. */
export async function chooseStore(opts: SetupOptions, deps: SetupDeps): Promise<StorePlan> {
  const allowed = deps.defaults?.stores ?? STORES;
  const probes = new Map<StoreBackend, Awaited<ReturnType<SetupDeps["ports"]["probeStore"]>>>();
  for (const backend of ["keyring", "file"] as const) {
    if (allowed.includes(backend)) probes.set(backend, await deps.ports.probeStore(backend));
  }
  const usable = (c: StoreChoice): boolean => c === "plaintext" || probes.get(c)?.ok === true;
  const location = (c: StoreChoice): string => {
    const probe = c === "plaintext" ? undefined : probes.get(c);
    return probe?.ok === true ? probe.location : "ansible.cfg";
  };
  let choice = opts.store;
  if (choice !== undefined && !allowed.includes(choice)) {
    throw new HubSetupError(
      "USAGE",
      `--store ${choice} is not offered here; choose one of ${allowed.join(", ")}`,
    );
  }
  if (choice !== undefined && !usable(choice)) {
    const probe = probes.get(choice as StoreBackend);
    throw new HubSetupError(
      "STORE_UNAVAILABLE",
      `the ${choice} store cannot be used here: ${probe?.ok === false ? plainReason(probe.reason) : "unknown reason"}`,
      {
        hint: "pass --store file to keep the token in a 0600 credentials file instead",
      },
    );
  }
  const preferred =
    (["keyring", "file"] as const).find((c) => allowed.includes(c) && usable(c)) ?? "plaintext";
  if (choice === undefined && opts.interactive) {
    const describe: Record<StoreChoice, string> = {
      keyring: "the system keyring",
      file: "a credentials file only you can read (0600)",
      plaintext: "in ansible.cfg itself, in plain text (not recommended)",
    };
    const choices: Choice<StoreChoice>[] = allowed.filter(usable).map((c) => ({
      value: c,
      name: `${c}: ${describe[c]}`,
      description: c === "plaintext" ? PLAINTEXT_WARNING : location(c),
    }));
    const unusable = allowed.filter((c) => !usable(c));
    for (const c of unusable) {
      const probe = probes.get(c as StoreBackend);
      if (probe?.ok === false) deps.print(`  (${c}: not available here: ${plainReason(probe.reason)})\n`);
    }
    choice = await deps.prompter.select({
      message: "Where should the token be kept?",
      choices,
      default: preferred,
    });
  }
  choice ??= preferred;
  if (choice === "plaintext") deps.print(`  ${deps.style.yellow("warning:")} ${PLAINTEXT_WARNING}\n`);
  else deps.print(`  Tokens go to the ${choice} store: ${location(choice)}\n`);
  return { choice, location: location(choice) };
}
