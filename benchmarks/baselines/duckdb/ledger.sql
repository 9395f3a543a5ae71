-- The core of a wage check as an analyst would write it in SQL (DuckDB): days and minutes per worker-month, the
-- payroll's net or the due computed from the roster, wage debits matched to registered cards (batch details
-- included, refunds cancelling the latest earlier payment of the same amount to the same card), payments allocated
-- oldest month first, and the status of each worker-month. {{DIR}}, {{OUT}} and the project.json settings are filled
-- in by run.mjs. Money is BIGINT fen throughout.

-- An amount with more than two decimals is an error, never rounded (SPEC §2.1): NULL, as the engine drops the row.
CREATE MACRO fen(x) AS CASE WHEN regexp_matches(trim(x), '\.[0-9]{3,}$') THEN NULL
    ELSE CAST(round(CAST(replace(replace(trim(x), ',', ''), '¥', '') AS DECIMAL(18, 2)) * 100) AS BIGINT) END;
-- a / b rounded half away from zero, for a, b >= 0
CREATE MACRO div_round(a, b) AS (2 * CAST(a AS HUGEINT) + b) // (2 * CAST(b AS HUGEINT));

CREATE TABLE roster AS
SELECT * FROM (
    SELECT row_number() OVER () AS rn, worker_id, name, upper(trim(id_number)) AS id, trim(bank_account) AS card,
           employer, lower(trim(wage_type)) AS wage_type, fen(nullif(trim(wage_rate), '')) AS rate
    FROM read_csv('{{DIR}}/workers.csv', header = true, all_varchar = true))
QUALIFY row_number() OVER (PARTITION BY id ORDER BY rn) = 1;

-- Attendance in any order: one row per worker and date, then per worker and month.
CREATE TABLE punch_days AS
SELECT upper(trim(id_number)) AS id, CAST(ts AS DATE) AS d, epoch(max(ts)) - epoch(min(ts)) AS secs
FROM (SELECT id_number, try_strptime(trim(time), '%Y-%m-%d %H:%M:%S') AS ts
      FROM read_csv('{{DIR}}/attendance.csv', header = true, all_varchar = true))
WHERE ts IS NOT NULL
GROUP BY ALL;

CREATE TABLE att AS
SELECT id, CAST(date_trunc('month', d) AS DATE) AS m, count(*) AS days, sum(secs) AS secs
FROM punch_days GROUP BY ALL;

CREATE TABLE pay AS
SELECT upper(trim(id_number)) AS id, CAST(strptime(trim(period), '%Y-%m') AS DATE) AS m, sum(fen(net)) AS net
FROM read_csv('{{DIR}}/payroll.csv', header = true, all_varchar = true)
WHERE fen(net) IS NOT NULL
GROUP BY ALL;

-- Rest days for the due date's move back (Saturday and Sunday unless marked workday, and holidays).
CREATE TABLE cal AS
SELECT CAST(strptime(trim(date), '%Y-%m-%d') AS DATE) AS d, lower(trim(kind)) AS kind
FROM read_csv('{{DIR}}/calendar.csv', header = true, all_varchar = true);

CREATE TABLE months AS
SELECT r.id, k.m,
       coalesce(a.days, 0) AS days, coalesce(a.secs, 0) AS secs, p.net,
       CASE WHEN p.net IS NOT NULL THEN p.net
            WHEN r.wage_type IN ('daily', '日薪') THEN r.rate * coalesce(a.days, 0)
            WHEN r.wage_type IN ('hourly', '时薪') THEN div_round(r.rate * coalesce(a.secs, 0), 3600)
            WHEN r.wage_type IN ('monthly', '月薪') THEN
                 CASE WHEN coalesce(a.days, 0) * 100 >= 2175 THEN r.rate ELSE div_round(r.rate * coalesce(a.days, 0) * 100, 2175) END
            ELSE 0 END AS due,
       CASE WHEN p.net IS NOT NULL THEN 'payroll' ELSE 'computed' END AS due_source,
       -- payDay of month m + payMonthOffset, clipped to that month's end
       least(CAST(date_trunc('month', k.m + INTERVAL ({{OFFSET}}) MONTH) AS DATE) + ({{PAYDAY}} - 1),
             CAST(last_day(k.m + INTERVAL ({{OFFSET}}) MONTH) AS DATE)) AS nominal_due
FROM (SELECT id, m FROM att UNION SELECT id, m FROM pay) k
JOIN roster r USING (id)
LEFT JOIN att a USING (id, m)
LEFT JOIN pay p USING (id, m);

CREATE TABLE working_days AS
SELECT CAST(t.day AS DATE) AS d
FROM range(CAST((SELECT min(nominal_due) - 400 FROM months) AS TIMESTAMP), CAST((SELECT max(nominal_due) + 1 FROM months) AS TIMESTAMP), INTERVAL 1 DAY) t(day)
LEFT JOIN cal c ON c.d = CAST(t.day AS DATE)
WHERE c.kind = 'workday' OR (c.kind IS NULL AND isodow(CAST(t.day AS DATE)) < 6);

CREATE TABLE due_dates AS
SELECT n.nominal_due, max(w.d) AS due_date
FROM (SELECT DISTINCT nominal_due FROM months) n JOIN working_days w ON w.d <= n.nominal_due
GROUP BY ALL;

