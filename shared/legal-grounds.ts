import { z } from 'zod';
import { codesOf, type Labels, type Vocabulary } from './labels';
import type { Topic } from './taxonomy';

// The RK acts and provisions under which access to a material is restricted (taxonomy.md, Legal
// grounds). `source` names the act's official text (the reference legal database of the Ministry
// of Justice). `checked` says how far each citation was verified, strongest first:
//   'text'      — the provision's number and subject were read in the published text (or its
//                 official translation);
//   'heading'   — the article's number and heading were read in the act's text or a reproduction
//                 of it (a commercial legal database, a publication quoting the code);
//   'secondary' — only public statements of state bodies (prosecutors, police, courts, ministries)
//                 citing the article by number and subject confirm it, not the code's own text;
//   'unverified'— taken from knowledge of the codes, NOT confirmed in any source read: a lawyer
//                 must confirm it before it is relied on.
// The comment above each ground names the pages read; Kazakh labels not read in Kazakh translate
// the heading read. Acts change: Law No. 94-VIII of 19 June 2024 (in force 20 August 2024) renamed
// the authority of art. 41-1 "in the field of mass media", and older sources may predate its
// replacing "средства массовой информации" with "масс-медиа".

/** An RK legal act that grounds restrictions of access. */
export type LegalAct = Labels & { number: string; date: string; source: string };

export const LEGAL_ACTS = {
  communications: {
    ru: 'Закон РК «О связи»',
    kk: '«Байланыс туралы» ҚР Заңы',
    en: 'Law of the RK "On Communications"',
    number: '567-II',
    date: '2004-07-05',
    source: 'https://adilet.zan.kz/rus/docs/Z040000567_',
  },
  online_platforms: {
    ru: 'Закон РК «Об онлайн-платформах и онлайн-рекламе»',
    kk: '«Онлайн-платформалар және онлайн-жарнама туралы» ҚР Заңы',
    en: 'Law of the RK "On Online Platforms and Online Advertising"',
    number: '18-VIII',
    date: '2023-07-10',
    source: 'https://adilet.zan.kz/rus/docs/Z2300000018',
  },
  mass_media: {
    ru: 'Закон РК «О масс-медиа»',
    kk: '«Масс-медиа туралы» ҚР Заңы',
    en: 'Law of the RK "On Mass Media"',
    number: '93-VIII',
    date: '2024-06-19',
    source: 'https://adilet.zan.kz/rus/docs/Z2400000093',
  },
  criminal_code: {
    ru: 'Уголовный кодекс РК',
    kk: 'ҚР Қылмыстық кодексі',
    en: 'Criminal Code of the RK',
    number: '226-V',
    date: '2014-07-03',
    source: 'https://adilet.zan.kz/rus/docs/K1400000226',
  },
  administrative_code: {
    ru: 'Кодекс РК об административных правонарушениях',
    kk: 'ҚР Әкімшілік құқық бұзушылық туралы кодексі',
    en: 'Code of the RK on Administrative Offences',
    number: '235-V',
    date: '2014-07-05',
    source: 'https://adilet.zan.kz/rus/docs/K1400000235',
  },
  court: {
    ru: 'Решение суда',
    kk: 'Сот шешімі',
    en: 'Court decision',
    number: '',
    date: '',
    source: '',
  },
} as const satisfies Record<string, LegalAct>;
export type LegalActCode = keyof typeof LEGAL_ACTS;

/** How far a citation was verified, strongest first (see the comment at the top). */
export const CITATION_CHECKS = ['text', 'heading', 'secondary', 'unverified'] as const;
export type CitationCheck = (typeof CITATION_CHECKS)[number];

type Ground = Labels & {
  act: LegalActCode;
  /** The provision in the act's own numbering: `41-1.1` is article 41-1, paragraph 1. */
  provision: string;
  checked: CitationCheck;
};

const ground = (
  act: LegalActCode,
  provision: string,
  checked: Ground['checked'],
  labels: Labels,
): Ground => ({ act, provision, checked, ...labels });

