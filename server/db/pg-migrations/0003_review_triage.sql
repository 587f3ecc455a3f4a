CREATE TABLE "material_claims" (
	"material_id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"assigned_by" text,
	"since" text,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_saved_filters" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "material_claims" ADD CONSTRAINT "material_claims_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_claims" ADD CONSTRAINT "material_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_claims" ADD CONSTRAINT "material_claims_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_saved_filters" ADD CONSTRAINT "review_saved_filters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "material_claims_user_idx" ON "material_claims" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_saved_filters_user_name_idx" ON "review_saved_filters" USING btree ("user_id","name");--> statement-breakpoint
CREATE INDEX "materials_updated_idx" ON "materials" USING btree ("updated_at","seq");--> statement-breakpoint
CREATE INDEX "materials_title_idx" ON "materials" USING btree ("title","seq");--> statement-breakpoint
CREATE INDEX "review_material_facets_reports_idx" ON "review_material_facets" USING btree ("live_reports","material_seq");