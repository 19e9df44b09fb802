import type { CommandSpec } from "../../flags.js";

const INTRO = `Builds execution environments from an ansible-builder context without a token in the image: the
context's ansible-galaxy steps get the galaxy servers (tokens included) from a build secret mounted
into those RUN steps only. Your context is never changed: a rewritten copy is built.`;

/** `hub-setup ee build`. */
export const EE_BUILD = {
  name: "ee build",
  synopsis:
    "ee build [--context DIR] [--tag TAG] [--runtime buildah|podman|docker] [--allow-new-origin] [-- <runtime args>]",
  summary: "build an execution environment with the tokens as a build secret",
  usage: `Usage: hub-setup ee build [--context DIR] [--tag TAG] [--runtime buildah|podman|docker]
                          [--allow-new-origin] [-- <runtime args>]

${INTRO}

  --context DIR   the folder \`ansible-builder create\` wrote (default ./context)
  --tag TAG       the image name (default ansible-execution-env:latest, as ansible-builder)
  --runtime NAME  buildah (1.24+), podman (4.0+) or docker with BuildKit (buildx); default: the
                  first of these found here
  --allow-new-origin  send stored tokens to servers whose url or auth_url origin is not where the
                      token was verified (a moved hub), and bind them there at once (see docs: token binding)
  -- ARGS         passed to the runtime's build as given (e.g. -- --layers --pull=never)

Refuses a context that already carries a token (whatever hub-token-check's detector finds in any of
its text files: an ansible.cfg with one, an ARG/ENV default), before any build. Refreshes offline tokens first. The secret file lives in a private temp folder and is
deleted when the build ends, fails or is interrupted. Afterwards the image is exported and every
blob (config, history, layers) searched for the tokens: a token found exits 8.

Example: ansible-builder create && hub-setup ee build --tag my-ee:1.0
`,
  flags: {
    context: { type: "string" },
    tag: { type: "string" },
    runtime: { type: "string" },
    "allow-new-origin": { type: "boolean" },
  },
} as const satisfies CommandSpec;

/** `hub-setup ee prepare`. */
export const EE_PREPARE = {
  name: "ee prepare",
  synopsis: "ee prepare [--context DIR] [--out DIR] [--runtime buildah|podman|docker]",
  summary: "write the rewritten context for a build elsewhere, and print its build command",
  usage: `Usage: hub-setup ee prepare [--context DIR] [--out DIR] [--runtime buildah|podman|docker]

Writes a copy of the ansible-builder context whose ansible-galaxy steps read the galaxy servers from a
build secret, and prints how to make the secret file and the exact build command, for builds that run
elsewhere (CI, OpenShift). Writes no token.

  --context DIR   the folder \`ansible-builder create\` wrote (default ./context)
  --out DIR       where the copy goes; must not exist or be empty (default: DIR.hub-setup beside it)
  --runtime NAME  print only this runtime's command (default: all three)
`,
  flags: { context: { type: "string" }, out: { type: "string" }, runtime: { type: "string" } },
} as const satisfies CommandSpec;

/** `hub-setup ee secret`. */
export const EE_SECRET = {
  name: "ee secret",
  synopsis: "ee secret --out FILE [--allow-new-origin]",
  summary: "write the build secret file (the galaxy servers and their tokens)",
  usage: `Usage: hub-setup ee secret --out FILE [--allow-new-origin]

Writes the build secret \`ee prepare\`'s command mounts: the galaxy servers the ansible.cfg read here
lists, as ANSIBLE_GALAXY_SERVER_* lines, tokens from hub-setup's store (offline tokens refreshed
first). The file is written 0600; it holds tokens: keep it out of the build context and delete it
after the build.

  --allow-new-origin  send stored tokens to servers whose url or auth_url origin is not where the
                      token was verified (a moved hub), and bind them there at once (see docs: token binding)

  secret=$(mktemp) && hub-setup ee secret --out "$secret"
`,
  flags: { out: { type: "string" }, "allow-new-origin": { type: "boolean" } },
} as const satisfies CommandSpec;

/** `hub-setup ee`: the registry's entry. */
export const EE = {
  name: "ee",
  synopsis: "ee build|prepare|secret",
  summary: "build execution environments with the tokens as a build secret, never in the image",
  usage: `Usage: hub-setup ee <build|prepare|secret> [flags]

${INTRO}

  hub-setup ee build    ${EE_BUILD.summary}
  hub-setup ee prepare  ${EE_PREPARE.summary}
  hub-setup ee secret   ${EE_SECRET.summary}

\`hub-setup ee <command> --help\` for each one's flags.
`,
  flags: {},
} as const satisfies CommandSpec;
