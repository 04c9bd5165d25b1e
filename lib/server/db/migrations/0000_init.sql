CREATE TABLE "share_links" (
	"token" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"show_prompt" boolean DEFAULT true NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"upstream_id" text,
	"kind" text NOT NULL,
	"parent_id" text,
	"prompt" text NOT NULL,
	"expand_prompt" boolean DEFAULT false NOT NULL,
	"loop" boolean DEFAULT false NOT NULL,
	"aspect_ratio" text,
	"model" text,
	"resolution" text,
	"duration" text,
	"start_upload_id" text,
	"end_upload_id" text,
	"start_image_url" text,
	"end_image_url" text,
	"state" text NOT NULL,
	"stalled" boolean DEFAULT false NOT NULL,
	"upstream_state" text,
	"failure_reason" text,
	"error_code" text,
	"estimate_wait_seconds" integer,
	"upstream_created_at" timestamp with time zone,
	"video_url" text,
	"watermarked_video_url" text,
	"thumbnail_url" text,
	"last_frame_url" text,
	"video_key" text,
	"video_sha256" text,
	"thumbnail_key" text,
	"last_frame_key" text,
	"width" integer,
	"height" integer,
	"duration_seconds" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"last_progress_at" timestamp with time zone,
	"next_poll_at" timestamp with time zone,
	"poll_attempts" integer DEFAULT 0 NOT NULL,
	"poll_errors" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"idempotency_key" text,
	"hook_secret" text,
	"mirror_attempts" integer DEFAULT 0 NOT NULL,
	"extra" jsonb
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_start_upload_id_uploads_id_fk" FOREIGN KEY ("start_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_end_upload_id_uploads_id_fk" FOREIGN KEY ("end_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_links_task_idx" ON "share_links" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_idempotency_key_idx" ON "tasks" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_provider_upstream_id_idx" ON "tasks" USING btree ("provider","upstream_id");--> statement-breakpoint
CREATE INDEX "tasks_created_at_idx" ON "tasks" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" USING btree ("next_poll_at") WHERE "tasks"."state" not in ('completed', 'failed');--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id");