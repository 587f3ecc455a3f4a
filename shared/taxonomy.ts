import { codesOf, type Vocabulary } from './labels';

/** What kind of resource the material is (one per report). */
export const RESOURCE_TYPES = {
  website: { ru: 'Сайт целиком', kk: 'Сайт толығымен', en: 'Whole website' },
  webpage: { ru: 'Страница сайта', kk: 'Сайт беті', en: 'Web page' },
  social_profile: { ru: 'Аккаунт / профиль', kk: 'Аккаунт / профиль', en: 'Account / profile' },
  social_community: {
    ru: 'Сообщество / группа / публичная страница',
    kk: 'Қауымдастық / топ / қоғамдық парақша',
    en: 'Community / group / public page',
  },
  social_post: { ru: 'Публикация / пост', kk: 'Жарияланым / пост', en: 'Post' },
  messenger_channel: {
    ru: 'Канал или чат мессенджера',
    kk: 'Мессенджер арнасы немесе чаты',
    en: 'Messenger channel or chat',
  },
  video: { ru: 'Видео', kk: 'Бейне', en: 'Video' },
  image: { ru: 'Изображение', kk: 'Сурет', en: 'Image' },
  audio: { ru: 'Аудио', kk: 'Аудио', en: 'Audio' },
  file: { ru: 'Документ / архив', kk: 'Құжат / мұрағат', en: 'Document / archive' },
  mobile_app: { ru: 'Мобильное приложение', kk: 'Мобильді қосымша', en: 'Mobile app' },
  marketplace_listing: { ru: 'Объявление', kk: 'Хабарландыру', en: 'Marketplace listing' },
  forum_thread: { ru: 'Тема форума', kk: 'Форум тақырыбы', en: 'Forum thread' },
  comment: { ru: 'Комментарий', kk: 'Пікір', en: 'Comment' },
  other: { ru: 'Другое', kk: 'Басқа', en: 'Other' },
} as const satisfies Vocabulary<string>;
export type ResourceType = keyof typeof RESOURCE_TYPES;
export const RESOURCE_TYPE_CODES = codesOf<ResourceType>(RESOURCE_TYPES);

/**
 * Content languages (BCP 47 primary codes; Kazakh may carry its script); `und` when nobody has
 * seen the content (a link tagged from the menu), alone only.
 */
export const LANGUAGES = {
  kk: { ru: 'Казахский', kk: 'Қазақ тілі', en: 'Kazakh' },
  'kk-Cyrl': { ru: 'Казахский (кириллица)', kk: 'Қазақ тілі (кирилл)', en: 'Kazakh (Cyrillic)' },
  'kk-Latn': { ru: 'Казахский (латиница)', kk: 'Қазақ тілі (латын)', en: 'Kazakh (Latin)' },
  'kk-Arab': { ru: 'Казахский (арабица)', kk: 'Қазақ тілі (төте жазу)', en: 'Kazakh (Arabic)' },
  ru: { ru: 'Русский', kk: 'Орыс тілі', en: 'Russian' },
  en: { ru: 'Английский', kk: 'Ағылшын тілі', en: 'English' },
  uz: { ru: 'Узбекский', kk: 'Өзбек тілі', en: 'Uzbek' },
  ky: { ru: 'Киргизский', kk: 'Қырғыз тілі', en: 'Kyrgyz' },
  tg: { ru: 'Таджикский', kk: 'Тәжік тілі', en: 'Tajik' },
  tk: { ru: 'Туркменский', kk: 'Түрікмен тілі', en: 'Turkmen' },
  tr: { ru: 'Турецкий', kk: 'Түрік тілі', en: 'Turkish' },
  zh: { ru: 'Китайский', kk: 'Қытай тілі', en: 'Chinese' },
  ug: { ru: 'Уйгурский', kk: 'Ұйғыр тілі', en: 'Uyghur' },
  ar: { ru: 'Арабский', kk: 'Араб тілі', en: 'Arabic' },
  fa: { ru: 'Персидский', kk: 'Парсы тілі', en: 'Persian' },
  az: { ru: 'Азербайджанский', kk: 'Әзербайжан тілі', en: 'Azerbaijani' },
  uk: { ru: 'Украинский', kk: 'Украин тілі', en: 'Ukrainian' },
  de: { ru: 'Немецкий', kk: 'Неміс тілі', en: 'German' },
  ko: { ru: 'Корейский', kk: 'Корей тілі', en: 'Korean' },
  other: { ru: 'Другой', kk: 'Басқа', en: 'Other' },
  // Last, so that the bits of the codes before it keep their place (server facet masks).
  und: {
    ru: 'Не определён (не просмотрено)',
    kk: 'Анықталмаған (қаралмаған)',
    en: 'Undetermined (not seen)',
  },
} as const satisfies Vocabulary<string>;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = codesOf<Language>(LANGUAGES);

