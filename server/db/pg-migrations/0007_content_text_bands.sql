CREATE TABLE "content_text_bands" (
	"content_sha256" text NOT NULL,
	"band" integer NOT NULL,
	"band_hash" text NOT NULL,
	CONSTRAINT "content_text_bands_content_sha256_band_pk" PRIMARY KEY("content_sha256","band")
);
--> statement-breakpoint
CREATE INDEX "content_text_bands_hash_idx" ON "content_text_bands" USING btree ("band","band_hash");--> statement-breakpoint
-- Bands were kept per material and content; a content's bands are the same for every material.
INSERT INTO "content_text_bands" ("content_sha256", "band", "band_hash")
SELECT "content_sha256", "band", MIN("band_hash") FROM "material_text_bands"
GROUP BY "content_sha256", "band";--> statement-breakpoint
DROP TABLE "material_text_bands" CASCADE;