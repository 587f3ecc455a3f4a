import { describe, expect, it } from 'vitest';
import { findObfuscatedEmails } from './obfuscated-email';

const values = (text: string) => findObfuscatedEmails(text).map((f) => text.slice(f.start, f.end));

describe('findObfuscatedEmails', () => {
  it.each([
    'aidos.serikov [at] mail.ru',
    'zhanar_87(at)gmail.com',
    'ivan.petrenko{at}gmail.com',
    'marat.kz собака mail.ru',
    'erlan.zh собачка gmail.com',
    'rustem.a(собака)mail.ru',
    'd.nurlanova [собака] inbox.ru',
    'timur1990 at gmail dot com',
    'nurs.kz AT gmail DOT com',
    'yerlan dot s at gmail dot com',
    'madina (at) outlook (dot) com',
    'zhanna.o [ at ] gmail [ dot ] com',
    'arman_trade_kz[at]gmail[.]com',
    'alibek.t [dot] work [at] gmail [dot] com',
    'gulnara_s @mail.ru',
    'aliya-k @ mail.ru',
    'serik_77 @ gmail . com',
  ])('finds %j whole in a sentence', (address) => {
    expect(values(`Почта для связи: ${address}, пишите.`)).toEqual([address]);
  });

  it.each([
    ['a site, not a mailbox, after a bare "at"', 'The phishing page is hosted at tilda dot ws'],
    ['times', 'The video was posted at 11:40 at night'],
    ['a dog', 'На видео собака бойцовской породы, пост на my.mail.ru'],
    ['a handle after a word', 'Follow Instagram @kaspi.kz for news'],
    ['a one-letter local part', 'a @ b.kz'],
    ['an organisation’s role mailbox', 'press [at] gov.kz'],
    ['a file name', 'logo [at] 2x.png'],
    ['a plain address, which the plain scan finds', 'ivan@mail.ru'],
  ])('finds nothing in %s', (_, text) => {
    expect(values(text)).toEqual([]);
  });
});
