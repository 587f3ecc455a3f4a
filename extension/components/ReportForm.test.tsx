import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ReportInput } from '#shared/schemas/report';
import type { TargetPage } from '@/lib/capture/page-capture';
import { DEFAULT_FORM_VALUES } from '@/lib/form/defaults';
import type { PageHints } from '@/lib/form/values';
import { fakeUiLocale } from '@/lib/i18n/fake';
import { type LocalReport, WebTaggerDb } from '@/lib/storage/db';
import { setMeta } from '@/lib/storage/meta';
import { saveReport } from '@/lib/storage/reports';
import { aReport } from '@/lib/testing/fixtures';
import { ReportForm, type SavedReport } from './ReportForm';
import { click, mount, textOf, typeInto, waitFor } from './testing';

const page: TargetPage = {
  tabId: 7,
  url: 'https://casino.example.kz/promo?utm_source=tg',
  title: 'Лучшее онлайн-казино',
  source: 'page',
};
const hints: PageHints = { languages: ['kk-Cyrl'], geography: { country: 'KZ', region: 'KZ-75' } };

let db: WebTaggerDb;
let n = 0;
let unmount = () => {};
const saved = vi.fn<(s: SavedReport) => void>();

async function open(subject = { kind: 'page' as const, page }) {
  const view = await mount(
    <ReportForm
      subject={subject}
      deps={{ db, now: Date.now, readHints: async () => hints, send: async () => undefined }}
      onSaved={saved}
    />,
  );
  unmount = view.unmount;
  await waitFor(() => view.root.querySelector('[data-testid=save]'));
  const $ = (selector: string) => view.root.querySelector(selector);
  return { ...view, $ };
}

beforeEach(async () => {
  fakeBrowser.reset();
  fakeUiLocale('en');
  saved.mockReset();
  db = new WebTaggerDb(`form-test-${n++}`);
  await setMeta(db, 'lastUsed', {
    ...DEFAULT_FORM_VALUES,
    topics: ['gambling'],
    openness: 'closed',
  });
});
afterEach(async () => {
  unmount();
  await db.delete();
});

