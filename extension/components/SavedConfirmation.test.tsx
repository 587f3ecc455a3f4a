import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CaptureSummary, SyncSummary } from '@/lib/browser/messages';
import { fakeUiLocale } from '@/lib/i18n/fake';
import { type LocalReport, WebTaggerDb } from '@/lib/storage/db';
import { SavedConfirmation } from './SavedConfirmation';
import { mount, textOf, waitFor } from './testing';

const report: LocalReport = {
  id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  url: 'https://example.kz/',
  title: 'T',
  source: 'page',
  resourceType: 'webpage',
  languages: ['ru'],
  geography: { indicated: false },
  openness: 'public',
  availability: 'accessible',
  topics: ['fraud'],
  note: 'ИИН 880412378771',
  capturedAt: '2026-11-24T10:00:00.000Z',
  state: 'pending',
  updatedAt: 1,
  urlKeyHash: 'h',
};

let db: WebTaggerDb;
let n = 0;
let unmount = () => {};
beforeEach(() => {
  fakeBrowser.reset();
  fakeUiLocale('ru');
  db = new WebTaggerDb(`saved-test-${n++}`);
});
afterEach(async () => {
  unmount();
  await db.delete();
});

async function show(summary: SyncSummary | undefined, stored: LocalReport = report) {
  await db.reports.put(stored);
  const send = vi.fn(async () => summary);
  const view = await mount(
    <SavedConfirmation saved={{ report }} onReview={() => {}} deps={{ db, send }} />,
  );
  unmount = view.unmount;
  expect(textOf(view.root.querySelector('[data-testid=saved]'))).toBe('✓ Сохранено.');
  await waitFor(() => !textOf(view.root).includes('Отправка на сервер'));
  expect(send).toHaveBeenCalledWith('report-saved', { reportId: report.id });
  return textOf(view.root.querySelector('[data-testid=saved-sync]'));
}

describe('SavedConfirmation', () => {
  it('says the server accepted the report', async () => {
    expect(await show({ outcome: 'done', pushed: 1 }, { ...report, state: 'synced' })).toBe(
      'Сервер принял отчёт.',
    );
  });

  it('says the report waits when the server cannot be reached or the background is asleep', async () => {
    expect(await show({ outcome: 'retry_later', pushed: 0 })).toBe(
      'Отчёт будет отправлен, когда сервер станет доступен.',
    );
    unmount();
    expect(await show(undefined)).toBe('Отчёт будет отправлен, когда сервер станет доступен.');
  });

  it('says what sending waits for: the new policy, or a sign-in', async () => {
    expect(await show({ outcome: 'consent_required', pushed: 0 })).toContain('политики');
    unmount();
    expect(await show({ outcome: 'signed_out', pushed: 0 })).toBe(
      'Войдите снова, чтобы отправить отчёт.',
    );
  });

  it('gives the server’s reason when it refused the report', async () => {
    const refused: LocalReport = {
      ...report,
      state: 'rejected',
      rejection: { code: 'third_party_personal_data', message: 'x' },
    };
    expect(await show({ outcome: 'done', pushed: 1 }, refused)).toBe(
      'Сервер отклонил отчёт: В тексте есть персональные данные третьих лиц. Уберите их или укажите основание представительства.',
    );
  });

  it('shows the capture under way, then why the report went without its evidence', async () => {
    const capturing: LocalReport = { ...report, evidenceState: 'capturing' };
    await db.reports.put(capturing);
    let answer = (_: CaptureSummary) => {};
    const asked = new Promise<CaptureSummary>((resolve) => {
      answer = resolve;
    });
    const send = vi.fn(async () => undefined);
    const view = await mount(
      <SavedConfirmation
        saved={{ report: capturing, capturing: asked }}
        onReview={() => {}}
        deps={{ db, send }}
      />,
    );
    unmount = view.unmount;
    const status = () => view.root.querySelector('[data-testid=capture-status]');
    expect(status()?.getAttribute('data-state')).toBe('capturing');

    await db.reports.put({
      ...report,
      evidenceState: 'failed',
      captureProblem: 'storage_full',
    });
    answer({ outcome: 'done', pushed: 1, files: 0, problem: 'storage_full' });
    await waitFor(() => status()?.getAttribute('data-state') === 'problem');
    expect(textOf(status())).toContain('Сохранено без доказательств');
    expect(textOf(status())).toContain('хранилище браузера');
    // The capture's answer stands for the sync: nothing else is asked of the background.
    expect(send).not.toHaveBeenCalled();
  });
});
