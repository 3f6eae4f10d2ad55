CREATE TABLE "food_catalogs" (
	"source" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"food_count" integer NOT NULL,
	"portion_count" integer NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "food_portions" (
	"id" text PRIMARY KEY NOT NULL,
	"food_id" text NOT NULL,
	"position" integer NOT NULL,
	"amount" numeric(10, 3) NOT NULL,
	"unit" text NOT NULL,
	"grams" numeric(10, 3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "foods" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"source" text NOT NULL,
	"name" text NOT NULL,
	"food_group" text,
	"kcal" numeric(10, 3),
	"protein" numeric(10, 3),
	"carbs" numeric(10, 3),
	"fat" numeric(10, 3),
	"fiber" numeric(10, 3),
	"sugar" numeric(10, 3),
	"sodium_mg" numeric(10, 3),
	"saturated_fat" numeric(10, 3),
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, name)) STORED NOT NULL,
	"search_head" text GENERATED ALWAYS AS (lower(split_part(name, ',', 1))) STORED NOT NULL,
	"static_rank" double precision GENERATED ALWAYS AS (case when name ~* '(^|[^a-z])raw([^a-z]|$)' then 0.03 else 0 end - 0.004 * length(name)) STORED NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meal_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"food_id" text,
	"portion_id" text,
	"portion_label" text,
	"quantity" numeric(9, 3),
	"name" text NOT NULL,
	"grams" numeric(12, 6) NOT NULL,
	"kcal" numeric(14, 6),
	"protein" numeric(14, 6),
	"carbs" numeric(14, 6),
	"fat" numeric(14, 6),
	"fiber" numeric(14, 6),
	"sugar" numeric(14, 6),
	"sodium_mg" numeric(14, 6),
	"saturated_fat" numeric(14, 6),
	"meal_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"type" text NOT NULL,
	"note" text,
	"photo_file" text,
	"photo_width" integer,
	"photo_height" integer,
	"photo_bytes" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_meal_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"food_id" text,
	"portion_id" text,
	"portion_label" text,
	"quantity" numeric(9, 3),
	"name" text NOT NULL,
	"grams" numeric(12, 6) NOT NULL,
	"kcal" numeric(14, 6),
	"protein" numeric(14, 6),
	"carbs" numeric(14, 6),
	"fat" numeric(14, 6),
	"fiber" numeric(14, 6),
	"sugar" numeric(14, 6),
	"sodium_mg" numeric(14, 6),
	"saturated_fat" numeric(14, 6),
	"saved_meal_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_meals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "food_portions" ADD CONSTRAINT "food_portions_food_id_foods_id_fk" FOREIGN KEY ("food_id") REFERENCES "public"."foods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foods" ADD CONSTRAINT "foods_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_items" ADD CONSTRAINT "meal_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_items" ADD CONSTRAINT "meal_items_meal_id_meals_id_fk" FOREIGN KEY ("meal_id") REFERENCES "public"."meals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meals" ADD CONSTRAINT "meals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_meal_items" ADD CONSTRAINT "saved_meal_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_meal_items" ADD CONSTRAINT "saved_meal_items_saved_meal_id_saved_meals_id_fk" FOREIGN KEY ("saved_meal_id") REFERENCES "public"."saved_meals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_meals" ADD CONSTRAINT "saved_meals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "food_portions_food_idx" ON "food_portions" USING btree ("food_id","position");--> statement-breakpoint
CREATE INDEX "foods_search_vector_idx" ON "foods" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "foods_name_trigram_idx" ON "foods" USING gin ("name" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "foods_name_idx" ON "foods" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "foods_search_head_idx" ON "foods" USING btree ("search_head" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "foods_user_created_idx" ON "foods" USING btree ("user_id","created_at","id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "meal_items_meal_idx" ON "meal_items" USING btree ("meal_id","position");--> statement-breakpoint
CREATE INDEX "meal_items_user_idx" ON "meal_items" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meals_user_date_idx" ON "meals" USING btree ("user_id","date","created_at");--> statement-breakpoint
CREATE INDEX "meals_user_photo_idx" ON "meals" USING btree ("user_id") WHERE photo_file is not null;--> statement-breakpoint
CREATE INDEX "saved_meal_items_saved_meal_idx" ON "saved_meal_items" USING btree ("saved_meal_id","position");--> statement-breakpoint
CREATE INDEX "saved_meal_items_user_idx" ON "saved_meal_items" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "saved_meals_user_created_idx" ON "saved_meals" USING btree ("user_id","created_at","id");