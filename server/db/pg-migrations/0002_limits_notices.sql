CREATE TABLE "limit_failures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "limit_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"log" text NOT NULL,
	"key" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_materials" (
	"notice_id" text NOT NULL,
	"material_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "notice_materials_notice_id_material_id_pk" PRIMARY KEY("notice_id","material_id")
);
--> statement-breakpoint
CREATE TABLE "notice_recipients" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"contact" text NOT NULL,
	"deadline_hours" integer NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"notice_id" text NOT NULL,
	"received_on" text NOT NULL,
	"text" text NOT NULL,
	"resulting_status" text NOT NULL,
	"by_user_id" text,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" text PRIMARY KEY NOT NULL,
	"recipient_id" text NOT NULL,
	"legal_ground" jsonb NOT NULL,
	"explanation" text NOT NULL,
	"territorial_scope" text NOT NULL,
	"status" text NOT NULL,
	"created_by" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"sent_at" text,
	"deadline_at" text,
	"overdue_recorded_at" text
);
--> statement-breakpoint
ALTER TABLE "notice_materials" ADD CONSTRAINT "notice_materials_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_materials" ADD CONSTRAINT "notice_materials_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_responses" ADD CONSTRAINT "notice_responses_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_responses" ADD CONSTRAINT "notice_responses_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_recipient_id_notice_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."notice_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "limit_failures_key_idx" ON "limit_failures" USING btree ("log","key","at");--> statement-breakpoint
CREATE INDEX "limit_failures_at_idx" ON "limit_failures" USING btree ("at");--> statement-breakpoint
CREATE INDEX "notice_materials_material_idx" ON "notice_materials" USING btree ("material_id");--> statement-breakpoint
CREATE INDEX "notice_responses_notice_idx" ON "notice_responses" USING btree ("notice_id","at");--> statement-breakpoint
CREATE INDEX "notices_recipient_idx" ON "notices" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "notices_deadline_idx" ON "notices" USING btree ("status","deadline_at");