import { describe, expect, it } from 'vitest';
import {
  CITATION_CHECKS,
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

  it('names the article it cites in every label of a code’s ground', () => {
    for (const code of LEGAL_GROUND_CODES) {
      const ground = LEGAL_GROUNDS[code];
      if (ground.act !== 'criminal_code' && ground.act !== 'administrative_code') continue;
      expect(ground.ru).toContain(`ст. ${ground.provision}:`);
      expect(ground.kk).toContain(`${ground.provision}-бап:`);
      expect(ground.en).toContain(`art. ${ground.provision}:`);
    }
  });

  it('labels the corrected articles with the headings read in the published sources', () => {
    expect(LEGAL_GROUNDS.criminal_code_307.ru).toContain(
      'организация незаконного игорного бизнеса',
    );
    expect(LEGAL_GROUNDS.criminal_code_307.kk).toContain('заңсыз ойын бизнесін ұйымдастыру');
    expect(LEGAL_GROUNDS.administrative_code_453.ru).toContain(
      'продукции средств массовой информации',
    );
    expect(LEGAL_GROUNDS.criminal_code_179.ru).toContain('захвату или удержанию власти');
  });

  it('leaves unverified only the citations no source confirmed: arts. 311, 312 and 41-1 para. 2', () => {
    const unverified = LEGAL_GROUND_CODES.filter((c) => LEGAL_GROUNDS[c].checked === 'unverified');
    expect(unverified).toEqual([
      'communications_41_1_p2',
      'criminal_code_311',
      'criminal_code_312',
    ]);
    for (const code of LEGAL_GROUND_CODES)
      expect(CITATION_CHECKS).toContain(LEGAL_GROUNDS[code].checked);
  });

  it('suggests the media-products offence for extremism and only art. 41-1 for unlicensed broadcasting', () => {
    expect(suggestedLegalGrounds(['extremism'])).toContain('administrative_code_453');
    expect(suggestedLegalGrounds(['unlicensed_broadcasting'])).toEqual(['communications_41_1_p1']);
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
