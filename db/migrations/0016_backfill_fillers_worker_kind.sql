-- Assessments submitted before fillers were recorded: the submitting account's union filled it in (a parent
-- union that submitted for a grassroots union may not review it).
UPDATE "standard_assessments" a
   SET "filler_org_ids" = jsonb_build_array(ac."org_id")
  FROM "accounts" ac
 WHERE ac."id" = a."submitted_by" AND a."filler_org_ids" = '[]'::jsonb;
--> statement-breakpoint
-- 从业类别 for records made before it was a coded field: the old gig code where there is one, else the free-text
-- 职业 when it is exactly a template value or a listed synonym (members/shared/member-codes.ts WORKER_KIND_SYNONYMS;
-- 外卖送餐员 and 环卫工人 are recognised now); anything else stays unrecorded. The gig code follows the worker kind.
WITH "words"("word", "kind") AS (VALUES
  ('快递员', 'courier'),
  ('外卖配送员', 'food_delivery'),
  ('网约车司机', 'ride_hailing'),
  ('货车司机', 'truck_driver'),
  ('家政服务员', 'domestic'),
  ('护工护理员', 'carer'),
  ('商场信息员', 'mall_info'),
  ('房地产经纪人员', 'estate_agent'),
  ('保安员', 'security_guard'),
  ('其他新就业形态', 'other_gig'),
  ('环卫工人', 'sanitation'),
  ('否（非新就业形态）', 'none'),
  ('快递小哥', 'courier'),
  ('快递', 'courier'),
  ('快递配送员', 'courier'),
  ('外卖送餐员', 'food_delivery'),
  ('网约送餐员', 'food_delivery'),
  ('外卖骑手', 'food_delivery'),
  ('外卖员', 'food_delivery'),
  ('骑手', 'food_delivery'),
  ('网约车驾驶员', 'ride_hailing'),
  ('货车驾驶员', 'truck_driver'),
  ('家政员', 'domestic'),
  ('家政服务人员', 'domestic'),
  ('护工', 'carer'),
  ('护理员', 'carer'),
  ('房产经纪人', 'estate_agent'),
  ('保安', 'security_guard'),
  ('环卫工', 'sanitation'),
  ('环卫清扫工', 'sanitation'),
  ('道路清扫工', 'sanitation'),
  ('否', 'none'),
  ('非新就业形态', 'none'))
UPDATE "members" m SET "worker_kind" = coalesce(m."gig_kind", (SELECT w."kind" FROM "words" w WHERE w."word" = regexp_replace(coalesce(m."occupation", ''), '\s+', '', 'g')))
 WHERE m."worker_kind" IS NULL;
--> statement-breakpoint
UPDATE "members" SET "gig_kind" = "worker_kind" WHERE "gig_kind" IS NULL AND "worker_kind" IN ('courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'domestic', 'carer', 'mall_info', 'estate_agent', 'security_guard', 'other_gig');
--> statement-breakpoint
WITH "words"("word", "kind") AS (VALUES
  ('快递员', 'courier'),
  ('外卖配送员', 'food_delivery'),
  ('网约车司机', 'ride_hailing'),
  ('货车司机', 'truck_driver'),
  ('家政服务员', 'domestic'),
  ('护工护理员', 'carer'),
  ('商场信息员', 'mall_info'),
  ('房地产经纪人员', 'estate_agent'),
  ('保安员', 'security_guard'),
  ('其他新就业形态', 'other_gig'),
  ('环卫工人', 'sanitation'),
  ('否（非新就业形态）', 'none'),
  ('快递小哥', 'courier'),
  ('快递', 'courier'),
  ('快递配送员', 'courier'),
  ('外卖送餐员', 'food_delivery'),
  ('网约送餐员', 'food_delivery'),
  ('外卖骑手', 'food_delivery'),
  ('外卖员', 'food_delivery'),
  ('骑手', 'food_delivery'),
  ('网约车驾驶员', 'ride_hailing'),
  ('货车驾驶员', 'truck_driver'),
  ('家政员', 'domestic'),
  ('家政服务人员', 'domestic'),
  ('护工', 'carer'),
  ('护理员', 'carer'),
  ('房产经纪人', 'estate_agent'),
  ('保安', 'security_guard'),
  ('环卫工', 'sanitation'),
  ('环卫清扫工', 'sanitation'),
  ('道路清扫工', 'sanitation'),
  ('否', 'none'),
  ('非新就业形态', 'none'))
UPDATE "membership_applications" a SET "worker_kind" = coalesce(a."gig_kind", (SELECT w."kind" FROM "words" w WHERE w."word" = regexp_replace(coalesce(a."occupation", ''), '\s+', '', 'g')))
 WHERE a."worker_kind" IS NULL;
--> statement-breakpoint
UPDATE "membership_applications" SET "gig_kind" = "worker_kind" WHERE "gig_kind" IS NULL AND "worker_kind" IN ('courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'domestic', 'carer', 'mall_info', 'estate_agent', 'security_guard', 'other_gig');
--> statement-breakpoint
-- The employer a member typed when joining online, kept on the member.
UPDATE "members" m SET "employer_name" = a."employer_name"
  FROM "membership_applications" a
 WHERE a."member_id" = m."id" AND a."status" = 'approved' AND a."employer_name" IS NOT NULL AND m."employer_name" IS NULL;
