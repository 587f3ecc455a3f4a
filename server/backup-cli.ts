// `npm run backup -- <target folder>`: an online backup while the server runs — of the SQLite data
// folder (WEBTAGGER_DATA_DIR, default ./data), or, when WEBTAGGER_DATABASE_URL names PostgreSQL,
// a pg_dump of that database with the data folder's files and a manifest.
// `npm run backup -- --restore <backup folder> <empty data folder>`: puts a backup in place (a
// PostgreSQL backup into the empty database WEBTAGGER_DATABASE_URL names).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './config';
import {
  BackupError,
  backupDataFolder,
  DATABASE_FILE,
  restoreDataFolder,
} from './features/backup/backup-service';
import { backupPgDeployment, restorePgDeployment } from './features/backup/pg-backup';
import { MANIFEST_FILE } from './features/backup/pg-backup-manifest';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function restore(backupDir: string, dataDir: string): Promise<void> {
  const { databaseUrl } = loadConfig(process.env);
  const ofPostgres = existsSync(join(backupDir, MANIFEST_FILE));
  if (ofPostgres && databaseUrl === undefined)
    throw new BackupError(
      `${backupDir} is a backup of a PostgreSQL deployment: set WEBTAGGER_DATABASE_URL to a new, empty database to restore it into.`,
    );
  if (!ofPostgres && existsSync(join(backupDir, DATABASE_FILE)) && databaseUrl !== undefined)
    throw new BackupError(
      `${backupDir} is a backup of a SQLite data folder, which a server with WEBTAGGER_DATABASE_URL set would not use: unset it to restore this backup.`,
    );
  if (databaseUrl === undefined) {
    const summary = restoreDataFolder(backupDir, dataDir);
    say(`Restored into ${summary.dir}: ${JSON.stringify(summary)}`);
    return;
  }
  const manifest = await restorePgDeployment(backupDir, databaseUrl, dataDir);
  say(
    `Restored the backup of ${manifest.createdAt} into the database and ${dataDir}: ${JSON.stringify({ counts: manifest.counts, files: manifest.files.length })}`,
  );
}

async function backup(targetDir: string): Promise<void> {
  const { dataDir, databaseUrl } = loadConfig(process.env);
  if (databaseUrl === undefined) {
    const summary = backupDataFolder(dataDir, targetDir);
    say(`Backed up ${dataDir} into ${summary.dir}: ${JSON.stringify(summary)}`);
    return;
  }
  const manifest = await backupPgDeployment(databaseUrl, dataDir, targetDir);
  const { database, counts, files, filesMissing } = manifest;
  say(
    `Backed up the database ${database.name} and ${dataDir} into ${targetDir}: ${JSON.stringify({ dumpBytes: database.bytes, dumpSha256: database.sha256, counts, filesCopied: files.length, filesMissing })}`,
  );
}

async function main(args: string[]): Promise<number> {
  if (args[0] === '--restore' && args.length === 3) {
    await restore(resolve(args[1]!), resolve(args[2]!));
    return 0;
  }
  if (args.length === 1 && !args[0]!.startsWith('-')) {
    await backup(resolve(args[0]!));
    return 0;
  }
  process.stderr.write(
    'Usage: npm run backup -- <target folder>\n       npm run backup -- --restore <backup folder> <empty data folder>\n',
  );
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BackupError || error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
