CREATE TABLE "consents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"action" text NOT NULL,
	"policy_version" text NOT NULL,
	"processing" boolean NOT NULL,
	"third_party_transfer" boolean NOT NULL,
	"at" text NOT NULL,
	"method" text NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"version" text PRIMARY KEY NOT NULL,
	"published_at" text NOT NULL,
	"published_by" text,
	"sha256" text NOT NULL,
	"text_ru" text NOT NULL,
	"text_kk" text NOT NULL,
	"text_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custody_events" (
	"material_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" text NOT NULL,
	"hash" text NOT NULL,
	"event" text NOT NULL,
	CONSTRAINT "custody_events_material_id_seq_pk" PRIMARY KEY("material_id","seq")
);
--> statement-breakpoint
CREATE TABLE "evidence_timestamps" (
	"sha256" text PRIMARY KEY NOT NULL,
	"gen_time" text,
	"token_sha256" text,
	"tsa_url" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" text NOT NULL,
	"stamped_at" text
);
--> statement-breakpoint
CREATE TABLE "disclosure_subjects" (
	"disclosure_id" text NOT NULL,
	"user_id" text NOT NULL,
	"identified" boolean NOT NULL,
	"report_count" integer NOT NULL,
	CONSTRAINT "disclosure_subjects_disclosure_id_user_id_pk" PRIMARY KEY("disclosure_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" text PRIMARY KEY NOT NULL,
	"recipient" text NOT NULL,
	"recipient_type" text NOT NULL,
	"basis" text NOT NULL,
	"request_number" text NOT NULL,
	"request_date" text NOT NULL,
	"scope" jsonb NOT NULL,
	"include_reporter_identity" boolean NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"material_count" integer NOT NULL,
	"report_count" integer NOT NULL,
	"reporter_count" integer NOT NULL,
	"identified_reporter_count" integer NOT NULL,
	"data_sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"original_name" text NOT NULL,
	"created_at" text NOT NULL,
	"decided_at" text,
	"decided_by" text
);
--> statement-breakpoint
CREATE TABLE "erasures" (
	"user_id" text PRIMARY KEY NOT NULL,
	"requested_at" text,
	"destroyed_at" text
);
--> statement-breakpoint
CREATE TABLE "material_recheck_schedule" (
	"material_id" text PRIMARY KEY NOT NULL,
	"next_due_at" text NOT NULL,
	"lease_owner" text,
	"lease_until" text
);
--> statement-breakpoint
CREATE TABLE "material_rechecks" (
	"id" text PRIMARY KEY NOT NULL,
	"material_id" text NOT NULL,
	"at" text NOT NULL,
	"outcome" text NOT NULL,
	"http_status" integer,
	"final_url" text,
	"content_sha256" text,
	"content_changed" boolean,
	"detail" text,
	"trigger" text NOT NULL,
	"by_user_id" text,
	"suggestion" text
);
--> statement-breakpoint
CREATE TABLE "applied_mutations" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"report_id" text NOT NULL,
	"result" jsonb NOT NULL,
	"applied_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"sha256" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_status_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "material_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"material_id" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"by_user_id" text,
	"at" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"legal_ground" jsonb,
	"reporter_comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" text PRIMARY KEY NOT NULL,
	"url_key" text NOT NULL,
	"url_key_hash" text NOT NULL,
	"seq" integer NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"reporter_comment" text DEFAULT '' NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "materials_url_key_unique" UNIQUE("url_key"),
	CONSTRAINT "materials_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"material_id" text NOT NULL,
	"url_key" text NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"resource_type" text NOT NULL,
	"languages" jsonb NOT NULL,
	"geography" jsonb NOT NULL,
	"country" text,
	"region" text,
	"openness" text NOT NULL,
	"availability" text NOT NULL,
	"topics" jsonb NOT NULL,
	"note" text NOT NULL,
	"captured_at" text NOT NULL,
	"evidence" jsonb,
	"files" jsonb,
	"capture" jsonb,
	"personal_data_basis" jsonb,
	"personal_data_kinds" jsonb,
	"version" integer NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	"change_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_daily_counts" (
	"facet" text NOT NULL,
	"day" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "review_daily_counts_facet_day_value_pk" PRIMARY KEY("facet","day","value")
);
--> statement-breakpoint
CREATE TABLE "review_material_facets" (
	"material_seq" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"first_reported_day" text NOT NULL,
	"live_reports" integer NOT NULL,
	"topics" integer NOT NULL,
	"languages" integer NOT NULL,
	"regions" integer NOT NULL,
	"resource_types" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_projection_state" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_report_facets" (
	"created_at" text NOT NULL,
	"report_id" text NOT NULL,
	"material_seq" integer NOT NULL,
	"topics" integer NOT NULL,
	"languages" integer NOT NULL,
	"regions" integer NOT NULL,
	"resource_types" integer NOT NULL,
	CONSTRAINT "review_report_facets_created_at_report_id_pk" PRIMARY KEY("created_at","report_id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" text NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" text,
	"subject_type" text,
	"subject_id" text,
	"ip" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"device_name" text,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL,
	"revoked_at" text,
	"last_used_at" text,
	CONSTRAINT "tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"full_name" text NOT NULL,
	"organization" text NOT NULL,
	"position" text NOT NULL,
	"phone" text,
	"password_hash" text NOT NULL,
	"role" text DEFAULT 'analyst' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"closed_at" text,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_policy_version_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."policies"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_timestamps" ADD CONSTRAINT "evidence_timestamps_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_subjects" ADD CONSTRAINT "disclosure_subjects_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_subjects" ADD CONSTRAINT "disclosure_subjects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_recheck_schedule" ADD CONSTRAINT "material_recheck_schedule_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_rechecks" ADD CONSTRAINT "material_rechecks_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_rechecks" ADD CONSTRAINT "material_rechecks_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_status_changes" ADD CONSTRAINT "material_status_changes_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_status_changes" ADD CONSTRAINT "material_status_changes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "custody_events_type_idx" ON "custody_events" USING btree ("type");--> statement-breakpoint
CREATE INDEX "evidence_timestamps_next_idx" ON "evidence_timestamps" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE INDEX "disclosure_subjects_user_idx" ON "disclosure_subjects" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "disclosures_created_idx" ON "disclosures" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "documents_user_idx" ON "documents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "material_recheck_schedule_due_idx" ON "material_recheck_schedule" USING btree ("next_due_at");--> statement-breakpoint
CREATE INDEX "material_rechecks_material_idx" ON "material_rechecks" USING btree ("material_id","at");--> statement-breakpoint
CREATE INDEX "material_status_changes_material_idx" ON "material_status_changes" USING btree ("material_id","id");--> statement-breakpoint
CREATE INDEX "materials_url_key_hash_idx" ON "materials" USING btree ("url_key_hash");--> statement-breakpoint
CREATE INDEX "materials_status_idx" ON "materials" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reports_user_change_idx" ON "reports" USING btree ("user_id","change_seq");--> statement-breakpoint
CREATE INDEX "reports_material_idx" ON "reports" USING btree ("material_id");--> statement-breakpoint
CREATE INDEX "review_material_facets_status_idx" ON "review_material_facets" USING btree ("status","material_seq");--> statement-breakpoint
CREATE INDEX "review_report_facets_material_idx" ON "review_report_facets" USING btree ("material_seq");--> statement-breakpoint
CREATE INDEX "audit_action_idx" ON "audit_events" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "tokens_user_idx" ON "tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_status_idx" ON "users" USING btree ("status");