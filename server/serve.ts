import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { startTimestampSchedule } from './features/evidence/timestamp-job';
import { recheckEngineFromConfig } from './features/rechecks/engine-from-config';
import { startRecheckSchedule } from './features/rechecks/recheck-schedule';
import { startRetentionSchedule } from './features/retention/schedule';
import { createApiServer } from './http/http-server';
import { trustedProxies } from './http/trusted-proxies';
import { createLogger } from './logger';
import { prepareData } from './startup';
import { createStorage } from './storage/create';

// A claimed batch that is not done by then (the process died) is taken again by another.
const LEASE_MS = 10 * 60_000;

async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const storage = await createStorage(config);
  const now = () => new Date();
  await prepareData(storage, config, logger, now());

  // Evidence uploaded while the authority was away is stamped by the schedule once it is back.
  const timestamps = startTimestampSchedule({ storage, config, logger, now });
  const recheck = recheckEngineFromConfig(config.recheck);
  const app = createApp({ storage, config, logger, now, evidenceJobs: timestamps, recheck });
  const retention = startRetentionSchedule({ storage, config, logger, now });
  const rechecks = startRecheckSchedule(
    { storage, engine: recheck, intervals: config.recheck.intervals, now, logger },
    { tickMs: config.recheck.tickMs, batch: config.recheck.concurrency * 8, leaseMs: LEASE_MS },
  );
  timestamps.kick();
  const server = createApiServer(app.fetch, {
    hostname: config.host,
    trustedProxies: trustedProxies(config.trustedProxies),
  });
  server.once('error', (error) => {
    process.stderr.write(
      `WebTagger server cannot listen on ${config.host}:${config.port}: ${error.message}\n`,
    );
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    logger.info('listening', { url: `http://${config.host}:${port}`, dataDir: config.dataDir });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    retention.stop();
    timestamps.stop();
    rechecks.stop();
    // Finish the requests in flight, then close the database so the WAL is checkpointed.
    server.close(() => {
      void recheck.close();
      storage.close().finally(() => process.exit(0));
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
