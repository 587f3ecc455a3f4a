import { resolve } from 'node:path';
import { z } from 'zod';
import { trustedProxyProblem } from './http/trusted-proxies';

/** A comma-separated list, blanks dropped. */
const listOf = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

const MIB = 1024 * 1024;
const HOUR_MS = 3_600_000;
/** Hours between scheduled re-checks in a status; 0 leaves that status unscheduled. */
const hours = (fallback: number) =>
  z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .default(fallback);

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    WEBTAGGER_DATA_DIR: z.string().min(1).default('./data'),
    WEBTAGGER_ADMIN_EMAIL: z.email().optional(),
    WEBTAGGER_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    WEBTAGGER_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(1095),
    WEBTAGGER_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    WEBTAGGER_TSA_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The letterhead printed on notices' letters: lines separated by `\n` or `|`. */
    WEBTAGGER_LETTERHEAD: z.string().max(1000).optional(),
    WEBTAGGER_TSA_CA_FILE: z.string().min(1).optional(),
    WEBTAGGER_PENDING_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    WEBTAGGER_REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    WEBTAGGER_MAX_UPLOADS: z.coerce.number().int().min(1).max(1000).default(4),
    WEBTAGGER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    WEBTAGGER_TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform(listOf)
      .superRefine((entries, ctx) => {
        for (const entry of entries) {
          const problem = trustedProxyProblem(entry);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }
      }),
    // Names the PostgreSQL database to keep the data in; unset, the SQLite file under the data folder.
    WEBTAGGER_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/./, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    WEBTAGGER_RECHECK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
    WEBTAGGER_RECHECK_PROXY: z.url({ protocol: /^https?$/ }).optional(),
    WEBTAGGER_RECHECK_SIGNATURES: z.string().min(1).optional(),
    WEBTAGGER_RECHECK_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
    WEBTAGGER_RECHECK_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * MIB)
      .default(2 * MIB),
    WEBTAGGER_RECHECK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    WEBTAGGER_RECHECK_HOST_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
    WEBTAGGER_RECHECK_TICK_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    WEBTAGGER_RECHECK_SENT_HOURS: hours(12),
    WEBTAGGER_RECHECK_BLOCKED_HOURS: hours(24),
    WEBTAGGER_RECHECK_RESTORED_HOURS: hours(6),
  })
  .refine((env) => !env.WEBTAGGER_ADMIN_EMAIL === !env.WEBTAGGER_ADMIN_PASSWORD, {
    message: 'WEBTAGGER_ADMIN_EMAIL and WEBTAGGER_ADMIN_PASSWORD go together',
    path: ['WEBTAGGER_ADMIN_PASSWORD'],
  });

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** The PostgreSQL database (`postgres://…`) to keep the data in, instead of SQLite. */
  databaseUrl?: string;
  admin?: { email: string; password: string };
  retentionDays: number;
  tokenDays: number;
  /** Days a registration may wait for approval before it expires and its documents go. */
  pendingDays: number;
  /** Registrations one address may send per hour. */
  registrationsPerHour: number;
  /** Uploads (registrations, documents) handled at once; more are asked to retry. */
  maxUploads: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client; none by
   * default, and then the connection's peer is the client whatever headers say.
   */
  trustedProxies: string[];
  /** The RFC 3161 time-stamp authority, and the PEM certificates its tokens must chain to. */
  tsa?: { url: string; caFile?: string };
  recheck: RecheckConfig;
  /** The sender's letterhead on notices' letters, one line per `\n`; a placeholder when unset. */
  letterhead?: string;
};

/** Reachability re-checks (features/rechecks): the client's limits and the schedule. */
export type RecheckConfig = {
  allowPrivate: boolean;
  proxyUrl?: string;
  signaturesFile?: string;
  timeoutMs: number;
  maxBodyBytes: number;
  concurrency: number;
  perHostIntervalMs: number;
  /** 0: no scheduled checks in this process. */
  tickMs: number;
  /** Milliseconds between checks per followed status. */
  intervals: Partial<Record<'sent_for_blocking' | 'blocked' | 'restored', number>>;
};

export class ConfigError extends Error {}

/** Reads the server's configuration from the environment, or explains what is wrong with it. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.WEBTAGGER_DATA_DIR),
    databaseUrl: e.WEBTAGGER_DATABASE_URL,
    admin:
      e.WEBTAGGER_ADMIN_EMAIL && e.WEBTAGGER_ADMIN_PASSWORD
        ? { email: e.WEBTAGGER_ADMIN_EMAIL.toLowerCase(), password: e.WEBTAGGER_ADMIN_PASSWORD }
        : undefined,
    retentionDays: e.WEBTAGGER_RETENTION_DAYS,
    tokenDays: e.WEBTAGGER_TOKEN_DAYS,
    pendingDays: e.WEBTAGGER_PENDING_DAYS,
    registrationsPerHour: e.WEBTAGGER_REGISTRATIONS_PER_HOUR,
    maxUploads: e.WEBTAGGER_MAX_UPLOADS,
    logLevel: e.WEBTAGGER_LOG_LEVEL,
    trustedProxies: e.WEBTAGGER_TRUSTED_PROXIES,
    tsa: e.WEBTAGGER_TSA_URL
      ? {
          url: e.WEBTAGGER_TSA_URL,
          ...(e.WEBTAGGER_TSA_CA_FILE ? { caFile: resolve(e.WEBTAGGER_TSA_CA_FILE) } : {}),
        }
      : undefined,
    letterhead: e.WEBTAGGER_LETTERHEAD?.replaceAll('|', '\n'),
    recheck: {
      allowPrivate: e.WEBTAGGER_RECHECK_ALLOW_PRIVATE === 'true',
      proxyUrl: e.WEBTAGGER_RECHECK_PROXY,
      signaturesFile: e.WEBTAGGER_RECHECK_SIGNATURES,
      timeoutMs: e.WEBTAGGER_RECHECK_TIMEOUT_MS,
      maxBodyBytes: e.WEBTAGGER_RECHECK_MAX_BYTES,
      concurrency: e.WEBTAGGER_RECHECK_CONCURRENCY,
      perHostIntervalMs: e.WEBTAGGER_RECHECK_HOST_INTERVAL_MS,
      tickMs: e.WEBTAGGER_RECHECK_TICK_SECONDS * 1000,
      intervals: Object.fromEntries(
        (
          [
            ['sent_for_blocking', e.WEBTAGGER_RECHECK_SENT_HOURS],
            ['blocked', e.WEBTAGGER_RECHECK_BLOCKED_HOURS],
            ['restored', e.WEBTAGGER_RECHECK_RESTORED_HOURS],
          ] as const
        )
          .filter(([, h]) => h > 0)
          .map(([status, h]) => [status, h * HOUR_MS]),
      ),
    },
  };
}
