import { expect, test } from '@playwright/test';
import { apiLogin, createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { openPopup, openTab, signIn } from './support/popup';
import { startServer } from './support/server';

test('a report refused for personal data is explained, fixed in the review list and accepted', async () => {
  const server = await startServer();
  const pages = await startPageServer({ shop: { title: 'Продажа аккаунтов' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const pageUrl = pages.url('shop');
    const popup = await openPopup(browser, await openTab(browser, pageUrl));
    await signIn(popup, server.url, analyst);

    await popup.locator('input[name=topic][value=fraud]').check();
    await popup.locator('textarea[name=note]').fill('Продавец, ИИН 880412378771');
    // The same detector as the server's marks it while typing, before anything is queued.
    const warning = popup.getByTestId('pd-warning-note');
    await expect(warning).toContainText('IIN: 880412378771');
    await expect(warning.locator('mark')).toHaveText('880412378771');
    await expect(popup.getByTestId('save')).toHaveText('Save anyway');

    // Ignored: saved anyway; the server decides, and refuses.
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved')).toBeVisible();
    await expect(popup.getByTestId('saved-sync')).toContainText('The server refused the report');
    await expect(popup.getByTestId('saved-sync')).toContainText('personal data');

    await popup.getByTestId('tab-pending').click();
    const refused = popup.getByTestId('section-rejected').getByTestId('report-item');
    await expect(refused).toHaveCount(1);
    await expect(refused.getByTestId('rejection')).toContainText(
      'The text contains third parties’ personal data',
    );
    await expect(refused.getByTestId('rejection')).toContainText('IIN: 880412378771');

    // Fixed in the form the review list opens, and sent again.
    await refused.getByRole('button', { name: 'Edit' }).click();
    const note = popup.locator('textarea[name=note]');
    await expect(note).toHaveValue('Продавец, ИИН 880412378771');
    await note.fill('Продавец аккаунтов без лицензии');
    await expect(popup.getByTestId('pd-warning-note')).toHaveCount(0);
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved-sync')).toHaveText('The server accepted the report.');

    await popup.getByTestId('tab-pending').click();
    await expect(popup.getByTestId('section-rejected')).toHaveCount(0);
    const sent = popup.getByTestId('section-sent').getByTestId('report-item');
    await expect(sent.getByTestId('report-status')).toHaveText('Received, awaiting review');

    const [stored] = await pullAll(server.url, await apiLogin(server.url, analyst));
    expect(stored).toMatchObject({
      url: pageUrl,
      note: 'Продавец аккаунтов без лицензии',
      status: 'submitted',
    });
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

test('the inline warning highlights the findings of a note written in Kazakh Latin', async () => {
  const server = await startServer();
  const pages = await startPageServer({ channel: { title: 'Arna' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const popup = await openPopup(browser, await openTab(browser, pages.url('channel')));
    await signIn(popup, server.url, analyst);

    await popup
      .locator('textarea[name=note]')
      .fill(
        'Arna iesı Aigerım Janbolatqyzy, jeke kuäligı № 037 552 148, ' +
          'poştasy aigerim.j [at] mail.ru, WhatsApp: wa.me/77015552314, ' +
          'mekenjaiy Abai köşesı 12 üi, 5 päter',
      );
    const marks = popup.getByTestId('pd-mirror-note').locator('mark');
    await expect(marks).toHaveText([
      'Aigerım Janbolatqyzy',
      '037 552 148',
      'aigerim.j [at] mail.ru',
      '77015552314',
      'Abai köşesı 12 üi, 5 päter',
    ]);
    const kinds = await marks.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-kind')),
    );
    expect(kinds).toEqual(['person_name', 'id_document', 'email', 'phone', 'home_address']);
    await expect(popup.getByTestId('save')).toHaveText('Save anyway');

    // Labelled numbers and places named after people are not findings: the warning goes away.
    await popup
      .locator('textarea[name=note]')
      .fill('Promokod 77015523410, IP 185.22.174.33, Qanyş Sätbaev atyndağy mektep');
    await expect(popup.getByTestId('pd-warning-note')).toHaveCount(0);
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
