import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_KINDS } from '#shared/personal-data/types';
import { ERROR_CODES } from '#shared/schemas/errors';
import { errorMessageKey, personalDataKindKey } from './error-messages';
import { LOCALE_MESSAGES } from './fake';

describe('errorMessageKey', () => {
  it('has words for every stable code of the API and for the client’s own failures', () => {
    for (const code of [...ERROR_CODES, 'network', 'bad_response']) {
      const key = errorMessageKey(code);
      expect(key, code).toBe(`error_${code}`);
      expect(LOCALE_MESSAGES.ru[key], code).toBeDefined();
    }
  });

  it('falls back to a general message for a code it does not know', () => {
    expect(errorMessageKey('teapot')).toBe('error_unknown');
    expect(errorMessageKey('__proto__')).toBe('error_unknown');
  });
});

describe('personalDataKindKey', () => {
  it('names every kind the detector reports', () => {
    for (const kind of PERSONAL_DATA_KINDS) {
      expect(LOCALE_MESSAGES.kk[personalDataKindKey(kind)], kind).toBeDefined();
    }
  });
});
