import { describe, expect, it } from 'vitest';
import type { ReportInput } from '#shared/schemas/report';
import type { LastUsedValues } from '../storage/meta';
import { DEFAULT_FORM_VALUES } from './defaults';
import { formValuesOf, initialFormValues, reportFromForm, targetOf } from './values';

const lastUsed: LastUsedValues = {
  resourceType: 'social_post',
  languages: ['ru', 'kk'],
  geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
  openness: 'registration_required',
  availability: 'geo_restricted',
  topics: ['gambling', 'fraud'],
};

const report: ReportInput = {
  id: '0b5f4c1e-7d0a-4c55-9a37-1f1a3c1b2d3e',
  url: 'https://casino.example.kz/promo',
  title: 'Лучшее казино',
  source: 'page',
  resourceType: 'website',
  languages: ['kk-Cyrl'],
  geography: { indicated: true, country: 'KZ', region: 'KZ-35', locality: 'Темиртау' },
  openness: 'public',
  availability: 'accessible',
  topics: ['gambling'],
  note: 'Реклама в Telegram',
  capturedAt: '2026-11-24T10:00:00.000Z',
  evidence: { sha256: 'a'.repeat(64), mime: 'image/png', bytes: 1234 },
  personalDataBasis: { kind: 'representation', documentId: '7c1e2b3a-1111-4222-8333-444455556666' },
};

describe('initialFormValues', () => {
  it('suggests the last type, openness and availability for a page, but ticks no topic', () => {
    const values = initialFormValues(lastUsed, { languages: [] });
    expect(values).toMatchObject({
      resourceType: 'social_post',
      languages: [],
      openness: 'registration_required',
      availability: 'geo_restricted',
      topics: [],
      note: '',
      captureEvidence: true,
    });
  });

  it('starts a link nobody opened from undetermined and unknown, not the last page', () => {
    expect(initialFormValues(lastUsed, { languages: [] }, 'link')).toMatchObject({
      resourceType: 'webpage',
      languages: ['und'],
      openness: 'unknown',
      availability: 'unknown',
      topics: [],
      geoIndicated: false,
    });
  });

  it('takes only the languages this page suggests', () => {
    expect(initialFormValues(lastUsed, { languages: ['kk-Latn'] }).languages).toEqual(['kk-Latn']);
  });

  it("never carries the previous page's place over; the page's own hint fills it", () => {
    expect(initialFormValues(lastUsed, { languages: [] })).toMatchObject({
      geoIndicated: false,
      country: '',
      region: '',
    });
    const hinted = initialFormValues(lastUsed, {
      languages: [],
      geography: { country: 'KZ', region: 'KZ-79' },
    });
    expect(hinted).toMatchObject({ geoIndicated: true, country: 'KZ', region: 'KZ-79' });
  });

  it('has no topic before the analyst ever chose one', () => {
    expect(initialFormValues(DEFAULT_FORM_VALUES, { languages: [] }).topics).toEqual([]);
  });
});

describe('reportFromForm', () => {
  it('gives back the report whose values the form was opened with', () => {
    expect(reportFromForm(formValuesOf(report), targetOf(report), 500)).toEqual(report);
  });

  it('leaves out empty optional inputs and the place when none is indicated', () => {
    const values = {
      ...formValuesOf(report),
      locality: '   ',
      region: '' as const,
      basisDocumentId: ' ',
    };
    const built = reportFromForm(values, targetOf(report), 500);
    expect(built.geography).toEqual({ indicated: true, country: 'KZ' });
    expect(built.personalDataBasis).toBeUndefined();
    const hidden = reportFromForm({ ...values, geoIndicated: false }, targetOf(report), 500);
    expect(hidden.geography).toEqual({ indicated: false });
  });

  it('drops a KZ region once another country is chosen', () => {
    const values = { ...formValuesOf(report), country: 'RU' };
    expect(reportFromForm(values, targetOf(report), 500).geography).toEqual({
      indicated: true,
      country: 'RU',
      locality: 'Темиртау',
    });
  });

  it('cuts a long captured title to what a report holds', () => {
    const target = { ...targetOf(report), title: 'x'.repeat(900) };
    expect(reportFromForm(formValuesOf(report), target, 500).title).toHaveLength(500);
  });
});
