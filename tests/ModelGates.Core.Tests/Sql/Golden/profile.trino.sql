-- columns of "main"."scoring": id VARCHAR, amount DOUBLE, count BIGINT, rating BIGINT, city VARCHAR, flag BOOLEAN, seen TIMESTAMP

-- query 1
SELECT count(*), count((CASE WHEN is_finite(CAST("amount" AS DOUBLE)) THEN CAST("amount" AS DOUBLE) END)), min((CASE WHEN is_finite(CAST("amount" AS DOUBLE)) THEN CAST("amount" AS DOUBLE) END)), max((CASE WHEN is_finite(CAST("amount" AS DOUBLE)) THEN CAST("amount" AS DOUBLE) END)), sum((CASE WHEN is_finite(CAST("amount" AS DOUBLE)) THEN CAST("amount" AS DOUBLE) END)), count(CAST("count" AS DOUBLE)), min(CAST("count" AS DOUBLE)), max(CAST("count" AS DOUBLE)), sum(CAST("count" AS DOUBLE)), count(CAST("rating" AS DOUBLE)), min(CAST("rating" AS DOUBLE)), max(CAST("rating" AS DOUBLE)), sum(CAST("rating" AS DOUBLE)), count(to_unixtime(CAST("seen" AS TIMESTAMP))), min(to_unixtime(CAST("seen" AS TIMESTAMP))), max(to_unixtime(CAST("seen" AS TIMESTAMP))), sum(to_unixtime(CAST("seen" AS TIMESTAMP))), CAST(min("seen") AS VARCHAR), CAST(max("seen") AS VARCHAR), count("flag"), sum(CASE WHEN "flag" THEN 1 ELSE 0 END), count("id"), sum(CAST(length(CAST("id" AS VARCHAR)) AS BIGINT)), sum(CAST(length(CAST("id" AS VARCHAR)) AS BIGINT) * CAST(length(CAST("id" AS VARCHAR)) AS BIGINT)), count("city"), sum(CAST(length(CAST("city" AS VARCHAR)) AS BIGINT)), sum(CAST(length(CAST("city" AS VARCHAR)) AS BIGINT) * CAST(length(CAST("city" AS VARCHAR)) AS BIGINT)) FROM "main"."scoring" AS mg_t;

-- query 2
SELECT count(DISTINCT (CASE WHEN is_finite(CAST("amount" AS DOUBLE)) THEN CAST("amount" AS DOUBLE) END)), count(DISTINCT CAST("count" AS DOUBLE)), count(DISTINCT CAST("rating" AS DOUBLE)), count(DISTINCT to_unixtime(CAST("seen" AS TIMESTAMP))) FROM "main"."scoring" AS mg_t;

-- query 3
SELECT mg_r, v FROM (SELECT v, row_number() OVER (ORDER BY v) - 1 AS mg_r FROM (SELECT (CASE WHEN is_finite(CAST("amount" AS DOUBLE)) THEN CAST("amount" AS DOUBLE) END) AS v FROM "main"."scoring" AS mg_t) mg_v WHERE v IS NOT NULL) mg_ranked WHERE mg_r IN (12, 36, 60, 85, 109, 134, 158, 182);

-- query 4
SELECT mg_r, v FROM (SELECT v, row_number() OVER (ORDER BY v) - 1 AS mg_r FROM (SELECT CAST("count" AS DOUBLE) AS v FROM "main"."scoring" AS mg_t) mg_v WHERE v IS NOT NULL) mg_ranked WHERE mg_r IN (12, 37, 62, 87, 112, 137, 162, 187);

-- query 5
SELECT mg_r, v FROM (SELECT v, row_number() OVER (ORDER BY v) - 1 AS mg_r FROM (SELECT to_unixtime(CAST("seen" AS TIMESTAMP)) AS v FROM "main"."scoring" AS mg_t) mg_v WHERE v IS NOT NULL) mg_ranked WHERE mg_r IN (12, 37, 62, 87, 112, 137, 162, 187);

-- query 6
SELECT mg_column, v, count(*) FROM (SELECT mg_column, v FROM (SELECT mg_k.mg_column AS mg_column, CAST("rating" AS DOUBLE) AS v FROM "main"."scoring" AS mg_t CROSS JOIN (VALUES (0)) AS mg_k(mg_column)) mg_c WHERE v IS NOT NULL) mg_u GROUP BY mg_column, v;

