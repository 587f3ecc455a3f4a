CREATE TABLE "report_files" (
	"sha256" text NOT NULL,
	"report_id" text NOT NULL,
	CONSTRAINT "report_files_sha256_report_id_pk" PRIMARY KEY("sha256","report_id")
);
--> statement-breakpoint
-- The files of the reports already held.
INSERT INTO "report_files" ("sha256", "report_id")
SELECT "evidence"->>'sha256', "id" FROM "reports" WHERE "evidence"->>'sha256' IS NOT NULL
UNION
SELECT f->>'sha256', r."id" FROM "reports" r, jsonb_array_elements(r."files") f
WHERE jsonb_typeof(r."files") = 'array' AND f->>'sha256' IS NOT NULL
ON CONFLICT DO NOTHING;
