// Preload entry: `node --import <tsspark>/dist/common/module-hooks/preload.js app.ts` (executor processes, workers)
// installs the tsspark module hooks before anything else is imported.
import { registerTsSparkHooks } from './register.js';

registerTsSparkHooks();
