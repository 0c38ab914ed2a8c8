-- The § 61 a / b classification of every stored area figure, in one query: the baseline the
-- engine (lists/criteria.py: classify_all) is measured against. Three-valued like the engine:
-- 0 no, 1 unknown, 2 yes (so "all of" is LEAST); NULL where the rule set has no such class.
-- It takes the conviction bar from the row's own national average (the generator sets it on
-- every row) and the omdannelse history from the area's earlier rows only.
WITH figures AS (
    SELECT af.id, af.area_id, af.list_year, af.residents, af.non_western_pct,
           af.outside_work_pct, af.convicted_pct, af.primary_only_pct, af.income_pct,
           af.national_convicted_pct, rs.id AS rule_set_id, rs.resident_minimum
    FROM lists_areafigures af
    JOIN lists_ruleset rs ON rs.first_list_year <= af.list_year
        AND (rs.last_list_year IS NULL OR af.list_year <= rs.last_list_year)
),
criteria AS (
    SELECT f.id, c.list_class, c.role,
           CASE
               WHEN v.value IS NULL OR v.bar IS NULL THEN NULL
               WHEN c.comparison = 'gt' THEN v.value > v.bar
               WHEN c.comparison = 'gte' THEN v.value >= v.bar
               ELSE v.value < v.bar
           END AS met
    FROM figures f
    JOIN lists_criterion c ON c.rule_set_id = f.rule_set_id
    CROSS JOIN LATERAL (
        SELECT CASE c.name
                   WHEN 'non_western' THEN f.non_western_pct
                   WHEN 'outside_work' THEN f.outside_work_pct
                   WHEN 'convicted' THEN f.convicted_pct
                   WHEN 'primary_only' THEN f.primary_only_pct
                   ELSE f.income_pct
               END AS value,
               COALESCE(c.bar, c.national_multiple * f.national_convicted_pct) AS bar
    ) v
),
own AS (
    SELECT f.id, f.area_id, f.list_year, cr.name, cr.requires,
           CASE
               WHEN f.residents < f.resident_minimum
                    OR bool_or(k.met = false) FILTER (WHERE k.role = 'required')
                    OR (cr.min_counted IS NOT NULL AND
                        count(*) FILTER (WHERE k.role = 'counted' AND k.met IS NOT FALSE)
                        < cr.min_counted)
                   THEN 0
               WHEN f.residents IS NULL
                    OR bool_or(k.met IS NULL) FILTER (WHERE k.role = 'required')
                    OR (cr.min_counted IS NOT NULL AND
                        count(*) FILTER (WHERE k.role = 'counted' AND k.met) < cr.min_counted)
                   THEN 1
               ELSE 2
           END AS value
    FROM figures f
    JOIN lists_classrule cr ON cr.rule_set_id = f.rule_set_id
    LEFT JOIN criteria k ON k.id = f.id AND k.list_class = cr.name
    GROUP BY f.id, f.area_id, f.list_year, f.residents, f.resident_minimum, cr.id
),
pivot AS (
    SELECT id, area_id, list_year,
           max(value) FILTER (WHERE name = 'udsat') AS udsat,
           max(value) FILTER (WHERE name IN ('ghetto', 'parallelsamfund')) AS parallel_own,
           bool_or(requires <> '') FILTER (WHERE name IN ('ghetto', 'parallelsamfund'))
               AS parallel_requires,
           max(value) FILTER (WHERE name IN ('haardt_ghetto', 'omdannelse')) AS omdannelse_own,
           max(value) FILTER (WHERE name = 'forebyggelse') AS forebyggelse
    FROM own
    GROUP BY id, area_id, list_year
),
decided AS (
    SELECT *, CASE WHEN parallel_requires THEN LEAST(parallel_own, udsat) ELSE parallel_own END
                  AS parallel
    FROM pivot
),
history AS (
    SELECT *,
           CASE WHEN lag(list_year, 1) OVER w = list_year - 1 THEN lag(parallel, 1) OVER w END AS p1,
           CASE WHEN lag(list_year, 2) OVER w = list_year - 2 THEN lag(parallel, 2) OVER w END AS p2,
           CASE WHEN lag(list_year, 3) OVER w = list_year - 3 THEN lag(parallel, 3) OVER w END AS p3,
           CASE WHEN lag(list_year, 4) OVER w = list_year - 4 THEN lag(parallel, 4) OVER w END AS p4
    FROM decided
    WINDOW w AS (PARTITION BY area_id ORDER BY list_year)
)
SELECT id, udsat, parallel,
       CASE WHEN omdannelse_own IS NOT NULL THEN
           LEAST(omdannelse_own, parallel, COALESCE(p1, 1), COALESCE(p2, 1), COALESCE(p3, 1),
                 COALESCE(p4, 1))
       END AS omdannelse,
       forebyggelse
FROM history
