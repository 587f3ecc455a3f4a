CREATE TABLE "material_fingerprints" (
	"material_id" text NOT NULL,
	"content_sha256" text NOT NULL,
	"source" text NOT NULL,
	"signature" text,
	"at" text NOT NULL,
	CONSTRAINT "material_fingerprints_material_id_content_sha256_pk" PRIMARY KEY("material_id","content_sha256")
);
--> statement-breakpoint
CREATE TABLE "material_text_bands" (
	"material_id" text NOT NULL,
	"content_sha256" text NOT NULL,
	"band" integer NOT NULL,
	"band_hash" text NOT NULL,
	CONSTRAINT "material_text_bands_material_id_content_sha256_band_pk" PRIMARY KEY("material_id","content_sha256","band")
);
--> statement-breakpoint
ALTER TABLE "materials" ADD COLUMN "registrable_domain" text;--> statement-breakpoint
ALTER TABLE "materials" ADD COLUMN "duplicate_of" text;--> statement-breakpoint
ALTER TABLE "materials" ADD COLUMN "possible_mirror_of" text;--> statement-breakpoint
ALTER TABLE "material_fingerprints" ADD CONSTRAINT "material_fingerprints_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_text_bands" ADD CONSTRAINT "material_text_bands_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "material_fingerprints_content_idx" ON "material_fingerprints" USING btree ("content_sha256");--> statement-breakpoint
CREATE INDEX "material_text_bands_hash_idx" ON "material_text_bands" USING btree ("band","band_hash");--> statement-breakpoint
CREATE INDEX "materials_registrable_domain_idx" ON "materials" USING btree ("registrable_domain","seq");--> statement-breakpoint
CREATE INDEX "materials_duplicate_of_idx" ON "materials" USING btree ("duplicate_of");--> statement-breakpoint
CREATE INDEX "materials_possible_mirror_of_idx" ON "materials" USING btree ("possible_mirror_of","seq");