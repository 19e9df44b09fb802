import type { FaultTarget, Faults } from "./types.js";

/** Which part of the sandbox a request belongs to, for matching fault targets. */
export type Scope = { area: "sso" | "cloud" | "private" | "controller" | "other"; download: boolean };

export type FaultSwitch = {
  set(faults: Partial<Faults>): void;
  clear(): void;
  /** The rule of this kind that applies to the request, counted as used; undefined when none. */
  take<K extends keyof Faults>(kind: K, scope: Scope): NonNullable<Faults[K]> | undefined;
};

export function createFaultSwitch(initial: Partial<Faults> = {}): FaultSwitch {
  let current: Partial<Faults> = { ...initial };
  return {
    set: (faults) => {
      current = { ...current, ...faults };
    },
    clear: () => {
      current = {};
    },
    take: (kind, scope) => {
      const rule = current[kind];
      if (rule === undefined) return undefined;
      const target: FaultTarget = "target" in rule ? rule.target : "download";
      if (!matches(target, scope)) return undefined;
      if (rule.times !== undefined) {
        if (rule.times <= 0) return undefined;
        const left = rule.times - 1;
        current = { ...current, [kind]: left > 0 ? { ...rule, times: left } : undefined };
      }
      return rule;
    },
  };
}

function matches(target: FaultTarget, scope: Scope): boolean {
  switch (target) {
    case "all":
      return true;
    case "hub":
      return scope.area === "cloud" || scope.area === "private";
    case "download":
      return scope.download;
    default:
      return target === scope.area;
  }
}
