import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newMaterialId } from './material-ids';

describe('newMaterialId', () => {
  it('makes valid version 7 UUIDs', () => {
    const id = newMaterialId();
    expect(z.uuid({ version: 'v7' }).safeParse(id).success).toBe(true);
  });

  it('makes ids that sort in the order they were made, across milliseconds', () => {
    const ids = [0, 1, 2, 1_000, 1_700_000_000_000, 1_700_000_000_001].map((ms) =>
      newMaterialId(ms),
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it('makes a different id each time within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newMaterialId(42));
    expect(new Set(ids).size).toBe(1000);
  });
});
