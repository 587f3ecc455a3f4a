import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { findPersonalData } from '#shared/personal-data/find-personal-data';
import { fakeUiLocale } from '@/lib/i18n/fake';
import { PersonalDataWarning } from './PersonalDataWarning';
import { mount, textOf } from './testing';

describe('PersonalDataWarning', () => {
  let unmount = () => {};
  beforeEach(() => {
    fakeBrowser.reset();
    fakeUiLocale('ru');
  });
  afterEach(() => unmount());

  it('marks exactly the ranges of the findings in a mirror of the text', async () => {
    const text = 'Звонить 8 701 234 5678, ИИН 880412378771 — продавец';
    const findings = [
      { kind: 'phone' as const, start: 8, end: 22 },
      { kind: 'iin' as const, start: 28, end: 40 },
    ];
    const view = await mount(<PersonalDataWarning text={text} findings={findings} field="note" />);
    unmount = view.unmount;
    const marks = [...view.root.querySelectorAll('[data-testid=pd-mirror-note] mark')];
    expect(marks.map((m) => [m.getAttribute('data-kind'), m.textContent])).toEqual([
      ['phone', '8 701 234 5678'],
      ['iin', '880412378771'],
    ]);
    // The mirror repeats the text exactly: nothing lost, nothing added around the marks.
    expect(view.root.querySelector('[data-testid=pd-mirror-note]')?.textContent).toBe(text);
  });

  it('lists each finding by its kind in the UI language, with the fragment', async () => {
    const text = 'ИИН 880412378771';
    const view = await mount(
      <PersonalDataWarning text={text} findings={findPersonalData(text)} field="note" />,
    );
    unmount = view.unmount;
    const items = [...view.root.querySelectorAll('.pd-list li')].map(textOf);
    expect(items).toEqual(['ИИН: 880412378771']);
    expect(textOf(view.root)).toContain('Похоже на персональные данные третьих лиц.');
  });

  it('shows nothing for an ordinary note', async () => {
    const text = 'Реклама онлайн-казино в Telegram-канале';
    const view = await mount(
      <PersonalDataWarning text={text} findings={findPersonalData(text)} field="note" />,
    );
    unmount = view.unmount;
    expect(view.root.innerHTML).toBe('');
  });

  it('renders hostile text as text', async () => {
    const text = '<img src=x onerror=alert(1)> 880412378771';
    const findings = [{ kind: 'iin' as const, start: 29, end: 41 }];
    const view = await mount(<PersonalDataWarning text={text} findings={findings} field="note" />);
    unmount = view.unmount;
    expect(view.root.querySelector('img')).toBeNull();
    expect(view.root.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
