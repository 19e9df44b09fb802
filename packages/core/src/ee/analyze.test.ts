import { describe, expect, it } from "vitest";
import { analyzeContainerfile } from "./analyze.js";

// ansible-builder 1.x/2.x wrote this shape (a galaxy stage straight from the base image, ADD _build).
const legacy = `ARG EE_BASE_IMAGE=quay.io/ansible/ansible-runner:latest
ARG EE_BUILDER_IMAGE=quay.io/ansible/ansible-builder:latest

FROM $EE_BASE_IMAGE as galaxy
ARG ANSIBLE_GALAXY_CLI_COLLECTION_OPTS=
ARG ANSIBLE_GALAXY_CLI_ROLE_OPTS=
USER root

ADD _build /build
WORKDIR /build

RUN ansible-galaxy role install $ANSIBLE_GALAXY_CLI_ROLE_OPTS -r requirements.yml --roles-path "/usr/share/ansible/roles"
RUN ANSIBLE_GALAXY_DISABLE_GPG_VERIFY=1 ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml --collections-path "/usr/share/ansible/collections"

FROM $EE_BUILDER_IMAGE as builder
COPY --from=galaxy /usr/share/ansible /usr/share/ansible
`;

const galaxy30 = (installs: string): string => `FROM quay.io/x/y AS base
FROM base as galaxy
RUN /output/scripts/check_galaxy
COPY _build /build
WORKDIR /build
${installs}
FROM base as final
COPY --from=galaxy /usr/share/ansible /usr/share/ansible
`;
const collection =
  'RUN ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml --collections-path "/usr/share/ansible/collections" --keyring "keyring.gpg"';

describe("analyzeContainerfile", () => {
  it("recognises the 1.x/2.x shape", () => {
    const a = analyzeContainerfile(legacy);
    expect(a.ok && a.family).toBe("ansible-builder-1.x-2.x");
    expect(a.ok && a.installSteps.map((s) => s.kind)).toEqual(["role", "collection"]);
  });

  it("recognises a keyring build (no DISABLE_GPG_VERIFY prefix, options after the path) as 3.0", () => {
    const a = analyzeContainerfile(galaxy30(collection));
    expect(a.ok && a.family).toBe("ansible-builder-3.0");
    expect(a.ok && a.installSteps).toEqual([
      { kind: "collection", stage: "galaxy", firstLine: 6, lastLine: 6, wrappedWith: undefined },
    ]);
  });

  it("tells 3.1 from 3.0 by the mkdir step, whatever the case of AS", () => {
    const a = analyzeContainerfile(galaxy30(`RUN mkdir -p /usr/share/ansible\n${collection}`));
    expect(a.ok && a.family).toBe("ansible-builder-3.1");
  });

  it("reports an already wrapped step with its secret id", () => {
    const wrapped = collection.replace(
      "RUN ",
      "RUN --mount=type=secret,id=s1,required=true set -a && . /run/secrets/s1 && set +a && ",
    );
    const a = analyzeContainerfile(galaxy30(wrapped));
    expect(a.ok && a.installSteps[0]?.wrappedWith).toBe("s1");
  });

  it.each([
    ["an empty file", "", "EMPTY"],
    ["a file of comments", "# syntax=docker/dockerfile:1\n# nothing\n", "EMPTY"],
    ["no galaxy stage", "FROM x\nRUN ansible-galaxy collection install -r r.yml\n", "NO_GALAXY_STAGE"],
    ["a galaxy stage from elsewhere", "FROM ubi9 AS galaxy\n" + collection + "\n", "GALAXY_STAGE_SHAPE"],
    [
      "no check_galaxy",
      galaxy30(collection).replace("RUN /output/scripts/check_galaxy\n", ""),
      "GALAXY_STAGE_SHAPE",
    ],
    [
      "no generated collection step",
      galaxy30("RUN ansible-galaxy collection install -r other.yml"),
      "NO_COLLECTION_INSTALL",
    ],
    [
      "the collection step outside the galaxy stage",
      galaxy30("") + collection + "\n",
      "NO_COLLECTION_INSTALL",
    ],
  ])("refuses %s, saying what it expected", (_what, text, problem) => {
    const a = analyzeContainerfile(text);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.error.problem).toBe(problem);
    expect(a.error.code).toBe("EE_CONTEXT");
    expect(a.error.hint).toContain("ansible-builder create");
  });

  it("does not count comment lines inside a continued instruction", () => {
    const text = galaxy30(
      `RUN echo a && \\\n# RUN ansible-galaxy collection install -r x.yml\n    echo b\n${collection}`,
    );
    const a = analyzeContainerfile(text);
    expect(a.ok && a.installSteps.map((s) => s.firstLine)).toEqual([9]);
  });
});
