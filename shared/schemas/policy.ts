import { z } from 'zod';
import { sha256HexSchema } from './report';

export const policyTextSchema = z.object({
  ru: z.string().min(1),
  kk: z.string().min(1),
  en: z.string().min(1),
});

/** A policy version: numbers joined by dots or hyphens (1, 2.1, 2026-11), so versions can be ordered. */
export const policyVersionSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(?:[.-]\d{1,9}){0,4}$/, 'a version like 1, 2.1 or 2026-11');

/** Orders two policy versions by their numbers, left to right (2.10 after 2.9; 2 equals 2.0). */
export function comparePolicyVersions(a: string, b: string): number {
  const numbers = (v: string) => v.split(/[.-]/).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export const currentPolicySchema = z.object({
  version: z.string(),
  publishedAt: z.iso.datetime(),
  sha256: sha256HexSchema,
  text: policyTextSchema,
});
export type CurrentPolicy = z.infer<typeof currentPolicySchema>;

export const consentRequestSchema = z.object({
  policyVersion: z.string().min(1).max(50),
  scopes: z.object({ processing: z.literal(true), thirdPartyTransfer: z.boolean() }),
});
export type ConsentRequest = z.infer<typeof consentRequestSchema>;

export const publishPolicyRequestSchema = z.object({
  version: policyVersionSchema,
  text: policyTextSchema,
});
