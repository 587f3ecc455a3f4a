import { describe, expect, it } from 'vitest';
import { detectEmails, isRoleMailbox } from './email';

const values = (text: string) => detectEmails(text).map((f) => text.slice(f.start, f.end));

describe('detectEmails', () => {
  it('finds a person’s address and reports it as certain', () => {
    const text = 'Пишите на aigerim.nurlanovna@mail.ru';
    expect(detectEmails(text)).toEqual([{ kind: 'email', start: 10, end: 36 }]);
  });

  it.each([
    ['ivan.petrov@mail.ru', 'ivan.petrov@mail.ru'],
    ['почта: Ivan_Petrov-88@Gmail.com.', 'Ivan_Petrov-88@Gmail.com'],
    ['(e.nurlanov+kz@company.kz)', 'e.nurlanov+kz@company.kz'],
    ['«askar1990@yandex.kz», а также', 'askar1990@yandex.kz'],
    ['адрес иван@почта.рф', 'иван@почта.рф'],
    ['телефон 87012345678@mail.ru', '87012345678@mail.ru'],
  ])('finds the address in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('finds every address in a text', () => {
    expect(values('ivan@mail.ru, aigerim@gmail.com; erlan@bk.ru')).toEqual([
      'ivan@mail.ru',
      'aigerim@gmail.com',
      'erlan@bk.ru',
    ]);
  });

  it('leaves out role mailboxes of organisations: they are not a person’s data', () => {
    for (const text of [
      'пресс-служба: press@gov.kz',
      'info@kaspi.kz',
      'support@kazakhtelecom.kz',
      'noreply@egov.kz',
      'no-reply@beeline.kz',
      'press-service@akorda.kz',
    ]) {
      expect(values(text), text).toEqual([]);
    }
  });

  it('still finds a personal-looking address at an organisation’s domain', () => {
    expect(values('a.nurlanova@kaspi.kz')).toEqual(['a.nurlanova@kaspi.kz']);
    expect(values('info.erlan@company.kz')).toEqual(['info.erlan@company.kz']);
  });

  it('treats a role-named address at a free mail service as a person’s', () => {
    expect(values('support.kaspi@gmail.com')).toEqual(['support.kaspi@gmail.com']);
    expect(values('info@mail.ru')).toEqual(['info@mail.ru']);
  });

  it('ignores handles, file names and malformed addresses', () => {
    for (const text of [
      'канал @ivan_petrov в Telegram',
      'logo@2x.png',
      'ivan@localhost',
      'ivan..petrov@mail.ru',
      '@mail.ru',
      'ivan@',
      'a @ b.kz',
    ]) {
      expect(values(text), text).toEqual([]);
    }
  });
});

describe('isRoleMailbox', () => {
  it('needs a role word and nothing but role words or digits', () => {
    expect(isRoleMailbox('info', 'gov.kz')).toBe(true);
    expect(isRoleMailbox('press.service', 'gov.kz')).toBe(true);
    expect(isRoleMailbox('support2', 'bank.kz')).toBe(false);
    expect(isRoleMailbox('support-2', 'bank.kz')).toBe(true);
    expect(isRoleMailbox('ivan', 'gov.kz')).toBe(false);
    expect(isRoleMailbox('info', 'MAIL.RU')).toBe(false);
  });
});
