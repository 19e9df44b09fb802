import { resolve } from "node:path";
import { EXIT } from "../../exit-codes.js";
import { parseFlags, usageError } from "../../flags.js";
import { pathFlag } from "./args.js";
import type { EeDeps } from "./deps.js";
import { secretForBuild } from "./secret-file.js";
import { EE_SECRET } from "../specs.js";

/** `ee secret --out FILE`: the build secret for a build run elsewhere, written 0600 (never to stdout). */
export async function runSecret(argv: readonly string[], deps: EeDeps): Promise<number> {
  const { values } = parseFlags(EE_SECRET, argv);
  if (values.help === true) {
    deps.stdout(EE_SECRET.usage);
    return EXIT.OK;
  }
  const outFlag = pathFlag(EE_SECRET, "out", values.out);
  if (outFlag === undefined) {
    throw usageError(
      EE_SECRET,
      "--out FILE is required: the file holds tokens, so it is never printed",
      'e.g. secret=$(mktemp) && hub-setup ee secret --out "$secret"',
    );
  }
  const out = resolve(deps.cwd, outFlag);
  const { plan, text } = await secretForBuild(deps, "ee secret", values["allow-new-origin"] === true);
  await deps.files.writeFile(out, text, 0o600);
  deps.stdout(
    `wrote ${out} (0600): ${plan.servers.map((s) => s.id).join(", ")}; it holds tokens: delete it after the build\n`,
  );
  return EXIT.OK;
}
