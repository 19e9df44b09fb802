// Reading the galaxy servers of an ansible.cfg with a huge server_list (issue #16 item 12: 10k/30k/100k
// ids took 6.6/16.4/26.6 s in `status --offline`, quadratic). Baseline: parsing the same file, which is
// linear; subject: readGalaxyServers on the parsed file (servers resolved, problems found). If reading is
// linear too, the ratio stays about the same from 10k to 100k; a quadratic step makes it grow ~10×.
import { parseAnsibleConfig, readGalaxyServers } from "../packages/core/dist/index.js";
import { compareFunctions } from "./lib.mjs";

/** n listed ids: a third with a section and url, a third with a section without url, a third with none. */
function config(n) {
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  const lines = ["[galaxy]", `server_list = ${ids.join(", ")}`];
  ids.forEach((id, i) => {
    if (i % 3 === 1) lines.push(`[galaxy_server.${id}]`, `url = https://hub.example.com/${id}/`);
    if (i % 3 === 2) lines.push(`[galaxy_server.${id}]`, "token = x");
  });
  return `${lines.join("\n")}\n`;
}

const ratios = [];
let sink = 0;
for (const n of [10_000, 30_000, 100_000]) {
  const text = config(n);
  const parsed = parseAnsibleConfig(text);
  if (!parsed.ok) throw parsed.error;
  const { config: cfg } = parsed;
  // Sanity: what is timed finds every server and every problem.
  const view = readGalaxyServers(cfg, {});
  if (view.servers.length !== n || view.problems.length !== Math.ceil(n / 3) + Math.floor(n / 3)) {
    throw new Error(
      `readGalaxyServers gave ${view.servers.length} servers, ${view.problems.length} problems`,
    );
  }
  const { ratio } = await compareFunctions({
    name: `readGalaxyServers vs parseAnsibleConfig, server_list of ${n.toLocaleString("en")} ids`,
    baseline: () => {
      const p = parseAnsibleConfig(text);
      sink += p.ok ? 1 : 0;
    },
    subject: () => {
      sink += readGalaxyServers(cfg, {}).problems.length;
    },
    runs: n >= 100_000 ? 5 : 9,
  });
  ratios.push(ratio);
}
if (sink === 0) throw new Error("nothing was read");
const growth = ratios[2] / ratios[0];
console.log(
  `growth of the ratio from 10k to 100k ids: ${growth.toFixed(2)}× (linear ≈ 1; quadratic ≈ 10)${growth <= 2 ? "  (aim ≤ 2: ok)" : "  (aim ≤ 2: MISSED)"}`,
);
