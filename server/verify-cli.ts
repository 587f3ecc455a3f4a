import { ConfigError, loadConfig } from './config';
import { verifyEvidence } from './features/evidence/verify-service';
import { createStorage } from './storage/create';

// `npm run verify`: re-checks every stored evidence file, time-stamp token and custody log;
// prints what was tampered with and exits 1 if anything was.
async function main() {
  const config = loadConfig(process.env);
  const storage = await createStorage(config);
  try {
    const report = await verifyEvidence({ storage, config });
    const { checked, findings } = report;
    for (const f of findings)
      process.stdout.write(`TAMPERED ${f.kind} ${f.subject}: ${f.problem}\n`);
    process.stdout.write(
      `Checked ${checked.evidence} evidence files, ${checked.timestamps} time-stamp tokens, ` +
        `${checked.custodyLogs} custody logs (${checked.custodyEvents} events): ` +
        `${findings.length === 0 ? 'all intact' : `${findings.length} problems`}.\n`,
    );
    process.exitCode = findings.length === 0 ? 0 : 1;
  } finally {
    await storage.close();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Verification failed: ${err instanceof Error ? err.message : err}\n`);
  process.exit(3);
});
