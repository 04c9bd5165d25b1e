// `npm run bench`: figures against budgets. Needs a production build (`npm run build`).
// For now it measures first-load JavaScript; the load, latency and memory figures come with issue 10.
import { benchFirstLoad, printFirstLoad } from "./bench-first-load.mjs";

const rows = await benchFirstLoad();
printFirstLoad(rows);
process.exitCode = rows.every((row) => row.holds) ? 0 : 1;
