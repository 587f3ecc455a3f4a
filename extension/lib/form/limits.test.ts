import { describe, expect, it } from 'vitest';
import { LIMITS } from '#shared/schemas/report';
import { FORM_LIMITS } from './limits';

describe('FORM_LIMITS', () => {
  it('says what the shared report schema enforces', () => {
    for (const [name, value] of Object.entries(FORM_LIMITS)) {
      expect(LIMITS[name as keyof typeof LIMITS], name).toBe(value);
    }
  });
});
