/* eslint-disable no-var -- globals are declared with `declare var`, as in TypeScript's own lib files */
/**
 * The WHATWG globals the pure core uses, declared for tsconfig.pure.json only (which has no lib "DOM" and
 * no @types/node: both would also bring timers, and @types/node brings Buffer and process). Every
 * runtime the core targets provides these: Node, Deno, Bun and browsers. Only the members we call are
 * declared; adding one here is a deliberate act, reviewed like a dependency. Not part of the build: the
 * real declarations come from @types/node there.
 */

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

interface URLSearchParams {
  get(name: string): string | null;
  has(name: string): boolean;
}

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string, base?: string): URL };

interface TextDecoder {
  decode(input?: Uint8Array): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
