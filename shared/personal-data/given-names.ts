import { foldCyrillic, type WordForm } from './name-forms';

/**
 * Common Kazakh and Russian given names (nominative), male and female. Kazakh and Russian
 * spellings of one name fold to one key, so either is enough. Words that are also months or
 * slogans (Май, Наурыз, Август, Слава) are left out on purpose.
 */
const GIVEN_NAMES = `
Абай Абылай Адиль Азамат Айбар Айбек Айдар Айдос Айдын Айсултан Акжол Алдияр Алибек Алихан Алишер
Алмас Алмат Алтынбек Амир Арман Арслан Арсен Асет Аскар Асылбек Аян Ахмет Әділ Әлихан Бағдат
Бакытжан Бахыт Бахтияр Батыр Бауыржан Бауржан Бекарыс Бекболат Бекжан Бекзат Бекнур Берик Болат
Габит Ғалым Ғани Дамир Данияр Дархан Дастан Даулет Даурен Диас Досым Дулат Думан Ерасыл Ербол
Ерболат Ержан Еркебулан Еркин Ерлан Ермек Ернар Ернур Ерсайын Ертай Есен Жандос Жанат Жанболат
Жанибек Жарас Жасулан Жақсылық Жеңіс Жомарт Жумабек Исатай Ислам Ильяс Кайрат Кайсар Канат Касым
Касым-Жомарт Куаныш Мади Мадияр Максат Марат Медет Мейрам Мейржан Мирас Мухтар Мухамед Мухаммед
Мурат Назар Нурбек Нурбол Нурдаулет Нуржан Нурлан Нурлыбек Нурсултан Олжас Омар Оразбек Рамазан
Расул Рахат Рахым Ренат Ринат Руслан Рустем Рустам Сабит Сакен Самат Санжар Серик Серикбол Султан
Сырым Талгат Темирлан Тимур Токтар Тохтар Улан Уалихан Чингиз Шерхан Шынгыс Эльдар Эльмир Ильдар
Айгерим Айгуль Айжан Айдана Айнур Айсулу Айша Айару Аяжан Аяулым Акбота Алия Алма Алтынай Аружан
Асель Асем Анель Балжан Балауса Баян Ботагоз Гаухар Гульмира Гульнара Гульназ Гульжан Гульшат
Дана Дамира Дарига Динара Дильназ Дильнара Жадыра Жазира Жанар Жанель Жансая Жания Жибек Жулдыз
Зарина Зауре Индира Ильмира Камила Камшат Карлыгаш Куралай Кымбат Лаура Ляззат Мадина Макпал
Малика Меруерт Молдир Назерке Назым Нурай Нургуль Нурия Райхан Раушан Сабина Саида Салтанат Сания
Сауле Сымбат Толганай Толкын Томирис Улжан Умит Фариза Хадиша Шолпан Шынар Эльмира Айым Гулим
Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артем Артур Альберт Богдан Борис Вадим
Валентин Валерий Василий Вениамин Виктор Виталий Владимир Владислав Всеволод Вячеслав Геннадий
Георгий Герман Глеб Григорий Давид Даниил Данил Денис Дмитрий Евгений Егор Ефим Захар Иван Игорь
Илья Кирилл Константин Лев Леонид Лука Максим Марк Матвей Михаил Мирон Никита Николай Олег Павел
Петр Платон Роман Ростислав Савелий Святослав Семен Сергей Станислав Степан Тарас Тимофей Федор
Филипп Эдуард Эмиль Эрик Юрий Яков Ярослав Рашид Равиль Рамиль Наиль Фарид Ильнур Айрат Ринат
Александра Алена Алина Алиса Алла Анастасия Ангелина Анна Антонина Арина Валентина Валерия Варвара
Вера Вероника Виктория Галина Дарья Диана Евгения Екатерина Елена Елизавета Жанна Зинаида Зоя Инна
Ирина Карина Кира Кристина Ксения Лариса Лидия Лилия Любовь Людмила Маргарита Марина Мария Милана
Надежда Наталья Наталия Нина Оксана Олеся Ольга Полина Раиса Регина Роза Светлана Снежана София
Софья Таисия Тамара Татьяна Ульяна Эвелина Элина Эльвира Юлия Яна Василиса Зульфия Алсу Гузель
Диляра Альфия Лейла Римма Эльмира Луиза Нелли Стефания Майя Ева Дина Асылым Бибигуль Гульсим
Галымжан Бахытжан Мейрамбек Ерназар Асхат Азат Рауан Дидар Мирлан Ескендир Ерден Нуржигит Адильбек
Абзал Ануар Арыстан Асылхан Ельдос Ерканат Касымхан Куат Магжан Марлен Нурислам Нурали Сабыр Саят
Тамерлан Улугбек Шахмардан Акылбек Асан Жалгас Алмасбек Бейбит Думан Еламан Ерлик Жанарбек
Аида Айман Акмарал Алуа Ардак Арайлым Бибинур Гульден Гульнур Дариха Жанерке Инкар Майра Маржан
Мейрамгуль Самал Сандугаш Тогжан Улбосын Шырын Эльнара Дильдар Асия Гульзат Айнара Жанылсын Кунсулу
`;

