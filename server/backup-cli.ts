// `npm run backup -- <target folder>`: an online backup of the server's data folder
// (WEBTAGGER_DATA_DIR, default ./data) while the server runs.
// `npm run backup -- --restore <backup folder> <empty data folder>`: puts a backup in place.
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config';
import { BackupError, backupDataFolder, restoreDataFolder } from './features/backup/backup-service';

function main(args: string[]): number {
  if (args[0] === '--restore' && args.length === 3) {
    const summary = restoreDataFolder(resolve(args[1]!), resolve(args[2]!));
    process.stdout.write(`Restored into ${summary.dir}: ${JSON.stringify(summary)}\n`);
    return 0;
  }
  if (args.length === 1 && !args[0]!.startsWith('-')) {
    const { dataDir } = loadConfig(process.env);
    const summary = backupDataFolder(dataDir, resolve(args[0]!));
    process.stdout.write(`Backed up ${dataDir} into ${summary.dir}: ${JSON.stringify(summary)}\n`);
    return 0;
  }
  process.stderr.write(
    'Usage: npm run backup -- <target folder>\n       npm run backup -- --restore <backup folder> <empty data folder>\n',
  );
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BackupError || error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
