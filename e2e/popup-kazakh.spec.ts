import { expect, test } from '@playwright/test';
import { apiLogin, createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { openPopup, openTab, publishPolicy } from './support/popup';
import { startServer } from './support/server';

test('the popup speaks Kazakh in a Kazakh browser, taxonomy and policy included', async () => {
  const server = await startServer();
  const pages = await startPageServer({ page: { title: 'Алаяқтық сайт', lang: 'kk' } });
  const browser = await launchWithExtension({ locale: 'kk' });
  try {
    const analyst = await createApprovedAnalyst(server.url);
    await publishPolicy(server.url, '2');
    const popup = await openPopup(browser, await openTab(browser, pages.url('page')));

    await expect(popup.getByRole('heading', { name: 'Кіру' })).toBeVisible();
    await popup.getByLabel('Сервер').fill(server.url);
    await popup.getByLabel('Эл. пошта').fill(analyst.email);
    await popup.getByLabel('Құпиясөз').fill(analyst.password);
    await popup.getByRole('button', { name: 'Кіру' }).click();

    await expect(popup.getByRole('heading', { name: 'Құпиялылық саясаты' })).toBeVisible();
    await expect(popup.getByTestId('policy-text')).toHaveText('Құпиялылық саясаты, 2 редакциясы');
    await popup.getByRole('button', { name: 'Қабылдаймын' }).click();

    await expect(popup.getByTestId('tab-tag')).toHaveText('Белгілеу');
    await expect(popup.getByRole('group', { name: /Тақырыптар/ })).toBeVisible();
    await popup.getByRole('checkbox', { name: 'Алаяқтық' }).check();
    await expect(popup.getByLabel('Ресурс түрі')).toHaveValue('webpage');
    await expect(popup.getByLabel('Ресурс түрі').locator('option:checked')).toHaveText('Сайт беті');
    await expect(popup.getByRole('button', { name: 'Сақтау' })).toBeVisible();
    await popup.getByRole('button', { name: 'Сақтау' }).click();
    await expect(popup.getByTestId('saved')).toHaveText('✓ Сақталды.');
    await expect(popup.getByTestId('saved-sync')).toHaveText('Сервер есепті қабылдады.');

    await popup.getByTestId('tab-pending').click();
    await expect(popup.getByTestId('section-sent').getByRole('heading')).toHaveText(
      'Жіберілгендер (1)',
    );
    await expect(popup.getByTestId('report-status')).toHaveText('Қабылданды, қарауды күтуде');

    const [stored] = await pullAll(server.url, await apiLogin(server.url, analyst));
    expect(stored).toMatchObject({ topics: ['fraud'] });
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