-- query 7
SELECT mg_column, bin, count(*), sum(dev), sum(dev * dev) FROM (SELECT mg_column, v, CASE mg_column WHEN 0 THEN width_bucket(v, ARRAY[656.8686429711101E0, 913.1789935984687E0, 1026.2629993219425E0, 1068.5186285000718E0, 1234.6835099511652E0, 1395.6573556727744E0]) WHEN 1 THEN width_bucket(v, ARRAY[1106E0, 1318.75E0, 2257E0, 2543.5E0, 3768.25E0, 3798E0]) WHEN 2 THEN width_bucket(v, ARRAY[0E0, 0.75E0, 1.5E0, 2E0, 2.25E0, 3E0]) WHEN 3 THEN width_bucket(v, ARRAY[1773652409E0, 1774726653.5E0, 1779839207E0, 1782219054E0, 1786401628E0, 1789711454.5E0]) END AS bin, CASE mg_column WHEN 0 THEN (v - 1024.5088823717708E0) WHEN 1 THEN (v - 2688.45E0) WHEN 2 THEN (v - 1.6171428571428572E0) WHEN 3 THEN (v - 1782008308.76E0) END AS dev FROM (SELECT mg_k.mg_column AS mg_column, CASE mg_k.mg_column WHEN 0 THEN (CASE WHEN is_finite(CAST("amount" AS DOUBLE)) THEN CAST("amount" AS DOUBLE) END) WHEN 1 THEN CAST("count" AS DOUBLE) WHEN 2 THEN CAST("rating" AS DOUBLE) WHEN 3 THEN to_unixtime(CAST("seen" AS TIMESTAMP)) END AS v FROM "main"."scoring" AS mg_t CROSS JOIN (VALUES (0), (1), (2), (3)) AS mg_k(mg_column)) mg_c WHERE v IS NOT NULL) mg_b GROUP BY mg_column, bin;

-- query 8
SELECT mg_column, v, mg_n FROM (SELECT mg_column, v, mg_n, row_number() OVER (PARTITION BY mg_column ORDER BY mg_n DESC, v) AS mg_r FROM (SELECT mg_column, v, count(*) AS mg_n FROM (SELECT mg_column, v FROM (SELECT mg_k.mg_column AS mg_column, CASE mg_k.mg_column WHEN 0 THEN CAST("id" AS VARCHAR) WHEN 1 THEN CAST("city" AS VARCHAR) END AS v FROM "main"."scoring" AS mg_t CROSS JOIN (VALUES (0), (1)) AS mg_k(mg_column)) mg_c WHERE v IS NOT NULL) mg_u GROUP BY mg_column, v) mg_g) mg_w WHERE mg_r <= 6;

-- query 9
SELECT mg_column, bitwise_and(bitwise_right_shift(v, 53), 2047), min(bitwise_and(bitwise_right_shift(v, 0), 9007199254740991)) FROM (SELECT mg_column, v FROM (SELECT mg_k.mg_column AS mg_column, CASE mg_k.mg_column WHEN 0 THEN from_big_endian_64(xxhash64(to_utf8(CAST("id" AS VARCHAR)))) WHEN 1 THEN from_big_endian_64(xxhash64(to_utf8(CAST("city" AS VARCHAR)))) WHEN 2 THEN from_big_endian_64(xxhash64(to_utf8(CAST((CASE WHEN is_finite(CAST("amount" AS DOUBLE)) THEN CAST("amount" AS DOUBLE) END) AS VARCHAR)))) WHEN 3 THEN from_big_endian_64(xxhash64(to_utf8(CAST(CAST("count" AS DOUBLE) AS VARCHAR)))) WHEN 4 THEN from_big_endian_64(xxhash64(to_utf8(CAST(to_unixtime(CAST("seen" AS TIMESTAMP)) AS VARCHAR)))) END AS v FROM "main"."scoring" AS mg_t CROSS JOIN (VALUES (0), (1), (2), (3), (4)) AS mg_k(mg_column)) mg_c WHERE v IS NOT NULL) mg_u GROUP BY mg_column, bitwise_and(bitwise_right_shift(v, 53), 2047);

