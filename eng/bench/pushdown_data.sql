-- The pushdown benchmark's table: :rows rows x 30 columns, generated inside PostgreSQL (no client traffic),
-- seeded so that every run makes the same rows. 18 doubles (2 % missing), 6 whole numbers of 10 to 10M
-- distinct values (one an id), 4 categorical texts, a boolean and a timestamp.
-- psql -v rows=10000000 -v name=bench_10m -f pushdown_data.sql
SELECT setseed(0.42);
DROP TABLE IF EXISTS :name;
CREATE TABLE :name AS
SELECT
  i AS id,
  CASE WHEN random() < 0.02 THEN NULL ELSE (random() + random() + random() - 1.5) * 100 + 1000 END AS d01,
  CASE WHEN random() < 0.02 THEN NULL ELSE (random() + random() + random() - 1.5) * 10 END AS d02,
  CASE WHEN random() < 0.02 THEN NULL ELSE random() * 1e6 END AS d03,
  CASE WHEN random() < 0.02 THEN NULL ELSE exp(random() * 10) END AS d04,
  CASE WHEN random() < 0.02 THEN NULL ELSE (random() + random() - 1) * 3 END AS d05,
  CASE WHEN random() < 0.02 THEN NULL ELSE random() END AS d06,
  CASE WHEN random() < 0.02 THEN NULL ELSE (random() + random() + random() - 1.5) * 250 + 5000 END AS d07,
  CASE WHEN random() < 0.02 THEN NULL ELSE -ln(1 - random()) * 40 END AS d08,
  CASE WHEN random() < 0.02 THEN NULL ELSE random() * random() * 100 END AS d09,
  CASE WHEN random() < 0.02 THEN NULL ELSE (random() + random() + random() - 1.5) END AS d10,
  CASE WHEN random() < 0.02 THEN NULL ELSE random() * 2 - 1 END AS d11,
  CASE WHEN random() < 0.02 THEN NULL ELSE sqrt(random()) * 50 END AS d12,
  CASE WHEN random() < 0.02 THEN NULL ELSE (random() + random() + random() - 1.5) * 0.001 END AS d13,
  CASE WHEN random() < 0.02 THEN NULL ELSE power(random(), 3) * 1e4 END AS d14,
  CASE WHEN random() < 0.02 THEN NULL ELSE random() * 360 - 180 END AS d15,
  CASE WHEN random() < 0.02 THEN NULL ELSE (random() + random() + random() - 1.5) * 7 + 20 END AS d16,
  CASE WHEN random() < 0.02 THEN NULL ELSE -ln(1 - random()) END AS d17,
  CASE WHEN random() < 0.02 THEN NULL ELSE random() * 1e-3 END AS d18,
  floor(random() * 10)::bigint AS n01,
  floor(random() * 100)::bigint AS n02,
  floor(random() * 1000)::bigint AS n03,
  floor(random() * 100000)::bigint AS n04,
  floor(random() * 10000000)::bigint AS n05,
  (ARRAY['lyon', 'oslo', 'porto', 'quito', 'riga', 'sofia', 'tunis'])[1 + floor(random() * 7)::int] AS c01,
  (ARRAY['a', 'b', 'c'])[1 + floor(random() * 3)::int] AS c02,
  'segment-' || floor(random() * 40)::int AS c03,
  CASE WHEN random() < 0.05 THEN NULL ELSE (ARRAY['web', 'app', 'branch', 'phone'])[1 + floor(random() * 4)::int] END AS c04,
  random() < 0.3 AS b01,
  timestamp '2026-01-01' + random() * interval '365 days' AS t01
FROM generate_series(1, :rows) AS i;
ANALYZE :name;
