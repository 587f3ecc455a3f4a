import { describe, expect, it } from 'vitest';
import {
  LEGAL_ACTS,
  LEGAL_GROUND_CODES,
  LEGAL_GROUNDS,
  legalGroundChoiceSchema,
  suggestedLegalGrounds,
  TOPIC_LEGAL_GROUNDS,
} from './legal-grounds';
import { TOPIC_CODES } from './taxonomy';

describe('the legal grounds vocabulary', () => {
  it('labels every ground in ru, kk and en and ties it to a known act', () => {
    for (const code of LEGAL_GROUND_CODES) {
      const ground = LEGAL_GROUNDS[code];
      for (const locale of ['ru', 'kk', 'en'] as const)
        expect(ground[locale].length).toBeGreaterThan(5);
      expect(Object.keys(LEGAL_ACTS)).toContain(ground.act);
    }
  });

  it('suggests grounds for every topic but `other`, from the vocabulary only', () => {
    for (const topic of TOPIC_CODES) {
      const grounds = TOPIC_LEGAL_GROUNDS[topic];
      if (topic !== 'other') expect(grounds.length).toBeGreaterThan(0);
      for (const code of grounds) expect(LEGAL_GROUND_CODES).toContain(code);
    }
  });

  it('suggests the grounds of several topics once each, in the topics’ order', () => {
    expect(suggestedLegalGrounds(['gambling', 'fraud'])).toEqual([
      'communications_41_1_p1',
      'criminal_code_307',
      'criminal_code_190',
    ]);
  });

  it('asks a court decision for its number and date', () => {
    expect(legalGroundChoiceSchema.safeParse({ code: 'court_decision' }).success).toBe(false);
    expect(
      legalGroundChoiceSchema.safeParse({
        code: 'court_decision',
        courtDecision: { number: '2-1234/2025', date: '2025-02-30' },
      }).success,
    ).toBe(false);
    expect(
      legalGroundChoiceSchema.safeParse({
        code: 'court_decision',
        courtDecision: { number: '2-1234/2025', date: '2025-02-28' },
      }).success,
    ).toBe(true);
  });
});
