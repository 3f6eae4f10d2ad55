CREATE TABLE "exercises" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"category" text NOT NULL,
	"level" text NOT NULL,
	"force" text,
	"mechanic" text,
	"equipment" text,
	"primary_muscles" text[] NOT NULL,
	"secondary_muscles" text[] NOT NULL,
	"instructions" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workout_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workout_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"exercise_position" smallint NOT NULL,
	"set_position" smallint NOT NULL,
	"exercise_id" text,
	"exercise_name" text NOT NULL,
	"reps" integer,
	"weight_value" numeric(8, 2),
	"weight_unit" text,
	"weight_kg" numeric(10, 4),
	"duration_sec" integer,
	"distance_m" numeric(10, 2)
);
--> statement-breakpoint
CREATE TABLE "workouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"title" text,
	"duration_min" integer NOT NULL,
	"intensity" smallint NOT NULL,
	"avg_heart_rate" smallint,
	"notes" text,
	"source" text DEFAULT 'manual' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "water_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ml" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sleep_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"bedtime_local" text NOT NULL,
	"wake_local" text NOT NULL,
	"time_zone" text NOT NULL,
	"bedtime_at" timestamp with time zone NOT NULL,
	"wake_at" timestamp with time zone NOT NULL,
	"duration_min" integer NOT NULL,
	"quality" smallint NOT NULL,
	"phases" jsonb
);
--> statement-breakpoint
CREATE TABLE "mood_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"score" smallint NOT NULL,
	"energy" smallint,
	"stress" smallint,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"weight_value" numeric(8, 2),
	"weight_unit" text,
	"weight_kg" numeric(10, 4),
	"waist_value" numeric(8, 2),
	"waist_unit" text,
	"waist_cm" numeric(10, 4),
	"hips_value" numeric(8, 2),
	"hips_unit" text,
	"hips_cm" numeric(10, 4),
	"chest_value" numeric(8, 2),
	"chest_unit" text,
	"chest_cm" numeric(10, 4),
	"neck_value" numeric(8, 2),
	"neck_unit" text,
	"neck_cm" numeric(10, 4),
	"body_fat_percent" numeric(5, 2)
);
--> statement-breakpoint
CREATE TABLE "step_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"target_weight_value" numeric(8, 2),
	"target_weight_unit" text,
	"target_weight_kg" numeric(10, 4),
	"kcal" integer,
	"protein_g" integer,
	"carbs_g" integer,
	"fat_g" integer,
	"fiber_g" integer,
	"water_ml" integer,
	"sleep_min" integer,
	"steps" integer,
	"weekly_workouts" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "day_notes" (
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "day_notes_user_id_date_pk" PRIMARY KEY("user_id","date")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"format" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"added" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"duplicate_of" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workout_sets" ADD CONSTRAINT "workout_sets_workout_id_workouts_id_fk" FOREIGN KEY ("workout_id") REFERENCES "public"."workouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_sets" ADD CONSTRAINT "workout_sets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_sets" ADD CONSTRAINT "workout_sets_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workouts" ADD CONSTRAINT "workouts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "water_entries" ADD CONSTRAINT "water_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sleep_entries" ADD CONSTRAINT "sleep_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mood_entries" ADD CONSTRAINT "mood_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_entries" ADD CONSTRAINT "body_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_entries" ADD CONSTRAINT "step_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_notes" ADD CONSTRAINT "day_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercises_name_idx" ON "exercises" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "exercises_search_name_idx" ON "exercises" USING btree ("search_name");--> statement-breakpoint
CREATE INDEX "exercises_equipment_idx" ON "exercises" USING btree ("equipment");--> statement-breakpoint
CREATE INDEX "exercises_primary_muscles_idx" ON "exercises" USING gin ("primary_muscles");--> statement-breakpoint
CREATE INDEX "exercises_secondary_muscles_idx" ON "exercises" USING gin ("secondary_muscles");--> statement-breakpoint
CREATE INDEX "workout_sets_workout_idx" ON "workout_sets" USING btree ("workout_id","exercise_position","set_position");--> statement-breakpoint
CREATE INDEX "workout_sets_user_exercise_idx" ON "workout_sets" USING btree ("user_id","exercise_id");--> statement-breakpoint
CREATE INDEX "workouts_user_date_idx" ON "workouts" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "workouts_user_source_key_idx" ON "workouts" USING btree ("user_id","source_key") WHERE source_key is not null;--> statement-breakpoint
CREATE INDEX "water_entries_user_date_idx" ON "water_entries" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "water_entries_user_source_key_idx" ON "water_entries" USING btree ("user_id","source_key") WHERE source_key is not null;--> statement-breakpoint
CREATE INDEX "sleep_entries_user_date_idx" ON "sleep_entries" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "sleep_entries_user_source_key_idx" ON "sleep_entries" USING btree ("user_id","source_key") WHERE source_key is not null;--> statement-breakpoint
CREATE INDEX "mood_entries_user_date_idx" ON "mood_entries" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "mood_entries_user_source_key_idx" ON "mood_entries" USING btree ("user_id","source_key") WHERE source_key is not null;--> statement-breakpoint
CREATE INDEX "body_entries_user_date_idx" ON "body_entries" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "body_entries_user_source_key_idx" ON "body_entries" USING btree ("user_id","source_key") WHERE source_key is not null;--> statement-breakpoint
CREATE INDEX "step_entries_user_date_idx" ON "step_entries" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "step_entries_user_source_key_idx" ON "step_entries" USING btree ("user_id","source_key") WHERE source_key is not null;--> statement-breakpoint
CREATE INDEX "import_jobs_user_hash_idx" ON "import_jobs" USING btree ("user_id","content_hash") WHERE status = 'completed';--> statement-breakpoint
CREATE INDEX "import_jobs_user_created_idx" ON "import_jobs" USING btree ("user_id","created_at");