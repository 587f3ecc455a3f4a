import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openStorage } from './db/open';
import { startRetentionSchedule } from './features/retention/schedule';
import { createLogger } from './logger';
import { prepareData } from './startup';

async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const storage = openStorage(config.dataDir);
  const now = () => new Date();
  await prepareData(storage, config, logger, now());

  const app = createApp({ storage, config, logger, now });
  const retention = startRetentionSchedule({ storage, config, logger, now });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info('listening', {
      url: `http://${config.host}:${info.port}`,
      dataDir: config.dataDir,
    });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    retention.stop();
    // Finish the requests in flight, then close the database so the WAL is checkpointed.
    server.close(() => {
      storage.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `WebTagger server failed to start: ${err instanceof Error ? err.message : err}\n`,
  );
  process.exit(1);
});