-- Bank lines in date order (file order on ties); wage payments are debits to a registered card, directly or as
-- success lines of a batch whose lump is on the statement.
CREATE TABLE bank AS
SELECT row_number() OVER () AS line, CAST(strptime(trim(time), '%Y-%m-%d %H:%M:%S') AS DATE) AS d,
       upper(trim(direction)) AS dir, fen(amount) AS amt, regexp_replace(coalesce(counterparty_account, ''), '[^0-9]', '', 'g') AS acct,
       coalesce(memo, '') AS memo, nullif(trim(batch_id), '') AS batch_id,
       replace(coalesce(counterparty_name, ''), ' ', '') AS payee
FROM read_csv('{{DIR}}/bank.csv', header = true, all_varchar = true);

CREATE TABLE batches AS
SELECT row_number() OVER () AS n, trim(batch_id) AS batch_id, regexp_replace(bank_account, '[^0-9]', '', 'g') AS acct,
       replace(coalesce(name, ''), ' ', '') AS payee,
       fen(amount) AS amt, lower(coalesce(trim(status), 'success')) AS status
FROM read_csv('{{DIR}}/batches.csv', header = true, all_varchar = true);

-- A card registered for several workers pays the one whose name is the payee's, else the first on the roster.
CREATE TABLE cards AS SELECT card, rn, id, replace(name, ' ', '') AS name FROM roster WHERE card <> '';

CREATE TABLE payments AS
SELECT row_number() OVER (ORDER BY d, line, n) AS seq, *
FROM (
    SELECT p.d, p.line, p.n, c.id, p.amt, p.acct
    FROM (
        SELECT b.d, b.line, 0 AS n, b.amt, b.acct, b.payee FROM bank b
        WHERE b.dir IN ('D', '借') AND b.batch_id IS NULL AND b.amt IS NOT NULL
        UNION ALL
        SELECT b.d, b.line, x.n, x.amt, x.acct, x.payee FROM bank b JOIN batches x USING (batch_id)
        WHERE b.dir IN ('D', '借') AND x.status IN ('success', '成功') AND x.amt IS NOT NULL) p
    JOIN cards c ON c.card = p.acct
    QUALIFY row_number() OVER (PARTITION BY p.line, p.n ORDER BY (c.name = p.payee) DESC, c.rn) = 1);

-- A refund (a credit from a registered card) cancels the latest earlier payment of the same amount to that card.
CREATE TABLE cancelled AS
SELECT DISTINCT p.seq
FROM (SELECT DISTINCT line, amt, acct FROM bank b JOIN cards c ON c.card = b.acct WHERE b.dir IN ('C', '贷')) r
ASOF JOIN (SELECT seq, line, amt, acct FROM payments) p
  ON r.acct = p.acct AND r.amt = p.amt AND r.line > p.line;

-- Oldest month first: payment k covers the running-total interval [before_k, before_k + amt_k) of the worker's
-- payments, month m the interval [due_before_m, due_before_m + due_m) of the worker's dues; what each payment gives
-- each month is the overlap of the two.
CREATE TABLE paid_by_month AS
WITH p AS (
    SELECT id, d, amt, sum(amt) OVER (PARTITION BY id ORDER BY seq) - amt AS before
    FROM payments WHERE seq NOT IN (SELECT seq FROM cancelled)),
m AS (
    SELECT id, m, due, nominal_due, sum(due) OVER (PARTITION BY id ORDER BY m) - due AS before FROM months)
SELECT m.id, m.m,
       sum(CASE WHEN p.d <= DATE '{{ASOF}}' THEN greatest(0, least(p.before + p.amt, m.before + m.due) - greatest(p.before, m.before)) ELSE 0 END) AS paid,
       sum(CASE WHEN p.d <= dd.due_date + {{GRACE}} THEN greatest(0, least(p.before + p.amt, m.before + m.due) - greatest(p.before, m.before)) ELSE 0 END) AS paid_on_time
FROM m JOIN due_dates dd USING (nominal_due) JOIN p ON p.id = m.id
GROUP BY ALL;

COPY (
    SELECT r.worker_id, strftime(mo.m, '%Y-%m') AS period, mo.days, mo.due, mo.due_source, dd.due_date,
           coalesce(b.paid, 0) AS paid, coalesce(b.paid_on_time, 0) AS paid_on_time,
           CASE WHEN NOT (dd.due_date + {{GRACE}} < DATE '{{ASOF}}') THEN 'pending'
                WHEN mo.due > 0 AND coalesce(b.paid, 0) = 0 THEN 'unpaid'
                WHEN coalesce(b.paid, 0) < mo.due - {{TOLERANCE}} THEN 'short'
                WHEN coalesce(b.paid_on_time, 0) < mo.due - {{TOLERANCE}} THEN 'late'
                ELSE 'ok' END AS status
    FROM months mo JOIN roster r USING (id) JOIN due_dates dd USING (nominal_due)
    LEFT JOIN paid_by_month b USING (id, m)
    ORDER BY r.worker_id, period
) TO '{{OUT}}' (HEADER, DELIMITER ',');
