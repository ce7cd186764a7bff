// Preloaded (node --import) into executor processes a worker starts, as Spark's WorkerWatcher: when the worker
// process dies (even by SIGKILL), the executor notices it was re-parented and exits, so no orphan keeps running.
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid !== parent) {
    process.stderr.write(`executor: worker process ${parent} is gone; exiting\n`);
    process.exit(1);
  }
}, 500);
timer.unref();
export {};
