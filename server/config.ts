import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    WEBTAGGER_DATA_DIR: z.string().min(1).default('./data'),
    WEBTAGGER_ADMIN_EMAIL: z.email().optional(),
    WEBTAGGER_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    WEBTAGGER_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(1095),
    WEBTAGGER_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    WEBTAGGER_PENDING_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    WEBTAGGER_REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    WEBTAGGER_MAX_UPLOADS: z.coerce.number().int().min(1).max(1000).default(4),
    WEBTAGGER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .refine((env) => !env.WEBTAGGER_ADMIN_EMAIL === !env.WEBTAGGER_ADMIN_PASSWORD, {
    message: 'WEBTAGGER_ADMIN_EMAIL and WEBTAGGER_ADMIN_PASSWORD go together',
    path: ['WEBTAGGER_ADMIN_PASSWORD'],
  });

export type Config = {
  port: number;
  host: string;
  dataDir: string;
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
  };
}