/** The legal grounds a decision or a notice may cite. */
export const LEGAL_GROUNDS = {
  communications_41_1_p1: ground('communications', '41-1.1', 'text', {
    ru: 'Закон «О связи», ст. 41-1 п. 1: преступные цели, нарушение законодательства о выборах, призывы к экстремистской и террористической деятельности, массовым беспорядкам, сексуальная эксплуатация несовершеннолетних и детская порнография, кибербуллинг ребенка, реклама онлайн-казино, нелицензионное вещание',
    kk: '«Байланыс туралы» Заң, 41-1-бап 1-тармақ: қылмыстық мақсаттар, сайлау туралы заңнаманы бұзу, экстремистік және террористік әрекетке, жаппай тәртіпсіздіктерге шақыру, кәмелетке толмағандарды жыныстық қанау және балалар порнографиясы, балаға қатысты кибербуллинг, онлайн-казино жарнамасы, лицензиясыз хабар тарату',
    en: 'Law "On Communications", art. 41-1 para. 1: criminal purposes, breach of election law, calls for extremist or terrorist activity or mass riots, sexual exploitation of minors and child pornography, cyberbullying of a child, online casino advertising, unlicensed broadcasting',
  }),
  communications_41_1_p1_1: ground('communications', '41-1.1-1', 'text', {
    ru: 'Закон «О связи», ст. 41-1 п. 1-1: информация, запрещенная или ограниченная вступившими в силу судебными актами или законами РК',
    kk: '«Байланыс туралы» Заң, 41-1-бап 1-1-тармақ: заңды күшіне енген сот актілерімен немесе ҚР заңдарымен тыйым салынған не шектелген ақпарат',
    en: 'Law "On Communications", art. 41-1 para. 1-1: information prohibited or restricted by judicial acts in force or by the laws of the RK',
  }),
  // Not found. Para. 5 of art. 41-1 speaks of "the order under paragraphs 1-1 and 2" given by the
  // mass-media authority, and para. 1 already sends the Prosecutor General's submission to the
  // national security bodies: this label may be out of date. Read:
  // https://continent-online.com/document/?doc_id=1049207&mode=p&page=7
  // https://zakonpravo.kz/en/article-41-1-the-procedure-for-suspending-the-operation-of-networks-and-or-means-of-communication-of-the-law-on-communications
  communications_41_1_p2: ground('communications', '41-1.2', 'unverified', {
    ru: 'Закон «О связи», ст. 41-1 п. 2: безотлагательные случаи (органы национальной безопасности)',
    kk: '«Байланыс туралы» Заң, 41-1-бап 2-тармақ: кейінге қалдыруға болмайтын жағдайлар (ұлттық қауіпсіздік органдары)',
    en: 'Law "On Communications", art. 41-1 para. 2: urgent cases (national security bodies)',
  }),
  online_platforms_9_p4: ground('online_platforms', '9.4', 'text', {
    ru: 'Закон «Об онлайн-платформах и онлайн-рекламе», ст. 9 п. 4: обязанность противодействовать противоправному контенту и рассмотреть требование уполномоченного органа в течение 24 часов',
    kk: '«Онлайн-платформалар және онлайн-жарнама туралы» Заң, 9-бап 4-тармақ: құқыққа қайшы контентке қарсы әрекет ету және уәкілетті органның талабын 24 сағат ішінде қарау міндеті',
    en: 'Law "On Online Platforms and Online Advertising", art. 9 para. 4: duty to counter unlawful content and to consider the authority’s request within 24 hours',
  }),
  mass_media_11: ground('mass_media', '11', 'heading', {
    ru: 'Закон «О масс-медиа», ст. 11: информация, пропагандирующая самоубийство',
    kk: '«Масс-медиа туралы» Заң, 11-бап: өз-өзіне қол жұмсауды насихаттайтын ақпарат',
    en: 'Law "On Mass Media", art. 11: information promoting suicide',
  }),
  // Police ("105-я статья … доведение до суицида"), and Law No. 170-VI of 2 July 2018 restating
  // art. 105 part 2: https://time.kz/articles/risk/2024/09/17/sluchajnost-ili-strashnyj-shag
  // https://www.adilet.zan.kz/kaz/docs/Z1800000170
  criminal_code_105: ground('criminal_code', '105', 'secondary', {
    ru: 'УК РК, ст. 105: доведение до самоубийства',
    kk: 'ҚР ҚК, 105-бап: өзін-өзі өлтіруге дейін жеткізу',
    en: 'Criminal Code, art. 105: driving to suicide',
  }),
  // The Kazakh text of the 2014 code (its art. 160 notes amendments of 2017 and 2021):
  // https://dereksiz.org/azastan-respublikasini-ilmisti-kodeksi-1-bap-v2.html?page=39
  criminal_code_161: ground('criminal_code', '161', 'heading', {
    ru: 'УК РК, ст. 161: пропаганда или публичные призывы к развязыванию агрессивной войны',
    kk: 'ҚР ҚК, 161-бап: басқыншылық соғысты тұтандыруға насихат жүргізу немесе жария түрде шақыру',
    en: 'Criminal Code, art. 161: propaganda of or public calls for aggressive war',
  }),
  // Heading and text (the list of art. 3 para. 39), then police and prosecutors:
  // https://zakonpravo.kz/definitions-of-extremist-crimes-in-criminal-law
  // https://mugalzhar.kz/rus/?p=18962
  // https://mgorod.kz/news/v-socialnyh-setyah-uchastilis-mezhnacionalnye-konflikty-prokurory-rk
  criminal_code_174: ground('criminal_code', '174', 'heading', {
    ru: 'УК РК, ст. 174: возбуждение социальной, национальной, родовой, расовой, сословной или религиозной розни',
    kk: 'ҚР ҚК, 174-бап: әлеуметтік, ұлттық, рулық, нәсілдік, тектік-топтық немесе діни алауыздықты қоздыру',
    en: 'Criminal Code, art. 174: incitement of social, national, tribal, racial, class or religious discord',
  }),
  // Heading and text (the list of art. 3 para. 39):
  // https://zakonpravo.kz/definitions-of-extremist-crimes-in-criminal-law
  criminal_code_179: ground('criminal_code', '179', 'heading', {
    ru: 'УК РК, ст. 179: пропаганда или публичные призывы к захвату или удержанию власти, а равно захват или удержание власти либо насильственное изменение конституционного строя',
    kk: 'ҚР ҚК, 179-бап: билікті басып алуға немесе ұстап қалуға насихат жүргізу немесе жария түрде шақыру, сол сияқты билікті басып алу немесе ұстап қалу не конституциялық құрылысты күштеп өзгерту',
    en: 'Criminal Code, art. 179: propaganda of or public calls for seizing or retaining power, and seizing or retaining power or violently changing the constitutional order',
  }),
  // Prosecutors (arts. 172, 174, 180 for separatist calls; a sentence under art. 180), and the
  // heading «Separatist activity» quoted in the press:
  // https://www.kt.kz/eng/society/tokayev_expresses_condolences_over_death_of_people_s_1377931232.html
  // https://kz.kursiv.media/kk/2024-11-19/qntd-petropavl-separatizm
  // https://turan.az/en/in-world/pro-russian-separatists-raise-their-heads-in-northern-kazakhstan-764412
  criminal_code_180: ground('criminal_code', '180', 'secondary', {
    ru: 'УК РК, ст. 180: сепаратистская деятельность',
    kk: 'ҚР ҚК, 180-бап: сепаратистік әрекет',
    en: 'Criminal Code, art. 180: separatist activity',
  }),
  // Prosecutors ("статьёй 190 … (мошенничество)") and the Prosecutor General's statistics
  // ("статье 190 УК РК («Мошенничество»)"):
  // https://www.lada.kz/kazakhstan-news/149159-krupnaia-opg-razoblachena-v-kazakhstane-mezhdunarodnyi-rozysk-i-sotni-obmanutykh-grazhdan.html
  // https://profit.kz/news/72104/Novij-vsplesk-internet-moshennichestv-kolichestvo-ugolovnih-pravonarushenij-viroslo-na-26/
  criminal_code_190: ground('criminal_code', '190', 'secondary', {
    ru: 'УК РК, ст. 190: мошенничество',
    kk: 'ҚР ҚК, 190-бап: алаяқтық',
    en: 'Criminal Code, art. 190: fraud',
  }),
  // A court's sentence under art. 217 part 3 for running a financial pyramid:
  // https://rus.baq.kz/organizatora-piramidy-hermes-ltd-osudili-v-astane_300015068
  criminal_code_217: ground('criminal_code', '217', 'secondary', {
    ru: 'УК РК, ст. 217: создание и руководство финансовой (инвестиционной) пирамидой',
    kk: 'ҚР ҚК, 217-бап: қаржылық (инвестициялық) пирамида құру және оған басшылық ету',
    en: 'Criminal Code, art. 217: setting up and running a financial (investment) pyramid',
  }),
  // Prosecutors ("статьи 256 … (пропаганда терроризма или публичные призывы к совершению акта
  // терроризма)"): https://rus.baq.kz/za-propagandu-terrorizma-zhitelya-semeya-osudili-na-7-let_300032764
  criminal_code_256: ground('criminal_code', '256', 'secondary', {
    ru: 'УК РК, ст. 256: пропаганда терроризма или публичные призывы к совершению акта терроризма',
    kk: 'ҚР ҚК, 256-бап: терроризмді насихаттау немесе терроризм актісін жасауға жария түрде шақыру',
    en: 'Criminal Code, art. 256: propaganda of terrorism or public calls to commit an act of terrorism',
  }),
  // The Prosecutor General's law-enforcement academy on art. 272 (mass riots):
  // https://academy-gp.kz/?p=16475&lang=en
  criminal_code_272: ground('criminal_code', '272', 'secondary', {
    ru: 'УК РК, ст. 272: массовые беспорядки (в том числе призывы к ним)',
    kk: 'ҚР ҚК, 272-бап: жаппай тәртіпсіздіктер (соның ішінде оларға шақыру)',
    en: 'Criminal Code, art. 272: mass riots (including calls for them)',
  }),
  // Prosecutors and police ("статьи 274 УК РК (распространение заведомо ложной информации)"):
  // https://www.inform.kz/ru/glavred-orda-poluchila-preduprezhdenie-ot-prokuraturi-069f5b
  // https://ru.ult.kz/2020/03/26/v-uralske-vozbuzhdeno-ugolovnoe-delo-v-otnoshenii-zhenshchiny-rasprostranyavshei-lozhnuyu-informatsiyu-o-koronaviruse
  criminal_code_274: ground('criminal_code', '274', 'secondary', {
    ru: 'УК РК, ст. 274: распространение заведомо ложной информации',
    kk: 'ҚР ҚК, 274-бап: көрінеу жалған ақпарат тарату',
    en: 'Criminal Code, art. 274: dissemination of knowingly false information',
  }),
  // Police ("статье 307 УК РК «Организация незаконного игорного бизнеса»", «Заңсыз ойын бизнесін
  // ұйымдастыру»); the former label was the wording of the Russian Federation's code (art. 171.2):
  // https://turantimes.kz/regions/45220-zakonspirirovannyj-nezakonnyj-igornyj-biznes-organizovali-v-kostanajskoj-oblasti.html
  // https://rgmedia.kz/e/action/ShowInfo.php?classid=32&id=13144
  criminal_code_307: ground('criminal_code', '307', 'secondary', {
    ru: 'УК РК, ст. 307: организация незаконного игорного бизнеса',
    kk: 'ҚР ҚК, 307-бап: заңсыз ойын бизнесін ұйымдастыру',
    en: 'Criminal Code, art. 307: organising an illegal gambling business',
  }),
  // Arts. 311 and 312: not found in any source read.
  criminal_code_311: ground('criminal_code', '311', 'unverified', {
    ru: 'УК РК, ст. 311: незаконное распространение порнографических материалов или предметов',
    kk: 'ҚР ҚК, 311-бап: порнографиялық материалдарды немесе заттарды заңсыз тарату',
    en: 'Criminal Code, art. 311: unlawful distribution of pornographic materials',
  }),
  criminal_code_312: ground('criminal_code', '312', 'unverified', {
    ru: 'УК РК, ст. 312: изготовление и оборот материалов с порнографическими изображениями несовершеннолетних',
    kk: 'ҚР ҚК, 312-бап: кәмелетке толмағандардың порнографиялық бейнелері бар материалдарды дайындау және айналымға салу',
    en: 'Criminal Code, art. 312: making and circulating material with pornographic images of minors',
  }),
  administrative_code_156_1: ground('administrative_code', '156-1', 'heading', {
    ru: 'КоАП РК, ст. 156-1: нарушение законодательства о защите детей от информации, причиняющей вред их здоровью и развитию',
    kk: 'ҚР ӘҚБтК, 156-1-бап: балаларды денсаулығы мен дамуына зардабын тигізетін ақпараттан қорғау туралы заңнаманы бұзу',
    en: 'Code on Administrative Offences, art. 156-1: breach of the law protecting children from information harmful to their health and development',
  }),
  // Police quoting the heading, and part 2 (distributing media products that propagate extremism or
  // terrorism) quoted in Kazakh; the former label ("breach of the mass-media law") is art. 451's
  // subject (read only in a Kazakh copy of the code without an address):
  // https://religionmap.kz/ru/article/2566
  // https://syrboyi.kz/akparat/kmnd-mlmett-taratpas-bryn-36472
  administrative_code_453: ground('administrative_code', '453', 'secondary', {
    ru: 'КоАП РК, ст. 453: изготовление, хранение, ввоз, перевозка, распространение на территории РК продукции средств массовой информации, а равно иной продукции',
    kk: 'ҚР ӘҚБтК, 453-бап: Қазақстан Республикасының аумағында бұқаралық ақпарат құралдарының өнімін, сол сияқты өзге де өнімді дайындау, сақтау, әкелу, тасымалдау, тарату',
    en: 'Code on Administrative Offences, art. 453: making, storing, importing, carrying or distributing mass media or other products in the RK',
  }),
  court_decision: ground('court', '', 'text', {
    ru: 'Вступившее в силу решение суда (номер и дата)',
    kk: 'Заңды күшіне енген сот шешімі (нөмірі мен күні)',
    en: 'A court decision in force (number and date)',
  }),
} as const satisfies Vocabulary<string>;
export type LegalGroundCode = keyof typeof LEGAL_GROUNDS;
export const LEGAL_GROUND_CODES = codesOf<LegalGroundCode>(LEGAL_GROUNDS);

