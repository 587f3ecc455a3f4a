import { describe, expect, it } from 'vitest';
import { LANGUAGES, RESOURCE_TYPES, TOPICS } from '#shared/taxonomy';
import { fitLabel, LABEL_ROOM, textWidth } from './bar-chart';

describe('the bar chart labels', () => {
  it('keeps every topic, language and resource type label within the room left of the axis', () => {
    for (const vocabulary of [TOPICS, LANGUAGES, RESOURCE_TYPES]) {
      for (const labels of Object.values(vocabulary)) {
        for (const text of Object.values(labels as Record<string, string>)) {
          expect(textWidth(fitLabel(text))).toBeLessThanOrEqual(LABEL_ROOM);
        }
      }
    }
  });

  it('cuts a long Russian topic name with an ellipsis, keeping its beginning', () => {
    const label = fitLabel(TOPICS.gambling.ru);
    expect(label.startsWith('Онлайн-казино')).toBe(true);
    expect(label.endsWith('…')).toBe(true);
  });

  it('leaves a short label whole', () => {
    expect(fitLabel('Fraud')).toBe('Fraud');
  });
});
