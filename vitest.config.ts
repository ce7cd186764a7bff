import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // The compiled package (dist/) is loaded by Node itself, not transformed: closures defined in engine modules
    // (SQL operators shipped to executors) must see real ESM imports to ship them by reference.
    server: { deps: { external: [/\/dist\//] } },
  },
});
