import type { ReportInput } from '../schemas/report';

/** A valid report of a page, as the extension pushes it, with any field replaced (tests only). */
export function aReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    id: crypto.randomUUID(),
    url: 'https://casino.example.kz/play',
    title: 'Online casino',
    source: 'page',
    resourceType: 'website',
    languages: ['ru'],
    geography: { indicated: false },
    openness: 'public',
    availability: 'accessible',
    topics: ['gambling'],
    note: '',
    capturedAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}
