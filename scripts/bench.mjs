// `npm run bench`: the gallery benchmark (needs `npm run build` first). Render timings: scripts/bench-simulator.ts.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["tsx", "scripts/bench-gallery.ts"], { stdio: "inherit" });
process.exit(result.status ?? 1);
