/** The one way a command that stored a server's token tells what became of the places it was pushed to. */

/** What a follow tells about one consumer (consumers/follow.ts `FollowReport`, or a fake's). */
export type FollowOutcome = { ok: boolean; message: string };

/** Colours for the marks; plain text by default. */
export type FollowMarks = { green: (text: string) => string; yellow: (text: string) => string };

const PLAIN: FollowMarks = { green: (text) => text, yellow: (text) => text };

/**
 * Calls `follow` (`tokenReplaced` over real or fake ports) for one stored token and prints one line per
 * consumer: ✔ for an updated one, a warning naming the fixing push for one that was not. It never throws:
 * an unreadable record of consumers is a warning, since the new token is stored and works.
 */
export async function followAndReport(
  server: { id: string; url: string; authUrl?: string | undefined },
  token: string,
  follow: (
    server: { id: string; url: string; authUrl?: string | undefined },
    token: string,
  ) => Promise<readonly FollowOutcome[]>,
  print: (text: string) => void,
  marks: FollowMarks = PLAIN,
): Promise<void> {
  let reports: readonly FollowOutcome[];
  try {
    reports = await follow(server, token);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    print(`  ${marks.yellow("warning:")} could not read where ${server.id}'s token was pushed (${why})\n`);
    return;
  }
  for (const r of reports) {
    print(r.ok ? `  ${marks.green("✔")} ${r.message}\n` : `  ${marks.yellow("warning:")} ${r.message}\n`);
  }
}