// The skeleton of a Latin spelling: transliteration variants (y/i, kh/h, q/k, j/zh, doubled
// letters, a leading Ye-) collapse, so Yerlan, Erlan and Ерлан meet.
const LATIN_SOUNDS: Record<string, string> = { q: 'k', x: 'ks', w: 'v', j: 'zh', y: 'i' };

function latinSkeleton(folded: string): string {
  let skeleton = '';
  for (let i = 0; i < folded.length; i++) {
    let sound = folded[i]!;
    const next = folded[i + 1];
    if ((sound === 'k' || sound === 'g') && next === 'h') {
      sound = sound === 'k' ? 'h' : 'g';
      i++;
    } else if (sound === 'c') sound = next === 'h' ? 'c' : 'ts';
    else sound = LATIN_SOUNDS[sound] ?? sound;
    for (const letter of sound) {
      if (skeleton[skeleton.length - 1] !== letter) skeleton += letter;
    }
  }
  return skeleton.startsWith('ie') ? skeleton.slice(1) : skeleton;
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'i',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  '-': '-',
};

function transliterate(folded: string): string {
  let latin = '';
  for (const char of folded) latin += CYRILLIC_TO_LATIN[char] ?? '';
  return latinSkeleton(latin);
}

// Given names are looked up with і folded too: Әсел, Асель and Асел are one name.
function nameKey(folded: string): string {
  return folded.includes('і') ? folded.replace(/і/g, 'и') : folded;
}

const CYRILLIC_KEYS = new Set<string>();
const LATIN_KEYS = new Set<string>();
for (const name of GIVEN_NAMES.split(/\s+/)) {
  if (!name) continue;
  const key = nameKey(foldCyrillic(name));
  CYRILLIC_KEYS.add(key);
  LATIN_KEYS.add(transliterate(key));
}

// Russian case endings (Ивана, Марии, Игорем, Ольгой) and Kazakh case suffixes (Ерланға,
// Әселдің); the stem is tried bare and, after a Russian ending, with a nominative ending restored.
const RUSSIAN_ENDINGS = ['ою', 'ом', 'ем', 'ой', 'ей', 'ым', 'а', 'у', 'е', 'ы', 'и', 'ю', 'я'];
const KAZAKH_SUFFIXES =
  'нын нин дын дин тын тин дан ден тан тен нан нен мен бен пен га ге ка ке на не ны ни ды ди ты ти да де та те'.split(
    ' ',
  );
const RESTORED = ['', 'а', 'я', 'й'];

type Ending = { ending: string; russian: boolean };

// Endings grouped by their last letter, so a word is compared only with endings it may carry.
const ENDINGS_BY_LAST_LETTER = new Map<string, Ending[]>();
for (const [list, russian] of [
  [RUSSIAN_ENDINGS, true],
  [KAZAKH_SUFFIXES, false],
] as const) {
  for (const ending of list) {
    const last = ending[ending.length - 1]!;
    const group = ENDINGS_BY_LAST_LETTER.get(last) ?? [];
    group.push({ ending, russian });
    ENDINGS_BY_LAST_LETTER.set(last, group);
  }
}

function isDeclinedGivenName(key: string): boolean {
  for (const { ending, russian } of ENDINGS_BY_LAST_LETTER.get(key[key.length - 1]!) ?? []) {
    if (!key.endsWith(ending) || key.length - ending.length < 2) continue;
    const stem = key.slice(0, -ending.length);
    if (!russian) {
      if (CYRILLIC_KEYS.has(stem)) return true;
      continue;
    }
    if (RESTORED.some((tail) => CYRILLIC_KEYS.has(stem + tail))) return true;
    // A fleeting vowel: Павла → Павел, Льва → Лев.
    if (CYRILLIC_KEYS.has(`${stem.slice(0, -1)}е${stem.slice(-1)}`)) return true;
  }
  return false;
}

/** Whether a capitalised word is a known given name, in any case form or a Latin spelling. */
export function isGivenName({ script, folded }: WordForm): boolean {
  if (script === 'cyrillic') {
    const key = nameKey(folded);
    return CYRILLIC_KEYS.has(key) || isDeclinedGivenName(key);
  }
  return script === 'latin' && LATIN_KEYS.has(latinSkeleton(folded));
}

/** Whether a word is a given name exactly as written (nominative), not merely a declined form. */
export function isNominativeGivenName({ script, folded }: WordForm): boolean {
  if (script === 'cyrillic') return CYRILLIC_KEYS.has(nameKey(folded));
  return script === 'latin' && LATIN_KEYS.has(latinSkeleton(folded));
}
