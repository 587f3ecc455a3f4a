import { describe, expect, it } from 'vitest';
import { aReport, freshDb } from '../testing/fixtures';
import type { LocalReport } from './db';
import { searchReports } from './report-search';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

function stored(n: number, change: Partial<LocalReport>): LocalReport {
  const at = T0 + n * DAY;
  return {
    ...aReport({ url: `https://example.kz/${n}`, title: `Страница ${n}` }),
    capturedAt: new Date(at).toISOString(),
    state: 'synced',
    reviewStatus: 'submitted',
    updatedAt: at + 1000,
    urlKeyHash: `h${n}`,
    ...change,
  };
}

describe('searchReports', () => {
  it('finds the analyst’s reports by text, topic, status and date, newest first', async () => {
    const db = freshDb();
    await db.reports.bulkPut([
      stored(1, { topics: ['gambling'], note: 'Казино в Telegram' }),
      stored(2, { topics: ['drugs'], reviewStatus: 'confirmed' }),
      stored(3, { topics: ['drugs', 'fraud'], state: 'pending', reviewStatus: undefined }),
      stored(4, { topics: ['fraud'], state: 'rejected', reviewStatus: undefined }),
      stored(5, { topics: ['drugs'], reviewStatus: 'rejected', title: 'Аптека без рецепта' }),
    ]);
    const titles = async (filter: Parameters<typeof searchReports>[1], limit = 10) =>
      (await searchReports(db, filter, limit)).map((r) => r.title);

    expect(await titles({})).toEqual([
      'Аптека без рецепта',
      'Страница 4',
      'Страница 3',
      'Страница 2',
      'Страница 1',
    ]);
    expect(await titles({ text: 'telegram' })).toEqual(['Страница 1']);
    expect(await titles({ text: 'АПТЕКА' })).toEqual(['Аптека без рецепта']);
    expect(await titles({ topic: 'drugs' })).toEqual([
      'Аптека без рецепта',
      'Страница 3',
      'Страница 2',
    ]);
    expect(await titles({ status: 'confirmed' })).toEqual(['Страница 2']);
    expect(await titles({ status: 'waiting' })).toEqual(['Страница 3']);
    expect(await titles({ status: 'refused' })).toEqual(['Страница 4']);
    expect(await titles({ from: T0 + 2 * DAY, to: T0 + 3 * DAY })).toEqual([
      'Страница 3',
      'Страница 2',
    ]);
    expect(await titles({ topic: 'drugs' }, 2)).toHaveLength(2);
  });
});
