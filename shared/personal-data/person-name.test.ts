import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDINARY_NOTES } from './fixtures/ordinary-notes';
import { detectNames } from './person-name';

function namesIn(text: string): string[] {
  return detectNames(text).map((finding) => text.slice(finding.start, finding.end));
}

describe('detectNames', () => {
  it.each([
    [
      'surname, given name, patronymic',
      'Автор — Иванов Иван Иванович, проживает в Караганде',
      'Иванов Иван Иванович',
    ],
    ['given name, patronymic, surname', 'Канал ведёт Иван Иванович Иванов', 'Иван Иванович Иванов'],
    ['surname and spaced initials', 'Письмо подписал Иванов И. И. вчера', 'Иванов И. И.'],
    ['surname and joined initials', 'Письмо подписал Иванов И.И. вчера', 'Иванов И.И.'],
    ['initials before the surname', 'Пост написал И.И. Иванов', 'И.И. Иванов'],
    ['one initial before the surname', 'Пост написал И. Петров', 'И. Петров'],
    ['a surname with one initial', 'получатель Калиев Н.', 'Калиев Н.'],
    [
      'a Kazakh patronymic joined',
      'Владелец страницы Нұрланов Ерлан Болатұлы',
      'Нұрланов Ерлан Болатұлы',
    ],
    ['a Kazakh patronymic apart', 'Парақша иесі Ерлан Болат ұлы', 'Ерлан Болат ұлы'],
    [
      'a Kazakh daughter patronymic apart',
      'Жазбаны Айгерим Нұрлан қызы жариялады',
      'Айгерим Нұрлан қызы',
    ],
    ['a patronymic without Kazakh letters', 'Автор Ерлан Болатулы, блогер', 'Ерлан Болатулы'],
    [
      'a female name first',
      'Посты пишет Айгерим Нурлановна Сейтказиева',
      'Айгерим Нурлановна Сейтказиева',
    ],
    [
      'a female surname first',
      'Посты пишет Сейтказиева Айгерим Нурлановна',
      'Сейтказиева Айгерим Нурлановна',
    ],
    ['a declined full name', 'Деньги у Иванова Ивана Ивановича', 'Иванова Ивана Ивановича'],
    ['a dative pair', 'Передать Иванову Ивану до пятницы', 'Иванову Ивану'],
    ['an instrumental pair', 'Он связан с Нурлановым Ерланом', 'Нурлановым Ерланом'],
    ['a declined female name', 'Письмо Петровой Марии Сергеевне', 'Петровой Марии Сергеевне'],
    ['a -ский surname', 'Страницу ведёт Дмитрий Ковальский', 'Дмитрий Ковальский'],
    ['a -ская surname', 'Автор статьи Анна Вишневская', 'Анна Вишневская'],
    ['a -цкий surname', 'Ролик снял Олег Белоцкий', 'Олег Белоцкий'],
    ['a -цкая surname', 'Текст подписан: Ирина Высоцкая', 'Ирина Высоцкая'],
    ['a -бай surname', 'Админ группы Айдар Серікбай', 'Айдар Серікбай'],
    ['a -бек surname', 'Организатор Тлеубек Нурлан, по данным чата', 'Тлеубек Нурлан'],
    ['a -бекова surname', 'Отзыв оставила Асель Жумабекова', 'Асель Жумабекова'],
    ['a -баева surname', 'Фото выложила Динара Кульбаева', 'Динара Кульбаева'],
    ['an -енко surname', 'Кошелёк принадлежит Петренко Олегу', 'Петренко Олегу'],
    ['an -ук surname', 'Сообщение от Ковальчук Марии', 'Ковальчук Марии'],
    ['a -юк surname', 'Угрозы получил Андрей Литвинюк', 'Андрей Литвинюк'],
    ['Kazakh letters throughout', 'Жауапты Әлібеков Қайрат Ғалымұлы', 'Әлібеков Қайрат Ғалымұлы'],
    ['a Kazakh case suffix', 'Ерлан Нұрлановқа хабарласыңыз', 'Ерлан Нұрлановқа'],
    ['a Latin full name', 'Owner: Ivanov Ivan Ivanovich', 'Ivanov Ivan Ivanovich'],
    ['a Latin Kazakh name', 'Owner: Nurlanov Erlan Bolatuly', 'Nurlanov Erlan Bolatuly'],
    [
      'a Latin female name',
      'Author Aigerim Nurlanovna Seitkazieva',
      'Aigerim Nurlanovna Seitkazieva',
    ],
    ['a Latin spelling variant', 'Posted by Yerlan Nurlanov', 'Yerlan Nurlanov'],
    ['a Latin patronymic apart', 'Signed Yerlan Bolat uly', 'Yerlan Bolat uly'],
    ['a Latin initial', 'name on card A. Sultanov', 'A. Sultanov'],
    ['a Korean surname', 'Организатор Ким Виктор Алексеевич', 'Ким Виктор Алексеевич'],
    ['a Korean surname in Latin', 'full name Zhanna Kim', 'Zhanna Kim'],
    ['a name in capitals', 'ИВАНОВ ИВАН ИВАНОВИЧ указан как автор', 'ИВАНОВ ИВАН ИВАНОВИЧ'],
    ['a surname in capitals', 'ИВАНОВ Иван Иванович указан как автор', 'ИВАНОВ Иван Иванович'],
    [
      'a given name and patronymic',
      'Скрин: «Алексей Николаевич, переведите»',
      'Алексей Николаевич',
    ],
    ['a hyphenated surname', 'Заявление подала Иванова-Петрова Анна', 'Иванова-Петрова Анна'],
    ['a hyphenated given name', 'Фейк от имени Касым-Жомарт Кемелевич', 'Касым-Жомарт Кемелевич'],
    ['a surname starting a sentence', 'Канал закрыт. Петров Олег создал новый.', 'Петров Олег'],
  ])('finds %s', (_, text, name) => {
    expect(namesIn(text)).toEqual([name]);
  });

  it('finds every name in a list of people', () => {
    expect(namesIn('Кураторы — Сергей Иванович Панченко и Ольга Лысенко')).toEqual([
      'Сергей Иванович Панченко',
      'Ольга Лысенко',
    ]);
  });

  it('is more certain of a name with a patronymic than of a bare pair', () => {
    const [full] = detectNames('Автор Иванов Иван Иванович');
    const [pair] = detectNames('Автор Иванов Иван');
    expect(full!.confidence).toBeGreaterThan(pair!.confidence!);
  });

  it.each([
    ['a given name alone', 'Звонить по номеру, спросить Ерлана'],
    ['a surname alone', 'Президент Токаев упомянут в посте'],
    ['an organisation', 'ТОО «Казахтелеком» и АО «Kaspi Bank» упомянуты'],
    ['a ministry', 'Министерство информации и общественного развития'],
    ['a street named after a person', 'Сбор на ул. Т. Рыскулова у входа'],
    ['a university named after a person', 'ЕНУ имени Л.Н. Гумилёва опроверг слухи'],
    ['a Kazakh street named after a person', 'Қаныш Сәтбаев көшесінде жиын өтті'],
    ['a school named after a person', 'Абай Құнанбайұлы атындағы мектеп туралы фейк'],
    ['a genitive plural', 'Подписчиков Ерлан не раскрывает'],
    ['a plural genitive after a hyphen', 'Список Telegram-каналов Ерлана'],
    ['a drug name', 'Героин Мария не продаёт, пишут в чате'],
    ['a slogan', 'Слава Украине — лозунг в шапке'],
    ['a Kazakh sentence start', 'Бүгін Ерлан деген әкімші жазды'],
    ['a role before a given name', 'Гражданин Ерлан обратился в полицию'],
    ['a month', 'Май айында жарнама көбейді'],
    ['a region', 'Абай облысы мен Жамбыл облысы'],
    ['two given names', 'Модераторы Марина Алина и Дана'],
    ['a handle', 'Аккаунт @Ivanov_Ivan и @Petrov.Oleg'],
    ['an e-mail', 'Пишите на ivanov.ivan@mail.ru'],
    ['a city before a given name', 'Филиал в Алматы Ерлан не открывал'],
  ])('finds nothing in %s', (_, text) => {
    expect(namesIn(text)).toEqual([]);
  });

  it.each(ORDINARY_NOTES)('finds nothing in the ordinary note "%s"', (note) => {
    expect(namesIn(note)).toEqual([]);
  });

  it('finds nothing in text without capital letters', () => {
    const word = fc.stringMatching(/^[а-яәғқңөұүһі]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        expect(detectNames(words.join(' '))).toEqual([]);
      }),
    );
  });

  it('returns sorted spans that lie within the text and never overlap', () => {
    const piece = fc.constantFrom(
      'Иванов',
      'Иван',
      'Иванович',
      'И.',
      ' ',
      ', ',
      'ұлы',
      'Болат',
      'и',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const findings = detectNames(text);
        findings.forEach((finding, i) => {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          expect(finding.start).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
        });
      }),
    );
  });

  it.each([
    ['Видео выложил Ерлан Жақып, житель Талгара', 'Ерлан Жақып'],
    ['Сообщение подписано: Алибек Сейітқали', 'Алибек Сейітқали'],
    ['Должник Сейтказы Арман, уд. личности', 'Сейтказы Арман'],
    ['Aidos Sağyntai arnasynda jarnama', 'Aidos Sağyntai'],
    ['Topta Ömırzaq Almas degen adam', 'Ömırzaq Almas'],
    ['Screenshots show messages from Nurlan Zhakyp asking for money', 'Nurlan Zhakyp'],
    ['Qairat Serıkūly topta jazğan', 'Qairat Serıkūly'],
    ['Arna iesı — Aigerım Janbolatqyzy', 'Aigerım Janbolatqyzy'],
    ['Arna iesı — Aigerım Janbolatqızı', 'Aigerım Janbolatqızı'],
    ['Bopsalauşy özın Däulet Serık ūly dep tanystyrğan', 'Däulet Serık ūly'],
    ['Videony Nūrsūltan Erlanūly Jūmabaev jariialağan', 'Nūrsūltan Erlanūly Jūmabaev'],
  ])(
    'finds a Kazakh surname without a Russian ending or a Latin patronymic in %j',
    (text, name) => {
      expect(namesIn(text)).toEqual([name]);
    },
  );

  it('is less certain of a given name beside an unmarked word than of a marked surname', () => {
    const [unmarked] = detectNames('Видео выложил Ерлан Жақып');
    const [marked] = detectNames('Видео выложил Ерлан Жақыпов');
    expect(unmarked!.confidence).toBeLessThan(marked!.confidence!);
  });

  it.each([
    ['a company named after a person', 'ТОО «Ерлан Строй» рекламирует доход'],
    ['a brand named after a person', 'Бренд «Айгерим Бьюти» продаёт препараты'],
    ['a Kazakh company named after a person', '«Айгерім Строй» ЖШС жарнамасы'],
    ['a Kazakh Latin company named after a person', '«Aigerım Stroi» JŞS jarnamasy'],
    ['a quoted title', 'Канал «Ерлан Жақып» закрыт'],
    ['a bank', 'Реклама от Арман Банк и Kaspi'],
    ['a Kazakh Latin school named after a person', 'Qanyş Sätbaev atyndağy mektepte'],
    ['a Kazakh Latin street named after a person', 'Älia Moldağūlova köşesınde jinalys'],
    ['a given name at the start of a sentence', 'Бүгін Ерлан жазды. Сейітқали жоқ'],
    ['a monument to a person', 'Памятник Абаю Кунанбаеву облит краской'],
    ['a Kazakh monument to a person', 'Абай Құнанбайұлы ескерткіші боялған'],
  ])('finds nothing in %s', (_, text) => {
    expect(namesIn(text)).toEqual([]);
  });
});
