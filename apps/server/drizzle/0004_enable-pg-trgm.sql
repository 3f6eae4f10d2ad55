-- Trigram matching makes food search tolerant of typos; pg_trgm ships with PostgreSQL and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