/** Regions of Kazakhstan by ISO 3166-2:KZ (the division in force since 8 June 2022). */
export const KZ_REGIONS = {
  'KZ-10': { ru: 'Область Абай', kk: 'Абай облысы', en: 'Abai Region' },
  'KZ-11': { ru: 'Акмолинская область', kk: 'Ақмола облысы', en: 'Akmola Region' },
  'KZ-15': { ru: 'Актюбинская область', kk: 'Ақтөбе облысы', en: 'Aktobe Region' },
  'KZ-19': { ru: 'Алматинская область', kk: 'Алматы облысы', en: 'Almaty Region' },
  'KZ-23': { ru: 'Атырауская область', kk: 'Атырау облысы', en: 'Atyrau Region' },
  'KZ-27': {
    ru: 'Западно-Казахстанская область',
    kk: 'Батыс Қазақстан облысы',
    en: 'West Kazakhstan Region',
  },
  'KZ-31': { ru: 'Жамбылская область', kk: 'Жамбыл облысы', en: 'Zhambyl Region' },
  'KZ-33': { ru: 'Область Жетісу', kk: 'Жетісу облысы', en: 'Zhetisu Region' },
  'KZ-35': { ru: 'Карагандинская область', kk: 'Қарағанды облысы', en: 'Karaganda Region' },
  'KZ-39': { ru: 'Костанайская область', kk: 'Қостанай облысы', en: 'Kostanay Region' },
  'KZ-43': { ru: 'Кызылординская область', kk: 'Қызылорда облысы', en: 'Kyzylorda Region' },
  'KZ-47': { ru: 'Мангистауская область', kk: 'Маңғыстау облысы', en: 'Mangystau Region' },
  'KZ-55': { ru: 'Павлодарская область', kk: 'Павлодар облысы', en: 'Pavlodar Region' },
  'KZ-59': {
    ru: 'Северо-Казахстанская область',
    kk: 'Солтүстік Қазақстан облысы',
    en: 'North Kazakhstan Region',
  },
  'KZ-61': { ru: 'Туркестанская область', kk: 'Түркістан облысы', en: 'Turkistan Region' },
  'KZ-62': { ru: 'Область Ұлытау', kk: 'Ұлытау облысы', en: 'Ulytau Region' },
  'KZ-63': {
    ru: 'Восточно-Казахстанская область',
    kk: 'Шығыс Қазақстан облысы',
    en: 'East Kazakhstan Region',
  },
  'KZ-71': { ru: 'г. Астана', kk: 'Астана қаласы', en: 'Astana' },
  'KZ-75': { ru: 'г. Алматы', kk: 'Алматы қаласы', en: 'Almaty' },
  'KZ-79': { ru: 'г. Шымкент', kk: 'Шымкент қаласы', en: 'Shymkent' },
} as const satisfies Vocabulary<string>;
export type KzRegion = keyof typeof KZ_REGIONS;
export const KZ_REGION_CODES = codesOf<KzRegion>(KZ_REGIONS);

/** Who can see the material. */
export const OPENNESS = {
  public: { ru: 'Доступно всем', kk: 'Барлығына қолжетімді', en: 'Public' },
  registration_required: {
    ru: 'После регистрации / входа',
    kk: 'Тіркелгеннен / кіргеннен кейін',
    en: 'Registration required',
  },
  closed: {
    ru: 'Закрытое, по приглашению / заявке',
    kk: 'Жабық, шақыру / өтінім бойынша',
    en: 'Closed, by invitation / request',
  },
  unknown: { ru: 'Неизвестно', kk: 'Белгісіз', en: 'Unknown' },
} as const satisfies Vocabulary<string>;
export type Openness = keyof typeof OPENNESS;
export const OPENNESS_CODES = codesOf<Openness>(OPENNESS);

/** Whether the material can be reached from the territory of Kazakhstan. */
export const AVAILABILITY = {
  accessible: { ru: 'Доступен', kk: 'Қолжетімді', en: 'Accessible' },
  blocked: { ru: 'Заблокирован в РК', kk: 'ҚР-да бұғатталған', en: 'Blocked in Kazakhstan' },
  geo_restricted: {
    ru: 'Ограничен платформой для РК',
    kk: 'Платформа ҚР үшін шектеген',
    en: 'Restricted for Kazakhstan by the platform',
  },
  removed: { ru: 'Удалён', kk: 'Жойылған', en: 'Removed' },
  unknown: { ru: 'Неизвестно', kk: 'Белгісіз', en: 'Unknown' },
} as const satisfies Vocabulary<string>;
export type Availability = keyof typeof AVAILABILITY;
export const AVAILABILITY_CODES = codesOf<Availability>(AVAILABILITY);

