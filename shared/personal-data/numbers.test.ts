import { describe, expect, it } from 'vitest';
import { detectNumbers } from './numbers';

const found = (text: string) =>
  detectNumbers(text).map((f) => ({ kind: f.kind, value: text.slice(f.start, f.end) }));

describe('detectNumbers: conflicts between kinds', () => {
  it('reports a valid IIN spaced like a phone number as an IIN only', () => {
    // 810626 1 28753 is a valid IIN; libphonenumber alone reads "8 10 …" as a call abroad.
    expect(found('8 106 261 28 753')).toEqual([{ kind: 'iin', value: '8 106 261 28 753' }]);
  });

  it('reports the digits inside an e-mail address as part of the address only', () => {
    expect(found('пишите 87012345678@mail.ru')).toEqual([
      { kind: 'email', value: '87012345678@mail.ru' },
    ]);
  });

  it('reports an IBAN whole, not the digit runs inside it', () => {
    expect(found('счёт KZ86 125K ZT50 0410 0100')).toEqual([
      { kind: 'iban', value: 'KZ86 125K ZT50 0410 0100' },
    ]);
  });

  it('does not report a phone, card or IIN labelled as a tax, order or case number', () => {
    expect(found('ИНН 7707083893, БИН 090440000000')).toEqual([]);
    expect(found('Номер заказа 967929081003, заказ 4400879217421804')).toEqual([]);
    expect(found('дело № 87012345678, № решения 87012345678')).toEqual([]);
  });

  it('reports each kind once in a note that holds all of them, in text order', () => {
    const text =
      'ИИН 880412378771, тел. +7 701 234 56 78, почта ivan.petrov@mail.ru, ' +
      'счёт KZ86125KZT5004100100, карта 4400 8792 1742 1804, удостоверение № 045612378';
    expect(found(text)).toEqual([
      { kind: 'iin', value: '880412378771' },
      { kind: 'phone', value: '+7 701 234 56 78' },
      { kind: 'email', value: 'ivan.petrov@mail.ru' },
      { kind: 'iban', value: 'KZ86125KZT5004100100' },
      { kind: 'card', value: '4400 8792 1742 1804' },
      { kind: 'id_document', value: '045612378' },
    ]);
  });

  it('returns findings sorted by start that never overlap', () => {
    const text = '4400879217421804 87012345678 880412378771 ivan@mail.ru 8 701 234 56 78';
    const findings = detectNumbers(text);
    expect(findings.map((f) => f.kind)).toEqual(['card', 'phone', 'iin', 'email', 'phone']);
    for (let i = 1; i < findings.length; i++) {
      expect(findings[i - 1]!.end).toBeLessThanOrEqual(findings[i]!.start);
    }
  });

  it('stays fast on hostile input: long runs of digits, separators and "@"', () => {
    const hostile = [
      '1 '.repeat(20_000),
      '8-'.repeat(20_000),
      `${'a'.repeat(20_000)}@${'b.'.repeat(10_000)}`,
      `паспорт ${' '.repeat(20_000)}x`,
      'KZ12'.repeat(10_000),
      '+('.repeat(20_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      detectNumbers(text);
      // Linear work on 40 000 characters takes a few milliseconds; backtracking would take seconds.
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(500);
    }
  });
});

/** Ordinary analyst notes: dates, times, prices, counts, articles, case and order numbers, BINs. */
const ORDINARY_NOTES = [
  'Канал распространяет рекламу онлайн-казино, более 12 000 подписчиков',
  'Сайт продаёт наркотики, цены от 15 000 тенге, доставка по Алматы и Астане',
  'Публикация от 12.03.2024 призывает к участию в несанкционированном митинге',
  'Материал признан экстремистским решением суда № 2-1234/2023',
  'Видео содержит инструкцию по изготовлению взрывчатки, 1,2 млн просмотров',
  'Номер заказа 967929081003 в описании товара',
  'Финансовая пирамида обещает 300% за месяц, ссылки на t.me/xxxx',
  'Статья 174 УК РК, статья 41-1 Закона о связи',
  'Пост опубликован 05.11.2023 в 14:35, набрал 45 000 просмотров и 1 200 репостов',
  'Стрим 2024-02-17 18:00–21:30, зрителей до 3 500 человек',
  'Ущерб оценивается в 7 000 000 000 тенге, дело № 7512-23-00-2/145',
  'Ролик загружен 3 раза: 01.02.2024, 15.02.2024 и 29.02.2024',
  'ТОО «Жарнама Плюс», БИН 090440000000, размещает рекламу вейпов',
  'Организатор: ТОО, БИН 180940025487, юридический адрес не указан',
  'Ставки на спорт, бонус 50 000 ₸ за регистрацию, промокод WIN2024',
  'Курс 1 USD = 470,5 KZT, призыв скупать валюту до 01.04.2024',
  'Заказ № 1234567890123456 оформлен через маркетплейс, артикул 987654321',
  'Трек-номер RR123456789KZ, посылка с запрещёнными препаратами',
  'Версия приложения 2.14.3, сборка 20240312, 10 000+ установок',
  'Исследование 2019–2023 годов, выборка 1 500 респондентов',
  'Приговор по делу № 1-245/2022 от 14.06.2022, ст. 299 УК РК',
  'Постановление № 123 от 15.01.2024, протокол 4567890123',
  'Объявление о продаже оружия, цена 250 000 руб., 12 фото',
  'Группа ВКонтакте, 23 456 участников, основана в 2015 году',
  'Страница на казахском языке, Алматы облысы, Жетісу облысы',
  'Видео 4K, длительность 12:45, 2 340 567 просмотров',
  'Сайт зарегистрирован 17.08.2021, IP 185.22.66.14, хостинг в Нидерландах',
  'Ссылки https://example.com/post/87012345678 и https://vk.com/wall-12345_6789',
  'Канал @news_kz_2024, 98 765 подписчиков, 3–5 постов в день',
  'Координаты места сбора: 43.238949, 76.889709',
  'Розыгрыш iPhone 15 Pro 256 ГБ, участников 150 000',
  'Курс «заработок 1000$ в день», стоимость 49 990 тенге',
  'Реклама казино: выигрыш 1 000 000 тг, ставка от 100 тг',
  'Пост ID 7012345678 удалён администрацией после жалобы',
  'Решение № 3-11/2024 вступило в законную силу 30.04.2024',
  'Жалоба зарегистрирована под номером 2024-03-12-000457',
  'Опрос: 67,3% против, 21,4% за, погрешность 2,5%',
  'Материал дублируется на 14 ресурсах, первый от 02.01.2024 08:15:00',
  'Сумма переводов за март — 12 345 678 тенге по данным банка',
  'Заявка №20240312-0015, обращение принято 12.03.2024 в 09:41',
  'Приложение 2 к приказу № 512 от 28.12.2023, пункт 4.1.2',
  'Договор № 4400879217421804 на оказание рекламных услуг',
  'Почта организации для запросов: info@kazakhtelecom.kz, пресс-служба press@gov.kz',
  'Горячая линия банка 8 800 080 7777 указана в посте как «для жертв»',
  'Телеграм-бот продаёт базы данных, 1,5 млрд записей, цена 0,05 BTC',
  'Бот @shop_kz_bot, оплата в USDT, 100–500$ за заказ',
  'Видео выложено в 2023 г., 12 500 лайков, 3 400 комментариев',
  'ИНН 7707083893 российской компании-организатора указан на сайте',
];

describe('detectNumbers: ordinary notes', () => {
  it('has a table of at least 40 ordinary notes', () => {
    expect(ORDINARY_NOTES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ORDINARY_NOTES)('finds nothing in %j', (note) => {
    expect(found(note)).toEqual([]);
  });
});
