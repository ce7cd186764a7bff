// Entry of bin/tsspark-bench.mjs (run by tsspark-submit): `tsspark-bench tpch gen|run …`.
import { tpchCli } from './cli.js';

process.exitCode = await tpchCli(process.argv.slice(2));
