import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { fakeUiLocale } from '../i18n/fake';
import { announceOutcomes, OUTCOME_NOTICE_ID } from './outcome-notice';
import { updateSettings } from './settings';

const create = vi.fn(async () => OUTCOME_NOTICE_ID);

beforeEach(() => {
  fakeBrowser.reset();
  fakeUiLocale('en');
  create.mockClear();
  fakeBrowser.notifications = { create } as never;
});

describe('announceOutcomes', () => {
  it('notifies of new decisions only when the analyst asked for it', async () => {
    expect(await announceOutcomes(2, 2)).toBe(false);
    expect(create).not.toHaveBeenCalled();

    await updateSettings({ notify: true });
    expect(await announceOutcomes(0, 2)).toBe(false);
    expect(await announceOutcomes(1, 3)).toBe(true);
    expect(create).toHaveBeenCalledWith(
      OUTCOME_NOTICE_ID,
      expect.objectContaining({
        title: 'WebTagger: decisions on your reports',
        message: 'New reviewer decisions: 3. Open “My reports” to see them.',
      }),
    );
    expect(browser.notifications).toBeDefined();
  });
});
