// The PostgreSQL engine's tables: each is derived from its SQLite table in ../schema, where every
// table is declared once (derive.ts says how: JSON as jsonb, flags as boolean, log ids as identity
// columns). Exported under the SQLite names, so that the stores of both engines name the same
// tables; drizzle.pg.config.ts generates the migrations in ../pg-migrations from these.
import * as sqlite from '../schema';
import { pgTwin } from './derive';

export const policies = pgTwin(sqlite.policies);
export const consents = pgTwin(sqlite.consents);
export const evidenceTimestamps = pgTwin(sqlite.evidenceTimestamps);
export const custodyEvents = pgTwin(sqlite.custodyEvents);
export const disclosures = pgTwin(sqlite.disclosures);
export const disclosureSubjects = pgTwin(sqlite.disclosureSubjects);
export const documents = pgTwin(sqlite.documents);
export const erasures = pgTwin(sqlite.erasures);
export const limitFailures = pgTwin(sqlite.limitFailures);
export const jobRuns = pgTwin(sqlite.jobRuns);
export const noticeRecipients = pgTwin(sqlite.noticeRecipients);
export const notices = pgTwin(sqlite.notices);
export const noticeMaterials = pgTwin(sqlite.noticeMaterials);
export const noticeResponses = pgTwin(sqlite.noticeResponses);
export const materialRechecks = pgTwin(sqlite.materialRechecks);
export const materialRecheckSchedule = pgTwin(sqlite.materialRecheckSchedule);
export const materialFingerprints = pgTwin(sqlite.materialFingerprints);
export const contentTextBands = pgTwin(sqlite.contentTextBands);
export const syncCounters = pgTwin(sqlite.syncCounters);
export const materials = pgTwin(sqlite.materials);
export const reports = pgTwin(sqlite.reports);
export const materialStatusChanges = pgTwin(sqlite.materialStatusChanges);
export const appliedMutations = pgTwin(sqlite.appliedMutations);
export const evidence = pgTwin(sqlite.evidence);
export const reportFiles = pgTwin(sqlite.reportFiles);
export const reviewReportFacets = pgTwin(sqlite.reviewReportFacets);
export const reviewMaterialFacets = pgTwin(sqlite.reviewMaterialFacets);
export const reviewDailyCounts = pgTwin(sqlite.reviewDailyCounts);
export const reviewProjectionState = pgTwin(sqlite.reviewProjectionState);
export const materialClaims = pgTwin(sqlite.materialClaims);
export const reviewSavedFilters = pgTwin(sqlite.reviewSavedFilters);
export const users = pgTwin(sqlite.users);
export const tokens = pgTwin(sqlite.tokens);
export const auditEvents = pgTwin(sqlite.auditEvents);
