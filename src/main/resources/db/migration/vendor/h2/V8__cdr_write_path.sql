-- Embedded H2 writes every page an import touched at each commit, and a call's entry in this
-- index lands at a random place, so keeping it cost about one page write per imported call.
-- No VoIPGuard query reads calls by number and month (spend is kept per number-month in
-- monthly_spend); PostgreSQL keeps the index for analysts' own queries.
DROP INDEX ix_cdr_number_month;