/** Topics, grounded in the laws of the Republic of Kazakhstan. */
export const TOPICS = {
  terrorism: {
    ru: 'Пропаганда и оправдание терроризма',
    kk: 'Терроризмді насихаттау және ақтау',
    en: 'Propaganda or justification of terrorism',
  },
  extremism: {
    ru: 'Экстремизм, сепаратизм',
    kk: 'Экстремизм, сепаратизм',
    en: 'Extremism, separatism',
  },
  violent_change_of_order: {
    ru: 'Призывы к насильственному изменению конституционного строя, нарушению целостности',
    kk: 'Конституциялық құрылысты күштеп өзгертуге, тұтастықты бұзуға шақыру',
    en: 'Calls for violent change of the constitutional order or breach of integrity',
  },
  mass_riots: {
    ru: 'Призывы к массовым беспорядкам, несанкционированным массовым мероприятиям',
    kk: 'Жаппай тәртіпсіздіктерге, рұқсат етілмеген жаппай іс-шараларға шақыру',
    en: 'Calls for mass riots or unauthorized mass events',
  },
  hatred: {
    ru: 'Разжигание социальной, расовой, национальной, религиозной, сословной, родовой розни',
    kk: 'Әлеуметтік, нәсілдік, ұлттық, діни, тектік-топтық, рулық араздықты қоздыру',
    en: 'Incitement of social, racial, national, religious, class or clan hatred',
  },
  war_propaganda: { ru: 'Пропаганда войны', kk: 'Соғысты насихаттау', en: 'War propaganda' },
  cruelty_violence: {
    ru: 'Культ жестокости и насилия',
    kk: 'Қатыгездік пен зорлық-зомбылыққа табыну',
    en: 'Cult of cruelty and violence',
  },
  suicide: {
    ru: 'Пропаганда суицида, способы',
    kk: 'Суицидті насихаттау, тәсілдері',
    en: 'Promotion of suicide, methods',
  },
  csam: {
    ru: 'Сексуальная эксплуатация несовершеннолетних, детская порнография',
    kk: 'Кәмелетке толмағандарды жыныстық қанау, балалар порнографиясы',
    en: 'Sexual exploitation of minors, child sexual abuse material',
  },
  pornography: { ru: 'Порнография', kk: 'Порнография', en: 'Pornography' },
  child_cyberbullying: {
    ru: 'Кибербуллинг в отношении ребёнка',
    kk: 'Балаға қатысты кибербуллинг',
    en: 'Cyberbullying of a child',
  },
  drugs: {
    ru: 'Наркотические средства, психотропные вещества, прекурсоры',
    kk: 'Есірткі құралдары, психотроптық заттар, прекурсорлар',
    en: 'Narcotic drugs, psychotropic substances, precursors',
  },
  gambling: {
    ru: 'Онлайн-казино, нелицензированные букмекеры и их реклама',
    kk: 'Онлайн-казино, лицензиясыз букмекерлер және олардың жарнамасы',
    en: 'Online casinos, unlicensed bookmakers and their advertising',
  },
  fraud: { ru: 'Мошенничество', kk: 'Алаяқтық', en: 'Fraud' },
  financial_pyramid: {
    ru: 'Финансовые пирамиды',
    kk: 'Қаржы пирамидалары',
    en: 'Financial pyramids',
  },
  illegal_trade: {
    ru: 'Незаконная торговля (оружие, поддельные документы, запрещённые товары)',
    kk: 'Заңсыз сауда (қару, жалған құжаттар, тыйым салынған тауарлар)',
    en: 'Illegal trade (weapons, forged documents, prohibited goods)',
  },
  personal_data_leak: {
    ru: 'Незаконное распространение персональных данных',
    kk: 'Дербес деректерді заңсыз тарату',
    en: 'Unlawful dissemination of personal data',
  },
  election_violation: {
    ru: 'Нарушение законодательства о выборах',
    kk: 'Сайлау туралы заңнаманы бұзу',
    en: 'Violation of election law',
  },
  false_information: {
    ru: 'Заведомо ложная информация',
    kk: 'Көрінеу жалған ақпарат',
    en: 'Knowingly false information',
  },
  unlicensed_broadcasting: {
    ru: 'Нелицензированное теле-, радиовещание',
    kk: 'Лицензиясыз теле-, радио хабар тарату',
    en: 'Unlicensed TV or radio broadcasting',
  },
  court_ban: {
    ru: 'Запрещено вступившим в силу решением суда',
    kk: 'Заңды күшіне енген сот шешімімен тыйым салынған',
    en: 'Banned by a court decision in force',
  },
  other: { ru: 'Иное', kk: 'Өзге', en: 'Other' },
} as const satisfies Vocabulary<string>;
export type Topic = keyof typeof TOPICS;
export const TOPIC_CODES = codesOf<Topic>(TOPICS);

/** Where a report came from: the page itself, a link on it, or a text selection. */
export const REPORT_SOURCES = {
  page: { ru: 'Страница', kk: 'Бет', en: 'Page' },
  link: { ru: 'Ссылка', kk: 'Сілтеме', en: 'Link' },
  selection: { ru: 'Выделенный текст', kk: 'Белгіленген мәтін', en: 'Selection' },
} as const satisfies Vocabulary<string>;
export type ReportSource = keyof typeof REPORT_SOURCES;
export const REPORT_SOURCE_CODES = codesOf<ReportSource>(REPORT_SOURCES);
