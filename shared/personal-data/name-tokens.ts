import { isGivenName, isNominativeGivenName } from './given-names';
import { isJoiner, isLetterAt, nextCapital, type Shape, shapeOf, wordEnd } from './letters';
import { isPatronymicForm, isSeparatePatronymic, isSurnameForm, wordForm } from './name-forms';

/**
 * The words of a text with what each may be within a person's name, worked out once per word so
 * that matching name patterns costs only bit tests.
 */

/** Roles a token may play in a name, as bits. */
export const ROLE = {
  surname: 1,
  given: 2,
  /** A given name as written, not a declined form: two of these side by side are two people. */
  nominativeGiven: 4,
  patronymic: 8,
  /** ұлы / қызы written apart from the father's name. */
  apart: 16,
  initial: 32,
  /** Any capitalised word that is not a surname: an unknown given name or a father's name. */
  anyGiven: 64,
  /** A capitalised word without a surname ending that may still be one (Ким, Пак, Сейткали). */
  unmarked: 128,
} as const;

/** A capitalised word, an initial or a ұлы / қызы, with the roles it may play. */
export type Token = {
  start: number;
  end: number;
  text: string;
  initial: boolean;
  shape: Shape;
  roles: number;
  /** Only spaces (or nothing, after an initial) separate this token from the next. */
  joinedToNext: boolean;
  sentenceStart: boolean;
};

// Inside a handle, an e-mail, a URL or a code: @Ivan_Petrov, Ivanov.kz, ivanov@mail.ru.
const GLUE_BEFORE = /[\p{N}_@#/\\]/u;
const GLUE_AFTER = /[\p{N}_@/\\]/u;

/** Whether a character glues a word into a handle or a code; most are spaces, answered by code. */
function isGlue(char: string | undefined, glue: RegExp): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code <= 0x20 || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))
    return false;
  return glue.test(char);
}
// ұлы, улы, қызы, кызы, uly, kyzy, qyzy… start with one of these letters.
const APART_FIRST = new Set('ұуқкuūqk');
const SENTENCE_STOP = new Set(['.', '!', '?', '…', '\n']);
const SENTENCE_LEAD = new Set([' ', '\t', '\u00a0', '«', '"', '“', '(', '—', '–', '-']);
const MAX_LEAD = 8;
const MAX_GAP = 3;

/** Whether the word at `start` opens a sentence: only spaces, quotes or dashes after a stop. */
function opensSentence(text: string, start: number): boolean {
  for (let k = start - 1; k >= start - MAX_LEAD; k--) {
    if (k < 0) return true;
    const char = text[k]!;
    if (SENTENCE_STOP.has(char)) return true;
    if (!SENTENCE_LEAD.has(char)) return false;
  }
  return false;
}

// Words of one name are separated by one to three spaces; initials may touch (И.И.).
function isNameGap(text: string, from: number, to: number, afterInitial: boolean): boolean {
  if (from === to) return afterInitial;
  if (to - from > MAX_GAP) return false;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code !== 32 && code !== 9 && code !== 0xa0) return false;
  }
  return true;
}

// Places, institutions and roles that stand next to names in notes (в Алматы Иван Иванович).
const NOT_A_NAME = new Set(
  `алматы астана шымкент караганда қарағанды актобе ақтөбе тараз павлодар семей атырау костанай
  қостанай кызылорда қызылорда уральск орал петропавловск актау ақтау темиртау туркестан кокшетау
  талдыкорган экибастуз балхаш балқаш конаев қонаев москва киев ташкент бишкек казахстан қазақстан
  россия telegram instagram youtube whatsapp tiktok facebook kaspi halyk гражданин гражданка
  господин госпожа товарищ мырза ханым судья аким директор президент министр
  банк bank строй stroi групп group холдинг holding трейд trade сервис service маркет market
  бьюти beauty медиа media инвест invest финанс finance university университет street avenue`
    .split(/\s+/)
    .map((word) => wordForm(word).folded),
);

function wordRoles(word: string, shape: Shape): number {
  if ((shape !== 'title' && shape !== 'upper') || word.length < 2) return 0;
  const form = wordForm(word);
  if (form.script === 'other') return 0;
  let roles = 0;
  const surname = isSurnameForm(form);
  const given = isGivenName(form);
  const patronymic = isPatronymicForm(form);
  if (surname) roles |= ROLE.surname;
  if (given) roles |= ROLE.given;
  if (given && isNominativeGivenName(form)) roles |= ROLE.nominativeGiven;
  if (patronymic) roles |= ROLE.patronymic;
  if (!surname || given) roles |= ROLE.anyGiven;
  if (shape === 'title' && !given && !patronymic && !NOT_A_NAME.has(form.folded)) {
    roles |= ROLE.unmarked;
  }
  return roles;
}

