-- The reviewers' free-text search: substrings of materials' titles and URLs in any letter case,
-- as the SQLite engine's trigram index finds them. Case is folded with ICU's root collation, so
-- every alphabet (Latin, Cyrillic with the Kazakh letters) folds whatever the database's locale;
-- a phrase of three or more characters is found through the pg_trgm indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "materials_title_trgm_idx" ON "materials" USING gin (lower("title" COLLATE "und-x-icu") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "materials_url_trgm_idx" ON "materials" USING gin (lower("url" COLLATE "und-x-icu") gin_trgm_ops);