describe('ReportForm', () => {
  it('ticks no topic but offers the last used one; the page’s languages and place are marked', async () => {
    const form = await open();
    await waitFor(() => form.$('[data-testid=page-url]'));
    expect(textOf(form.$('[data-testid=page-url]'))).toBe(page.url);
    await waitFor(() => textOf(form.root).includes('Suggested from the page'));
    expect(form.root.querySelectorAll('input[name=topic]:checked')).toHaveLength(0);
    // The last report's values stay visible as suggestions until the analyst touches them.
    const marked = () =>
      [...form.root.querySelectorAll('select.suggested')].map((e) => e.getAttribute('name'));
    expect(marked()).toEqual(['resourceType', 'openness', 'availability']);
    expect(
      form.$('[data-testid=languages-suggested] [data-testid=suggestion-mark]'),
    ).not.toBeNull();
    const offers = [...form.root.querySelectorAll('[data-testid=topic-offers] button')];
    expect(offers[0]?.getAttribute('data-topic')).toBe('gambling');

    // Saving without a topic is refused; one click on the offer picks it.
    await click(form.$('[data-testid=save]'));
    await waitFor(() => form.$('[data-testid=error-topics]'));
    expect(await db.reports.count()).toBe(0);
    await click(offers[0]!);
    await waitFor(() => form.$('input[name=topic][value=gambling]:checked'));
    expect(form.$('[data-testid=topic-offers] [data-topic=gambling]')).toBeNull();
    const openness = form.$('select[name=openness]') as HTMLSelectElement;
    openness.value = 'closed';
    openness.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => marked().length === 2);
    expect(marked()).toEqual(['resourceType', 'availability']);
    await click(form.$('[data-testid=save]'));
    await waitFor(() => saved.mock.calls.length > 0);

    const [stored] = await db.reports.toArray();
    expect(stored).toMatchObject({
      url: page.url,
      title: page.title,
      source: 'page',
      topics: ['gambling'],
      openness: 'closed',
      languages: ['kk-Cyrl'],
      geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
      state: 'pending',
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('shows each problem next to its field in the UI language, and saves nothing', async () => {
    await db.meta.clear();
    const form = await open();
    await typeInto(form.$('textarea[name=note]'), 'x'.repeat(2001));
    await click(form.$('[data-testid=save]'));
    await waitFor(() => form.$('[data-testid=error-topics]'));
    expect(textOf(form.$('[data-testid=error-topics]'))).toBe('Choose at least one topic.');
    expect(textOf(form.$('[data-testid=error-note]'))).toBe(
      'The note is longer than 2000 characters — shorten it.',
    );
    expect(form.$('textarea[name=note]')?.getAttribute('aria-invalid')).toBe('true');
    expect(await db.reports.count()).toBe(0);
    expect(saved).not.toHaveBeenCalled();

    // Fixing a field clears its message at once.
    await click(form.$('input[name=topic][value=fraud]'));
    await waitFor(() => !form.$('[data-testid=error-topics]'));
    expect(form.$('[data-testid=error-note]')).not.toBeNull();
  });

  it('keeps what was typed when the popup closes, and forgets it once saved', async () => {
    const first = await open();
    await typeInto(first.$('textarea[name=note]'), 'Реклама в канале');
    await click(first.$('input[name=topic][value=fraud]'));
    await waitFor(async () => (await db.meta.where('key').startsWith('draft:').count()) > 0);
    unmount();

    const again = await open();
    await waitFor(() => again.$('[data-testid=draft-restored]'));
    expect((again.$('textarea[name=note]') as HTMLTextAreaElement).value).toBe('Реклама в канале');
    expect((again.$('input[name=topic][value=fraud]') as HTMLInputElement).checked).toBe(true);
    await click(again.$('[data-testid=save]'));
    await waitFor(() => saved.mock.calls.length > 0);
    expect(await db.meta.where('key').startsWith('draft:').count()).toBe(0);
    expect((await db.reports.toArray())[0]?.note).toBe('Реклама в канале');
  });

  it('warns of personal data as the note is typed, and still lets the analyst save', async () => {
    const form = await open();
    await click(form.$('input[name=topic][value=fraud]'));
    await typeInto(form.$('textarea[name=note]'), 'Продавец, ИИН 880412378771');
    await waitFor(() => form.$('[data-testid=pd-warning-note]'));
    expect(textOf(form.$('[data-testid=pd-warning-note] .pd-list'))).toBe('IIN: 880412378771');
    expect(form.$('[data-testid=pd-mirror-note] mark')?.textContent).toBe('880412378771');
    expect(textOf(form.$('[data-testid=save]'))).toBe('Save anyway');
    await click(form.$('[data-testid=save]'));
    await waitFor(() => saved.mock.calls.length > 0);
    expect((await db.reports.toArray())[0]?.note).toContain('880412378771');
  });

  it('saves on Enter from a checkbox, not only from a click', async () => {
    const form = await open();
    await click(form.$('[data-testid=topic-offers] button'));
    const box = form.$('input[name=captureEvidence]') as HTMLInputElement;
    box.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    );
    await waitFor(() => saved.mock.calls.length > 0);
    expect(await db.reports.count()).toBe(1);
  });

  it('edits a stored report in place: same id, its own values, no page hints', async () => {
    const input: ReportInput = {
      id: '9a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
      url: 'https://t.me/s/somechannel',
      title: 'Канал',
      source: 'link',
      resourceType: 'messenger_channel',
      languages: ['ru'],
      geography: { indicated: false },
      openness: 'public',
      availability: 'accessible',
      topics: ['drugs'],
      note: 'old note',
      capturedAt: '2026-11-20T10:00:00.000Z',
    };
    const stored: LocalReport = await saveReport(db, input, { at: Date.now() });
    const form = await open({ kind: 'edit', report: stored } as never);
    await waitFor(
      () => (form.$('textarea[name=note]') as HTMLTextAreaElement)?.value === 'old note',
    );
    expect((form.$('select[name=resourceType]') as HTMLSelectElement).value).toBe(
      'messenger_channel',
    );
    expect(form.$('[data-testid=duplicate-hint]')).toBeNull();
    await typeInto(form.$('textarea[name=note]'), 'new note');
    await click(form.$('[data-testid=save]'));
    await waitFor(() => saved.mock.calls.length > 0);
    const all = await db.reports.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: input.id,
      note: 'new note',
      languages: ['ru'],
      source: 'link',
    });
  });

  it('starts a link nobody opened as undetermined, and a chosen language replaces `und`', async () => {
    const link: TargetPage = { url: 'https://t.me/s/channel', title: 'Канал', source: 'link' };
    const form = await open({ kind: 'page', page: link });
    const chips = () =>
      [...form.root.querySelectorAll('fieldset:has(#field-languages) .chip:not(.offer)')].map(
        textOf,
      );
    await waitFor(() => chips().length === 1);
    expect(chips()[0]).toContain('Undetermined');
    expect((form.$('select[name=openness]') as HTMLSelectElement).value).toBe('unknown');
    expect((form.$('select[name=availability]') as HTMLSelectElement).value).toBe('unknown');
    expect(form.root.querySelectorAll('select.suggested')).toHaveLength(0);
    await click(form.$('[data-testid=language-offers] button'));
    await waitFor(() => !chips().some((c) => c.includes('Undetermined')));
    expect(chips()).toHaveLength(1);
  });

  it('says when the page is already reported', async () => {
    await saveReport(db, aReport({ url: 'https://casino.example.kz/promo' }), { at: Date.now() });
    const form = await open();
    await waitFor(() => form.$('[data-testid=duplicate-hint]'));
    expect(textOf(form.$('[data-testid=duplicate-hint]'))).toBe(
      'You have already tagged this page.',
    );
  });

  it('names the review status of the own report in the UI language', async () => {
    fakeUiLocale('kk');
    const report = await saveReport(db, aReport({ url: 'https://casino.example.kz/promo' }), {
      at: Date.now(),
    });
    await db.reports.update(report.id, { reviewStatus: 'under_review' });
    const form = await open();
    await waitFor(() => form.$('[data-testid=duplicate-hint]'));
    expect(textOf(form.$('[data-testid=duplicate-hint]'))).toBe(
      'Сіз бұл бетті бұрын белгілегенсіз. Мәртебесі: Қаралуда.',
    );
  });
});
