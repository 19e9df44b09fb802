// SSO refresh cost: refreshOfflineToken over createHttp against a local Red Hat SSO stand-in, as a
// ratio to a bare undici POST (request()) of the same body to the same server, in the same run; then
// the same against undici's handler interface, which our adapter uses (our layers' own cost). Then 200 servers
// (200 stand-ins on their own ports) refreshed with a bound of 16 at a time, against 200 bare requests
// at the same bound. Everything is on 127.0.0.1 and every server is closed at the end.
import { Buffer } from "node:buffer";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { Agent, request } from "undici";
import { refreshOfflineToken } from "../packages/core/dist/index.js";
import { createHttp, mapWithConcurrency, nodeClock } from "../packages/core/dist/node/index.js";
import { compareFunctions, report, median } from "./lib.mjs";

const b64 = (o) => Buffer.from(typeof o === "string" ? o : JSON.stringify(o)).toString("base64url");
const ISS = "https://sso.redhat.com/auth/realms/redhat-external";
const head = b64('{"alg":"HS256","typ" : "JWT","kid" : "bench"}');
const body = b64({
  iat: 1767225600,
  iss: ISS,
  aud: ISS,
  typ: "Offline",
  azp: "cloud-services",
  sub: "f:bench:user",
  scope: "openid offline_access",
});
const token = `${head}.${body}.${createHmac("sha256", "bench").update(`${head}.${body}`).digest("base64url")}`;
const answer = JSON.stringify({
  access_token: `${head}.${b64({ typ: "Bearer", exp: 1 })}.sig`,
  expires_in: 900,
  token_type: "Bearer",
  refresh_expires_in: 0,
});
const PATH = "/auth/realms/redhat-external/protocol/openid-connect/token";

function startSso() {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () =>
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(answer),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${server.address().port}${PATH}` }),
    ),
  );
}

const form = `grant_type=refresh_token&client_id=cloud-services&refresh_token=${token}`;
async function bare(dispatcher, url) {
  const res = await request(url, {
    method: "POST",
    dispatcher,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  return JSON.parse(await res.body.text());
}
// The cheapest way undici itself can make the same POST: its handler interface (dispatcher.dispatch), no
// response stream. Our adapter is built on that interface, so this line shows what our own layers
// (refreshOfflineToken, retries, deadline, scrubbing, the adapter) cost on top of undici, which the
// line against request() no longer can. Informational: no aim.
function bareDispatch(dispatcher, url) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks = [];
    dispatcher.dispatch(
      {
        origin: u.origin,
        path: u.pathname,
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
      },
      {
        onRequestStart() {},
        onResponseStart() {},
        onResponseData(_c, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        },
        onResponseError(_c, error) {
          reject(error);
        },
      },
    );
  });
}
async function ours(http, url) {
  const r = await refreshOfflineToken({ token, authUrl: url, http, clock: nodeClock });
  if (!r.ok) throw new Error(r.message);
  return r;
}

// 1. One round-trip, 50 in a row per sample.
const one = await startSso();
const agent = new Agent();
const http = createHttp({ env: {} });
const BATCH = 50;
await compareFunctions({
  name: `refresh round-trip x${BATCH} (refreshOfflineToken+createHttp vs bare undici POST)`,
  baseline: async () => {
    for (let i = 0; i < BATCH; i++) await bare(agent, one.url);
  },
  subject: async () => {
    for (let i = 0; i < BATCH; i++) await ours(http, one.url);
  },
  runs: 60,
  aim: 1.2,
});
await compareFunctions({
  name: `refresh round-trip x${BATCH} (refreshOfflineToken+createHttp vs bare undici dispatch, no stream)`,
  baseline: async () => {
    for (let i = 0; i < BATCH; i++) await bareDispatch(agent, one.url);
  },
  subject: async () => {
    for (let i = 0; i < BATCH; i++) await ours(http, one.url);
  },
  runs: 60,
});
await http.close();
await agent.close();
one.server.close();

// 2. 200 servers, at most 16 at a time, fresh clients each run (so connections are opened as in real use).
const SERVERS = 200;
const LIMIT = 16;
const many = await Promise.all(Array.from({ length: SERVERS }, startSso));
const urls = many.map((s) => s.url);
const base = [];
const subj = [];
const RUNS = 12;
for (let run = 0; run < RUNS; run++) {
  const a = new Agent();
  let t = performance.now();
  await mapWithConcurrency(urls, LIMIT, (url) => bare(a, url));
  base.push(performance.now() - t);
  await a.close();
  const h = createHttp({ env: {} });
  t = performance.now();
  const results = await mapWithConcurrency(urls, LIMIT, (url) => ours(h, url));
  subj.push(performance.now() - t);
  if (results.length !== SERVERS) throw new Error("not every server was refreshed");
  await h.close();
}
report({
  name: `${SERVERS} servers refreshed, ${LIMIT} at a time (vs ${SERVERS} bare POSTs at ${LIMIT})`,
  baselineMs: median(base),
  subjectMs: median(subj),
  aim: 1.2,
  runs: RUNS,
});
for (const s of many) s.server.close();
