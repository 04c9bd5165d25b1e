CREATE TABLE "task_tombstones" (
	"task_id" text PRIMARY KEY NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "task_tombstones_deleted_at_idx" ON "task_tombstones" USING btree ("deleted_at");