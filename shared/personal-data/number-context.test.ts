import { describe, expect, it } from 'vitest';
import { isFollowedByUnit, isInsideLink, labelBefore, standsAlone } from './number-context';

const labelOf = (prefix: string) => labelBefore(`${prefix}12345`, prefix.length);

describe('labelBefore', () => {
  it('names tax identifiers', () => {
    for (const prefix of ['ИНН ', 'БИН: ', 'ИИН № ', 'ЖСН ', 'ИНН/БИН ', 'IIN ']) {
      expect(labelOf(prefix), prefix).toBe('tax');
    }
  });

  it('names order, article, case and decision numbers, also across "номер" and "№"', () => {
    for (const prefix of [
      'Номер заказа ',
      'заказ № ',
      'заказ номер ',
      'order No. ',
      'артикул: ',
      'арт. ',
      'по делу № ',
      '№ решения ',
      'трек-номер ',
      'договор №',
    ]) {
      expect(labelOf(prefix), prefix).toBe('reference');
    }
  });

  it('names a bare sign or ID', () => {
    for (const prefix of ['№ ', '#', 'ID ', 'пост ID: ', 'телефон № ']) {
      expect(labelOf(prefix), prefix).toBe('sign');
    }
  });

  it('finds no label before ordinary words, "номер" alone or the word "арт"', () => {
    for (const prefix of [
      '',
      'по номеру ',
      'номер ',
      'тел. ',
      'стрит-арт ',
      'в заказе было ',
      'ИИН заказчика ',
      'договорились на ',
    ]) {
      expect(labelOf(prefix), prefix).toBeNull();
    }
  });
});

describe('isFollowedByUnit', () => {
  it('sees currencies, multipliers and counted things after a number', () => {
    for (const after of [
      ' тенге',
      ' тг',
      '₸',
      ' млн',
      ' просмотров',
      ' подписчиков',
      '%',
      ' лет',
    ]) {
      expect(isFollowedByUnit(`15 000${after}`, 6), after).toBe(true);
    }
  });

  it('does not mistake the start of another word for a unit', () => {
    for (const after of ['', ', спросить', ' г. Алматы', ' тгк', ' разный', ' кгб']) {
      expect(isFollowedByUnit(`15 000${after}`, 6), after).toBe(false);
    }
  });
});

describe('standsAlone', () => {
  it('is false inside links, addresses and codes and true between words and punctuation', () => {
    const inside = (text: string, part: string) =>
      standsAlone(text, text.indexOf(part), text.indexOf(part) + part.length);
    expect(inside('t.me/c/123456', '123456')).toBe(false);
    expect(inside('123456@mail.ru', '123456')).toBe(false);
    expect(inside('wall-1234_5678', '5678')).toBe(false);
    expect(inside('id-5678', '5678')).toBe(false);
    expect(inside('тел.: 5678, спросить', '5678')).toBe(true);
    expect(inside('(5678)', '5678')).toBe(true);
  });
});

describe('isInsideLink', () => {
  it('is true for a number in a path, a query or an address and false after a word', () => {
    expect(isInsideLink('t.me/c/12345', 7, 12)).toBe(true);
    expect(isInsideLink('?id=12345&x', 4, 9)).toBe(true);
    expect(isInsideLink('12345@mail.ru', 0, 5)).toBe(true);
    expect(isInsideLink('ИИН12345 и', 3, 8)).toBe(false);
    expect(isInsideLink('(12345).', 1, 6)).toBe(false);
  });
});

describe('labelBefore on the labels analysts write', () => {
  it.each([
    'Лицевой счёт ',
    'лицевой счет № ',
    'Номер счета ',
    'Лицевой счёт абонента ',
    'лот № ',
    'Промокод ',
    'промокод: ',
    'Номер платежа ',
    'Номер кошелька ',
    'Серийный номер устройства ',
    'Номер партии ',
    'Счёт-фактура ',
    'Квитанция № ',
    'Трек-номер посылки ',
    'Обращение № ',
    'Абонентский номер договора ',
    'Жеке шот ',
    'Шот нөмірі ',
    'Тапсырыс нөмірі ',
    'Трек-нөмір ',
    'Төлем түбіртегі № ',
    'Jeke şot ',
    'Şot nömırı ',
    'Tapsyrys nömırı ',
    'Trek-nömır ',
    'Promokod ',
    'Account number ',
    'Lot ',
    'Promo code ',
    'Promo code / промокод: ',
    'Order #',
    'Tracking number ',
    'Invoice ',
    'Customer number ',
    'Transaction ID ',
    'Reference ',
    'App version ',
  ])('names %j as a reference', (prefix) => {
    expect(labelOf(prefix)).toBe('reference');
  });

  it('names the Kazakh BIN and IIN in both alphabets as tax identifiers', () => {
    for (const prefix of ['БСН ', 'BSN ', 'JSN ']) expect(labelOf(prefix), prefix).toBe('tax');
  });

  it('lets one governed noun stand between a label and its number, not a verb or a phone word', () => {
    expect(labelOf('счёт абонента ')).toBe('reference');
    expect(labelOf('заказ принимает ')).toBeNull();
    expect(labelOf('заказ телефона ')).toBeNull();
    expect(labelOf('по заказу клиента позвоните ')).toBeNull();
    expect(labelOf('Номер телефона жертвы ')).toBeNull();
  });
});
