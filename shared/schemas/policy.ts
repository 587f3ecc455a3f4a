import { z } from 'zod';
import { sha256HexSchema } from './report';

export const policyTextSchema = z.object({
  ru: z.string().min(1),
  kk: z.string().min(1),
  en: z.string().min(1),
});

export const policyVersionSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.\-_]{0,49}$/, 'a version like 1, 2.1 or 2026-11');

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