/** The grounds each topic usually rests on, the most specific first. */
export const TOPIC_LEGAL_GROUNDS: Readonly<Record<Topic, readonly LegalGroundCode[]>> = {
  terrorism: ['communications_41_1_p1', 'criminal_code_256'],
  extremism: [
    'communications_41_1_p1',
    'criminal_code_180',
    'criminal_code_174',
    'administrative_code_453',
  ],
  violent_change_of_order: ['communications_41_1_p1', 'criminal_code_179'],
  mass_riots: ['communications_41_1_p1', 'criminal_code_272'],
  hatred: ['communications_41_1_p1_1', 'criminal_code_174'],
  war_propaganda: ['communications_41_1_p1_1', 'criminal_code_161'],
  cruelty_violence: ['communications_41_1_p1_1', 'administrative_code_156_1'],
  suicide: ['mass_media_11', 'communications_41_1_p1_1', 'criminal_code_105'],
  csam: ['communications_41_1_p1', 'criminal_code_312'],
  pornography: ['communications_41_1_p1_1', 'criminal_code_311'],
  child_cyberbullying: ['communications_41_1_p1', 'administrative_code_156_1'],
  drugs: ['communications_41_1_p1_1'],
  gambling: ['communications_41_1_p1', 'criminal_code_307'],
  fraud: ['communications_41_1_p1', 'criminal_code_190'],
  financial_pyramid: ['communications_41_1_p1', 'criminal_code_217'],
  illegal_trade: ['communications_41_1_p1_1'],
  personal_data_leak: ['communications_41_1_p1_1'],
  election_violation: ['communications_41_1_p1'],
  false_information: ['communications_41_1_p1_1', 'online_platforms_9_p4', 'criminal_code_274'],
  // Art. 41-1 para. 1 names broadcasting by a person not authorised in the field of mass media;
  // KoAP art. 453 is about distributing media products, not about licences (see above).
  unlicensed_broadcasting: ['communications_41_1_p1'],
  court_ban: ['court_decision', 'communications_41_1_p1_1'],
  other: [],
};

/** The grounds a material's topics suggest, without repeats, in the order of its topics. */
export function suggestedLegalGrounds(topics: readonly Topic[]): LegalGroundCode[] {
  return [...new Set(topics.flatMap((topic) => TOPIC_LEGAL_GROUNDS[topic] ?? []))];
}

/** A legal ground as a decision carries it; a court decision needs its number and date. */
export const legalGroundChoiceSchema = z
  .object({
    code: z.enum(LEGAL_GROUND_CODES),
    courtDecision: z
      .object({ number: z.string().trim().min(1).max(100), date: z.iso.date() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((g) => g.code !== 'court_decision' || g.courtDecision !== undefined, {
    message: 'a court decision needs its number and date',
    path: ['courtDecision'],
  });
export type LegalGroundChoice = z.infer<typeof legalGroundChoiceSchema>;

/** The statuses a decision may carry a legal ground to. */
export const STATUSES_WITH_LEGAL_GROUND = ['confirmed', 'sent_for_blocking'] as const;
