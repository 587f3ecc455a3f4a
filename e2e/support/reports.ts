import { randomUUID } from 'node:crypto';
import type { ReportInput } from '../../shared/schemas/report';
import { aReportInput } from '../../shared/testing/reports';

/**
 * A report of a page of its own, as an analyst in Almaty would push it: a Russian bookmaker's
 * page, its place openly indicated, captured now; any field replaced.
 */
export function aPageReport(overrides: Partial<ReportInput> = {}): ReportInput {
  return aReportInput({
    url: `https://example-${randomUUID().slice(0, 8)}.kz/page`,
    title: 'Ставки на спорт без лицензии',
    geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
    note: 'Реклама букмекера.',
    capturedAt: new Date().toISOString(),
    ...overrides,
  });
}
