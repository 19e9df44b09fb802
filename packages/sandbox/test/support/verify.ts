import { verifyHub, type HubServer, type VerifyResult } from "@hub-setup/core";
import { createHttp, nodeClock } from "@hub-setup/core/node";

/** core's live check, as the wizard runs it, over undici with no proxy from the caller's env. */
export async function verify(server: HubServer, token: string): Promise<VerifyResult> {
  const http = createHttp({ env: {} });
  try {
    return await verifyHub({ server, token, http, clock: nodeClock });
  } finally {
    await http.close();
  }
}