type Traits = { shape: Shape; roles: number };

// A note is checked again on every keystroke, so the same words come back again and again.
const TRAITS_CACHE = new Map<string, Traits>();
const TRAITS_CACHE_LIMIT = 4096;

function traitsOf(word: string): Traits {
  let traits = TRAITS_CACHE.get(word);
  if (!traits) {
    const shape = shapeOf(word);
    traits = { shape, roles: wordRoles(word, shape) };
    if (TRAITS_CACHE.size >= TRAITS_CACHE_LIMIT) TRAITS_CACHE.clear();
    TRAITS_CACHE.set(word, traits);
  }
  return traits;
}

// A single capital followed by a dot is an initial (И. or each half of И.И.): it takes the dot.
function capitalEnd(text: string, start: number): number {
  const end = wordEnd(text, start);
  return end === start + 1 && text[end] === '.' ? end + 1 : end;
}

function isInitial(text: string, start: number, end: number): boolean {
  return end === start + 2 && text[start + 1] === '.';
}

function capitalisedToken(text: string, start: number, end: number): Token {
  const initial = isInitial(text, start, end);
  const word = text.slice(start, initial ? end - 1 : end);
  const after = text[end] ?? ' ';
  const glued =
    isGlue(text[start - 1], GLUE_BEFORE) ||
    (!initial && (isGlue(after, GLUE_AFTER) || (after === '.' && isLetterAt(text, end + 1))));
  const sentenceStart = opensSentence(text, start);
  const { shape, roles } = initial
    ? { shape: 'upper' as const, roles: ROLE.initial }
    : traitsOf(word);
  // An unmarked surname is never a sentence's first word, which is capitalised anyway.
  const ownRoles = glued ? 0 : sentenceStart ? roles & ~ROLE.unmarked : roles;
  return {
    start,
    end,
    text: word,
    initial,
    shape,
    roles: ownRoles,
    joinedToNext: false,
    sentenceStart,
  };
}

// ұлы / қызы written apart: the only word in small letters a name may hold, right after a word.
function apartTokenAfter(text: string, from: number): Token | null {
  let start = from;
  while (start < from + MAX_GAP && (text[start] === ' ' || text[start] === '\u00a0')) start++;
  if (start === from || !APART_FIRST.has(text[start] ?? '')) return null;
  const end = wordEnd(text, start);
  const word = text.slice(start, end);
  if (end - start > 12 || shapeOf(word) !== 'lower') return null;
  if (!isSeparatePatronymic(wordForm(word))) return null;
  return {
    start,
    end,
    text: word,
    initial: false,
    shape: 'lower',
    roles: ROLE.apart,
    joinedToNext: false,
    sentenceStart: false,
  };
}

/**
 * Splits a text into its capitalised words and initials (and ұлы / қызы after them) that stand
 * next to another such word, each with the name roles it may play. Every name pattern spans two
 * words or more, so a word standing alone is dropped before its roles are worked out, and words
 * in small letters are left out: they only separate names.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The previous word, made a token only once the next one shows that the two stand together.
  let heldStart = -1;
  let heldEnd = -1;
  let heldInitial = false;
  let heldApart: Token | null = null;
  let heldIsToken = false;
  const add = (start: number, end: number, apart: Token | null): void => {
    const joined = heldStart !== -1 && isNameGap(text, heldEnd, start, heldInitial);
    if (joined) {
      if (!heldIsToken) tokens.push(heldApart ?? capitalisedToken(text, heldStart, heldEnd));
      tokens[tokens.length - 1]!.joinedToNext = true;
      tokens.push(apart ?? capitalisedToken(text, start, end));
    }
    heldStart = start;
    heldEnd = end;
    heldInitial = apart === null && isInitial(text, start, end);
    heldApart = apart;
    heldIsToken = joined;
  };
  for (let start = nextCapital(text, 0); start !== -1; ) {
    // A capital inside a word (iPhone, telegram-Канал) does not start one.
    const inside =
      isLetterAt(text, start - 1) || (isJoiner(text[start - 1]) && isLetterAt(text, start - 2));
    if (inside) {
      start = nextCapital(text, wordEnd(text, start));
      continue;
    }
    const end = capitalEnd(text, start);
    add(start, end, null);
    const apart = apartTokenAfter(text, end);
    if (apart) add(apart.start, apart.end, apart);
    start = nextCapital(text, apart ? apart.end : end);
  }
  return tokens;
}
