-- Assessments submitted before fillers were recorded: the submitting account's union filled it in (a parent
-- union that submitted for a grassroots union may not review it).
UPDATE "standard_assessments" a
   SET "filler_org_ids" = jsonb_build_array(ac."org_id")
  FROM "accounts" ac
 WHERE ac."id" = a."submitted_by" AND a."filler_org_ids" = '[]'::jsonb;
