import { z } from 'zod';

export const ROLES = ['analyst', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_STATUSES = ['pending', 'active', 'blocked', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const MIN_PASSWORD_LENGTH = 10;

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** The text fields of the registration form (the documents travel beside them as files). */
export const registrationFieldsSchema = z.object({
  fullName: z.string().trim().min(3).max(200),
  email: emailSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
  organization: z.string().trim().min(2).max(300),
  position: z.string().trim().min(2).max(200),
  phone: z.string().trim().max(40).optional(),
  policyVersion: z.string().min(1).max(50),
  acceptPolicy: z.literal('true'),
});
export type RegistrationFields = z.infer<typeof registrationFieldsSchema>;

export const registrationResponseSchema = z.object({
  userId: z.uuid(),
  status: z.literal('pending'),
});

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
  deviceName: z.string().trim().max(100).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  status: z.enum(ACCOUNT_STATUSES),
});

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: sessionUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** An account's own facts, as an admin deciding on it and its holder's data export show them. */
export const accountProfileSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  organization: z.string(),
  position: z.string(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  status: z.enum(ACCOUNT_STATUSES),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AccountProfile = z.infer<typeof accountProfileSchema>;

export const meResponseSchema = z.object({
  user: sessionUserSchema.extend({ email: z.string(), fullName: z.string() }),
  consent: z.object({ current: z.boolean(), policyVersion: z.string() }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
