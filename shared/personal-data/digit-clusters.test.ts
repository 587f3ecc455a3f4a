import { describe, expect, it } from 'vitest';
import { findDigitClusters, runWindows, windowDigits } from './digit-clusters';

describe('findDigitClusters', () => {
  it('joins digit runs separated by exactly one space or hyphen', () => {
    const text = 'ИИН 010903 689329, карта 4400-8792-1742-1804 и 12  34';
    const clusters = findDigitClusters(text).map((c) => text.slice(c.start, c.end));
    expect(clusters).toEqual(['010903 689329', '4400-8792-1742-1804', '12', '34']);
  });

  it('records the separators between runs', () => {
    const [cluster] = findDigitClusters('1 2-3\u00a04');
    expect(cluster!.separators).toEqual([' ', '-', '\u00a0']);
    expect(cluster!.runs).toHaveLength(4);
  });

  it('does not end a cluster on a trailing separator', () => {
    const text = 'карта 4400 8792 1742 1804 - оплата';
    const [cluster] = findDigitClusters(text);
    expect(text.slice(cluster!.start, cluster!.end)).toBe('4400 8792 1742 1804');
  });
});

describe('runWindows', () => {
  it('lists windows of consecutive runs within the digit and run limits', () => {
    const text = '12 3456 78 9';
    const [cluster] = findDigitClusters(text);
    const windows = runWindows(cluster!, 6, 7, 3).map((w) => windowDigits(text, cluster!, w));
    expect(windows).toEqual(['123456', '345678', '3456789']);
  });
});
