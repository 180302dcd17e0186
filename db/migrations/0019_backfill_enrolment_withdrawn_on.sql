-- Enrolments withdrawn before the withdrawal was dated: the day of the last withdrawal in the audit log (China
-- time), so the periods before it count the enrolment that was in force then; with no audit entry, the payment
-- date (the enrolment stays out of every period's figures, as it was).
UPDATE "mutual_aid_enrolments" e
   SET "withdrawn_on" = greatest(e."paid_on", coalesce(
         (SELECT max(a."occurred_at" AT TIME ZONE 'Asia/Shanghai')::date FROM "audit_events" a
           WHERE a."entity_type" = 'mutual_aid_enrolment' AND a."entity_id" = e."id"::text AND a."summary" LIKE '%退保%'),
         e."paid_on"))
 WHERE e."status" = 'withdrawn' AND e."withdrawn_on" IS NULL;
