import { EeContextError } from "./errors.js";
import { parseContainerfile, type ContainerfileLines, type Instruction } from "./instructions.js";
import { parseRunLine, unwrapRunLine, wrappedSecretId } from "./run-step.js";

/**
 * Which ansible-builder wrote a Containerfile, told by the shape of its galaxy stage (see
 * packages/core/docs/ee.md for the source each marker comes from):
 * - 3.1: `FROM base AS galaxy` (or `as`), `RUN /output/scripts/check_galaxy`, `RUN mkdir -p /usr/share/ansible`
 * - 3.0: the same stage without the mkdir step
 * - 1.x-2.x: `FROM $EE_BASE_IMAGE as galaxy` with `ADD _build /build` (or COPY)
 */
export type BuilderFamily = "ansible-builder-3.1" | "ansible-builder-3.0" | "ansible-builder-1.x-2.x";

export type GalaxyInstallStep = {
  /** What the RUN installs: the generated role or collection step, or another ansible-galaxy call. */
  kind: "collection" | "role" | "other";
  /** The stage the step is in (its `AS` name), or undefined in an unnamed stage. */
  stage: string | undefined;
  /** 1-based physical lines of the instruction. */
  firstLine: number;
  lastLine: number;
  /** The secret id when the step already carries our wrapper. */
  wrappedWith: string | undefined;
};

export type RecognisedContainerfile = {
  ok: true;
  family: BuilderFamily;
  /** Every RUN that calls ansible-galaxy install/download/verify: each needs the servers' credentials. */
  installSteps: GalaxyInstallStep[];
  /** The `# syntax=` directive at the top, if any. */
  syntax: string | undefined;
};

export type ContainerfileAnalysis = RecognisedContainerfile | { ok: false; error: EeContextError };

const EXPECTED =
  "a Containerfile written by `ansible-builder create` (3.0 or 3.1): a stage `FROM base AS galaxy` that runs " +
  '`ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml --collections-path "/usr/share/ansible/collections"`';

const FROM = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?\s*$/i;
const GALAXY_CALL = /\bansible-galaxy\b[^;&|]*?\b(?:install|download|verify)\b/;
const GENERATED_COLLECTION =
  /^(?:ANSIBLE_GALAXY_DISABLE_GPG_VERIFY=1 )?ansible-galaxy collection install \$ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements\.yml --collections-path "?\/usr\/share\/ansible\/collections"?(?: |$)/;
const GENERATED_ROLE =
  /^ansible-galaxy role install (?:\$ANSIBLE_GALAXY_CLI_ROLE_OPTS )?-r requirements\.yml --roles-path "?\/usr\/share\/ansible\/roles"?$/;

type Stage = { name: string | undefined; from: string; line: number; instructions: Instruction[] };

function stagesOf(parsed: ContainerfileLines): Stage[] {
  const stages: Stage[] = [];
  for (const ins of parsed.instructions) {
    if (ins.keyword === "FROM") {
      const m = FROM.exec(ins.joined);
      stages.push({ name: m?.[2]?.toLowerCase(), from: m?.[1] ?? "", line: ins.first + 1, instructions: [] });
    } else {
      stages[stages.length - 1]?.instructions.push(ins);
    }
  }
  return stages;
}

/** A RUN's shell command (continuations joined) with our wrapper taken off; undefined for a non-RUN. */
function commandOf(ins: Instruction): string | undefined {
  if (ins.keyword !== "RUN") return undefined;
  const unwrapped = unwrapRunLine(ins.joined);
  const run = parseRunLine(unwrapped);
  return run === undefined || run.commandStart < 0 ? "" : unwrapped.slice(run.commandStart).trim();
}

function familyOf(galaxy: Stage): BuilderFamily | EeContextError {
  const has = (re: RegExp): boolean => galaxy.instructions.some((ins) => re.test(ins.joined.trim()));
  if (galaxy.from === "base") {
    if (!has(/^RUN \/output\/scripts\/check_galaxy$/)) {
      return new EeContextError(
        "GALAXY_STAGE_SHAPE",
        "not an ansible-builder context we recognise: the galaxy stage does not run /output/scripts/check_galaxy",
        EXPECTED,
        galaxy.line,
      );
    }
    return has(/^RUN mkdir -p \/usr\/share\/ansible$/) ? "ansible-builder-3.1" : "ansible-builder-3.0";
  }
  if (galaxy.from === "$EE_BASE_IMAGE" && has(/^(?:ADD|COPY) _build \/build$/))
    return "ansible-builder-1.x-2.x";
  return new EeContextError(
    "GALAXY_STAGE_SHAPE",
    `not an ansible-builder context we recognise: the galaxy stage starts FROM ${galaxy.from || "(nothing)"}, not FROM base`,
    EXPECTED,
    galaxy.line,
  );
}

export function analyzeContainerfile(text: string): ContainerfileAnalysis {
  const parsed = parseContainerfile(text);
  const fail = (error: EeContextError): ContainerfileAnalysis => ({ ok: false, error });
  if (parsed.instructions.length === 0) {
    return fail(
      new EeContextError(
        "EMPTY",
        "not an ansible-builder context we recognise: the Containerfile has no instructions",
        EXPECTED,
      ),
    );
  }
  const stages = stagesOf(parsed);
  const galaxy = stages.find((s) => s.name === "galaxy");
  if (galaxy === undefined) {
    return fail(
      new EeContextError(
        "NO_GALAXY_STAGE",
        "not an ansible-builder context we recognise: there is no `galaxy` stage (ansible-builder writes one only when the EE definition lists galaxy dependencies, and only that stage needs a hub)",
        EXPECTED,
      ),
    );
  }
  const family = familyOf(galaxy);
  if (family instanceof EeContextError) return fail(family);

  const installSteps: GalaxyInstallStep[] = [];
  let generatedCollection = false;
  for (const stage of stages) {
    for (const ins of stage.instructions) {
      const command = commandOf(ins);
      if (command === undefined || !GALAXY_CALL.test(command)) continue;
      const firstText = parsed.lines[ins.first]?.text ?? "";
      if (command.startsWith("[")) {
        return fail(
          new EeContextError(
            "EXEC_FORM_RUN",
            "an ansible-galaxy RUN step is in exec form (JSON), which cannot take the secret's variables",
            "a shell-form RUN (`RUN ansible-galaxy …`)",
            ins.first + 1,
          ),
        );
      }
      if ((parseRunLine(unwrapRunLine(firstText))?.commandStart ?? -1) < 0) {
        return fail(
          new EeContextError(
            "COMMAND_NOT_ON_RUN_LINE",
            "an ansible-galaxy RUN step starts its command on a continuation line",
            "the command to start on the RUN line itself",
            ins.first + 1,
          ),
        );
      }
      const inGalaxy = stage === galaxy;
      const kind =
        inGalaxy && GENERATED_COLLECTION.test(command)
          ? "collection"
          : inGalaxy && GENERATED_ROLE.test(command)
            ? "role"
            : "other";
      if (kind === "collection") generatedCollection = true;
      installSteps.push({
        kind,
        stage: stage.name,
        firstLine: ins.first + 1,
        lastLine: ins.last + 1,
        wrappedWith: wrappedSecretId(firstText),
      });
    }
  }
  if (!generatedCollection) {
    return fail(
      new EeContextError(
        "NO_COLLECTION_INSTALL",
        "not an ansible-builder context we recognise: the galaxy stage has no `ansible-galaxy collection install … -r requirements.yml` step as ansible-builder writes it",
        EXPECTED,
        galaxy.line,
      ),
    );
  }
  return { ok: true, family, installSteps, syntax: parsed.syntax };
}
