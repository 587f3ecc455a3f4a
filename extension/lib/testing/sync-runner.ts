import { vi } from 'vitest';
import type { Session } from '../browser/session';
import type { WebTaggerDb } from '../storage/db';
import { saveReport } from '../storage/reports';
import { createApiClient } from '../sync/api-client';
import { createSyncRunner } from '../sync/runner';
import { createFakeServer } from './fake-server';
import { aReport, freshDb, SESSION } from './fixtures';

/**
 * A sync runner on a fresh database and the fake server, with alarms kept in a map and a clock
 * the test moves (`advance`).
 */
export function setUpRunner(session: Session | null = SESSION, periodMinutes?: number) {
  const db = freshDb();
  const server = createFakeServer();
  let now = 1_000_000;
  const alarms = new Map<string, { when?: number; periodInMinutes?: number }>();
  const markSignInNeeded = vi.fn(async () => undefined);
  const afterSync = vi.fn(async () => undefined);
  const runner = createSyncRunner({
    db,
    getSession: async () => session ?? undefined,
    markSignInNeeded,
    getDeviceId: async () => 'device-1',
    createClient: (url) => createApiClient(url, server.fetch),
    alarms: {
      create: async (name, info) => void alarms.set(name, info),
      clear: async (name) => alarms.delete(name),
      get: async (name) => alarms.get(name),
    },
    now: () => now,
    random: () => 0.5,
    periodMinutes: async () => periodMinutes,
    afterSync,
  });
  const advance = (ms: number) => {
    now += ms;
  };
  return { db, server, runner, alarms, markSignInNeeded, afterSync, advance, now: () => now };
}

/** Saves a report of this page, as the form does. */
export const save = (db: WebTaggerDb, url = 'https://casino.example.kz/') =>
  saveReport(db, aReport({ url }), { at: Date.now() });
