import { describe, expect, it } from 'vitest';
import { isKazakhHost, regionInTitle, suggestGeography } from './region-hints';

describe('isKazakhHost', () => {
  it('knows the .kz and .қаз domains, with or without a trailing dot', () => {
    expect(isKazakhHost('news.example.kz')).toBe(true);
    expect(isKazakhHost('GOV.KZ.')).toBe(true);
    expect(isKazakhHost('xn--80ao21a.xn--80ao21a')).toBe(true);
  });

  it('does not take lookalikes for Kazakh hosts', () => {
    expect(isKazakhHost('example.kzz')).toBe(false);
    expect(isKazakhHost('kz.example.com')).toBe(false);
    expect(isKazakhHost('')).toBe(false);
  });
});

describe('regionInTitle', () => {
  it('finds a city in the cases Russian puts it in', () => {
    expect(regionInTitle('Мошенники в Караганде обманули пенсионеров')).toBe('KZ-35');
    expect(regionInTitle('Новости Шымкента')).toBe('KZ-79');
    expect(regionInTitle('Пробки в Астане')).toBe('KZ-71');
    expect(regionInTitle('Погода в Усть-Каменогорске')).toBe('KZ-63');
  });

  it('finds Kazakh and English names', () => {
    expect(regionInTitle('Ақтөбе жаңалықтары')).toBe('KZ-15');
    expect(regionInTitle('Түркістан облысында')).toBe('KZ-61');
    expect(regionInTitle('Casino ads in Pavlodar')).toBe('KZ-55');
    expect(regionInTitle('Жезқазған қаласы')).toBe('KZ-62');
  });

  it('tells the Almaty region from the city of Almaty', () => {
    expect(regionInTitle('Алматинская область: паводки')).toBe('KZ-19');
    expect(regionInTitle('В Алматинской области')).toBe('KZ-19');
    expect(regionInTitle('Алматы облысы')).toBe('KZ-19');
    expect(regionInTitle('Кафе в Алматы')).toBe('KZ-75');
    expect(regionInTitle('Алматинские школы')).toBe('KZ-75');
  });

  it('reads the usual abbreviations as whole words only', () => {
    expect(regionInTitle('В ВКО закрыли трассу')).toBe('KZ-63');
    expect(regionInTitle('Новости ЗКО')).toBe('KZ-27');
    expect(regionInTitle('Сколько стоит ремонт')).toBeUndefined();
  });

  it('says nothing when two regions are named', () => {
    expect(regionInTitle('Рейс Астана — Алматы')).toBeUndefined();
  });

  it('ignores names that are not Kazakh or not at a word start', () => {
    expect(regionInTitle('Петропавловск-Камчатский: погода')).toBeUndefined();
    expect(regionInTitle('Помощь для семей с детьми')).toBeUndefined();
    expect(regionInTitle('Пакистан и Афганистан')).toBeUndefined();
    expect(regionInTitle('Лучшее онлайн-казино')).toBeUndefined();
  });
});

describe('suggestGeography', () => {
  it('suggests Kazakhstan for a .kz host', () => {
    expect(suggestGeography('https://casino.kz/promo', 'Лучшее онлайн-казино')).toEqual({
      country: 'KZ',
    });
  });

  it('suggests the region a title names, whatever the host', () => {
    expect(suggestGeography('https://example.com/x', 'Наркотики в Павлодаре')).toEqual({
      country: 'KZ',
      region: 'KZ-55',
    });
  });

  it('suggests Kazakhstan when the title names the country', () => {
    expect(suggestGeography('https://example.com/', 'Best casino in Kazakhstan')).toEqual({
      country: 'KZ',
    });
  });

  it('suggests nothing for a foreign page about nothing Kazakh', () => {
    expect(suggestGeography('https://example.com/', 'Weather in Paris')).toBeUndefined();
    expect(suggestGeography('not a url', '')).toBeUndefined();
  });
});
