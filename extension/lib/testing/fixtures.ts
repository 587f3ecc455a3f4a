import { aReportInput } from '#shared/testing/reports';
import type { Session } from '../browser/session';
import { WebTaggerDb } from '../storage/db';

let dbCount = 0;

/** A database of its own for one test (fake-indexeddb keeps databases for the whole run). */
export function freshDb(): WebTaggerDb {
  dbCount += 1;
  return new WebTaggerDb(`test-${dbCount}-${crypto.randomUUID()}`);
}

/** A valid report of a page, with any field replaced. */
export const aReport = aReportInput;

/** A signed-in session on the fake server. */
export const SESSION: Session = {
  serverUrl: 'https://webtagger.test',
  token: 'token-1',
  expiresAt: '2027-01-01T00:00:00.000Z',
  user: { id: '00000000-0000-4000-8000-000000000001', role: 'analyst', status: 'active' },
};
