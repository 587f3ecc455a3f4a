import { describe, expect, it } from 'vitest';
import { createClaims } from './claims';
import { detectPhones, findPhones } from './phone';

const values = (text: string) => detectPhones(text).map((f) => text.slice(f.start, f.end));

describe('detectPhones', () => {
  it.each([
    ['Звонить по номеру +7 701 234 56 78, спросить Ерлана', '+7 701 234 56 78'],
    ['тел. 8 (727) 250-11-22', '8 (727) 250-11-22'],
    ['WhatsApp 87012345678', '87012345678'],
    ['+7(701)2345678', '+7(701)2345678'],
    ['моб.: +77012345678', '+77012345678'],
    ['8-701-234-56-78', '8-701-234-56-78'],
    ['8 701 234 5678', '8 701 234 5678'],
    ['(701) 234-56-78', '(701) 234-56-78'],
    ['тел 701 234 56 78', '701 234 56 78'],
    ['+7 (7172) 74-36-52', '+7 (7172) 74-36-52'],
    ['+7 495 123-45-67', '+7 495 123-45-67'],
    ['связь (+7 701 234 56 78)', '+7 701 234 56 78'],
    ['+7\u00a0701\u00a0234\u00a056\u00a078', '+7\u00a0701\u00a0234\u00a056\u00a078'],
  ])('finds a Kazakh or Russian number written as in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['Кыргызстан: +996 555 123 456', '+996 555 123 456'],
    ['Узбекистан: +998 90 123 45 67', '+998 90 123 45 67'],
    ['США: +1 202-555-0143', '+1 202-555-0143'],
    ['Турция: +90 532 123 45 67', '+90 532 123 45 67'],
    ['через 810: 8 10 996 555 123456', '8 10 996 555 123456'],
  ])('finds an international number in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('rejects numbers outside any assigned range', () => {
    expect(values('+7 000 123 45 67')).toEqual([]);
    expect(values('8 (111) 111-11-11')).toEqual([]);
    expect(values('+996 000 000 000')).toEqual([]);
  });

  it('finds two numbers separated by a comma as two findings', () => {
    expect(values('8 701 234 56 78, 8 702 345 67 89')).toEqual([
      '8 701 234 56 78',
      '8 702 345 67 89',
    ]);
  });

  it('reports UTF-16 offsets into the original text, also after emoji and Cyrillic', () => {
    // Two emoji are two UTF-16 units each: 4 + ' звоните: ' (10) puts the number at 14.
    const text = '📞😀 звоните: +7 701 234 56 78 🙂';
    const [finding] = detectPhones(text);
    expect(finding).toMatchObject({ kind: 'phone', start: 14, end: 30 });
    expect(text.slice(finding!.start, finding!.end)).toBe('+7 701 234 56 78');
  });

  it('maps offsets back correctly when several spans go to the library together', () => {
    const text = 'первый 8 701 234 56 78; дата 12.03.2024; второй +996 555 123 456.';
    expect(values(text)).toEqual(['8 701 234 56 78', '+996 555 123 456']);
  });

  it('is certain with "+" or a word like тел. and a little less without', () => {
    expect(detectPhones('+7 701 234 56 78')[0]?.confidence).toBeUndefined();
    expect(detectPhones('тел.: 87012345678')[0]?.confidence).toBeUndefined();
    expect(detectPhones('спросить 87012345678')[0]?.confidence).toBe(0.9);
  });

  it('does not take IINs, card numbers, order or case numbers for phones', () => {
    expect(values('ИИН 880412378771')).toEqual([]);
    expect(values('Карта 4400 8792 1742 1804')).toEqual([]);
    expect(values('Номер заказа 967929081003 в описании товара')).toEqual([]);
    expect(values('решением суда № 2-1234/2023')).toEqual([]);
  });

  it.each([
    'ИНН 7012345678',
    'БИН 87012345678',
    'Номер заказа 87012345678',
    'заказ № 87012345678',
    'дело 87012345678',
    'по делу № 87012345678',
    '№ решения 87012345678',
    '№ 87012345678',
    'ID 7012345678',
    'артикул 87012345678',
    'арт. 87012345678',
    'order No. 87012345678',
  ])('does not take a labelled number for a phone: %j', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('still finds a phone after "тел. №"', () => {
    expect(values('тел. № 87012345678')).toEqual(['87012345678']);
  });

  it.each([
    'Публикация от 12.03.2024 10:30 призывает к митингу',
    'с 10.03.2024 по 12.03.2024',
    '2024-03-12 10:00',
    'цены от 15 000 тенге',
    'ущерб 7 000 000 000 тенге',
    'бюджет 7012345678 тенге',
    '7012345678 просмотров',
    '1,2 млн просмотров',
    'более 12 000 подписчиков',
    'в 2019, 2020 и 2021 годах',
    '2019 2020 2021 2022',
    'рост на 300%',
    'координаты 43.238949, 76.889709',
    'ст. 174 УК РК',
  ])('does not take a date, amount, count or year for a phone: %j', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('does not take numbers inside links, e-mails or identifiers for phones', () => {
    expect(values('https://vk.com/wall-1234_87012345678')).toEqual([]);
    expect(values('t.me/channel/87012345678')).toEqual([]);
    expect(values('87012345678@mail.ru')).toEqual([]);
    expect(values('id=87012345678')).toEqual([]);
    expect(values('x87012345678')).toEqual([]);
  });

  it('does not report hotlines and paid service numbers, which belong to organisations', () => {
    expect(values('горячая линия 8 800 080 7777')).toEqual([]);
  });

  it('does not take a 12-digit run for a phone, whatever its checksum', () => {
    expect(values('788362345139')).toEqual([]);
  });

  it('leaves spans that another kind already holds to that kind', () => {
    const text = 'тел. 87012345678';
    const claims = createClaims(text.length);
    claims.claim(5, 16);
    expect(findPhones(text, claims)).toEqual([]);
    expect(findPhones(text)).toHaveLength(1);
  });

  it.each([
    'Лицевой счёт 8701234567',
    'Лицевой счёт абонента 7 701 552 3410',
    'Промокод 77015523410',
    'промокод 8 777 120 45 66 в сторис',
    'Трек-номер посылки 87473300219',
    'Серийный номер устройства 87012345678',
    'Номер платежа 8 7012 3456 78',
    'Жеке шот 87014523690',
    'Тапсырыс нөмірі 87052233140',
    'Jeke şot 87014523690',
    'Trek-nömır 87473300219',
    'Account number 7012345678',
    'Lot 87052233140',
    'Promo code 77015523410',
    'Customer number 87015552314',
  ])('does not take a number labelled as an account, a lot, a code or a parcel: %j', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('does not take an IP address for a phone, but still reads dotted phones', () => {
    expect(values('Сайт резолвится на 87.247.105.12 и 77.240.12.108')).toEqual([]);
    expect(values('тел. 8.701.234.56.78')).toEqual(['8.701.234.56.78']);
  });
});
