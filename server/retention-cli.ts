import { ConfigError, loadConfig } from './config';
import { runRetention } from './features/retention/retention-service';
import { createLogger } from './logger';
import { createStorage } from './storage/create';

// `npm run retention`: the same retention the server runs daily, on the same configuration.
async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const storage = await createStorage(config);
  try {
    const act = await runRetention(storage, {
      now: new Date(),
      retentionDays: config.retentionDays,
      pendingDays: config.pendingDays,
    });
    logger.info('retention done', {
      cutoff: act.cutoff,
      accounts: act.userIds.length,
      documents: act.documents,
      files: act.files,
      consentRecords: act.consentRecords,
      auditEvents: act.auditEvents,
      sessions: act.sessions,
      reportsRedacted: act.reportsRedacted,
    });
  } finally {
    await storage.close();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Retention failed: ${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
});
