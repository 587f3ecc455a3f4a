import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openStorage } from '../../server/db/open';
import { recheckEngineFromConfig } from '../../server/features/rechecks/engine-from-config';
import { createApiServer } from '../../server/http/http-server';
import { trustedProxies } from '../../server/http/trusted-proxies';
import { createLogger } from '../../server/logger';
import { prepareData } from '../../server/startup';

// The real app on the real HTTP server, for browser tests that need time to pass: the clock runs
// ahead of the wall clock by the milliseconds written in `<data dir>/clock-offset-ms`. It exists
// only here, among the browser tests' support; `server/main.ts` has no clock but the wall clock.

/** The file a test writes to move this server's clock. */
export const CLOCK_OFFSET_FILE = 'clock-offset-ms';

async function main() {
  const config = loadConfig(process.env);
  const offsetFile = join(config.dataDir, CLOCK_OFFSET_FILE);
  const offset = () => {
    try {
      return Number(readFileSync(offsetFile, 'utf8')) || 0;
    } catch {
      return 0;
    }
  };
  const now = () => new Date(Date.now() + offset());
  const logger = createLogger(config.logLevel);
  const storage = openStorage(config.dataDir);
  await prepareData(storage, config, logger, now());
  const recheck = recheckEngineFromConfig(config.recheck);
  const app = createApp({ storage, config, logger, now, recheck });
  const server = createApiServer(app.fetch, {
    hostname: config.host,
    trustedProxies: trustedProxies(config.trustedProxies),
  });
  server.listen(config.port, config.host);
  process.on('SIGTERM', () =>
    server.close(() => {
      void recheck.close();
      storage.close();
      process.exit(0);
    }),
  );
}

void main();
