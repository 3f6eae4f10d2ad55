CREATE TABLE "coach_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sequence" bigserial NOT NULL,
	"user_id" uuid NOT NULL,
	"agent" text NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"areas" text[] NOT NULL,
	"input_tokens" integer NOT NULL,
	"output_tokens" integer NOT NULL,
	"cost_micro_usd" bigint NOT NULL,
	"outcome" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_consents" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"meals" boolean DEFAULT false NOT NULL,
	"workouts" boolean DEFAULT false NOT NULL,
	"sleep" boolean DEFAULT false NOT NULL,
	"mood" boolean DEFAULT false NOT NULL,
	"weight" boolean DEFAULT false NOT NULL,
	"notes" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"message_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_meal_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"start_date" date,
	"plan" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coach_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sequence" bigserial NOT NULL,
	"conversation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"provider" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_program_sets" (
	"program_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"week" integer NOT NULL,
	"session" integer NOT NULL,
	"exercise_id" text NOT NULL,
	"set_number" integer NOT NULL,
	"date" date NOT NULL,
	"reps" integer,
	"weight_kg" numeric(7, 2),
	"duration_seconds" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coach_program_sets_program_id_week_session_exercise_id_set_number_pk" PRIMARY KEY("program_id","week","session","exercise_id","set_number")
);
--> statement-breakpoint
CREATE TABLE "coach_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"name" text NOT NULL,
	"goal" text NOT NULL,
	"level" text NOT NULL,
	"days_per_week" integer NOT NULL,
	"equipment" text[] NOT NULL,
	"rule" text NOT NULL,
	"schedule" jsonb NOT NULL,
	"start_date" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coach_calls" ADD CONSTRAINT "coach_calls_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_consents" ADD CONSTRAINT "coach_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_conversations" ADD CONSTRAINT "coach_conversations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_meal_plans" ADD CONSTRAINT "coach_meal_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_messages" ADD CONSTRAINT "coach_messages_conversation_id_coach_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."coach_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_messages" ADD CONSTRAINT "coach_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_program_sets" ADD CONSTRAINT "coach_program_sets_program_id_coach_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."coach_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_program_sets" ADD CONSTRAINT "coach_program_sets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_programs" ADD CONSTRAINT "coach_programs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coach_calls_user_sequence_idx" ON "coach_calls" USING btree ("user_id","sequence");--> statement-breakpoint
CREATE INDEX "coach_calls_user_created_idx" ON "coach_calls" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "coach_calls_created_idx" ON "coach_calls" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "coach_conversations_user_updated_idx" ON "coach_conversations" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "coach_meal_plans_user_created_idx" ON "coach_meal_plans" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "coach_messages_conversation_idx" ON "coach_messages" USING btree ("conversation_id","sequence");--> statement-breakpoint
CREATE INDEX "coach_messages_user_idx" ON "coach_messages" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "coach_program_sets_user_idx" ON "coach_program_sets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "coach_programs_user_created_idx" ON "coach_programs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coach_programs_one_active_idx" ON "coach_programs" USING btree ("user_id") WHERE status = 'active';