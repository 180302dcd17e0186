CREATE TABLE "facilities" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'declared' NOT NULL,
	"standard_id" integer NOT NULL,
	"declared_on" date NOT NULL,
	"accepted_on" date,
	"listed_on" date,
	"map_published" boolean DEFAULT false NOT NULL,
	"delisted_on" date,
	"host" text,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"opening_hours" text,
	"area" integer,
	"manager" text,
	"manager_phone" text,
	"build_mode" text,
	"level" text,
	"volumes" integer,
	"digital_platform" text,
	"stars" integer,
	"class_type" text,
	"enrolled" integer,
	"starts_on" date,
	"ends_on" date,
	"leader" text,
	"items_present" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"facility_id" integer NOT NULL,
	"kind" text NOT NULL,
	"inspected_on" date NOT NULL,
	"result" text NOT NULL,
	"standard_id" integer NOT NULL,
	"items_present" jsonb NOT NULL,
	"failed_items" jsonb NOT NULL,
	"opinion" text,
	"rectify_by" date,
	"by_org_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_standards" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"items" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_usage" (
	"facility_id" integer NOT NULL,
	"on_date" date NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_standard_id_facility_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."facility_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_inspections" ADD CONSTRAINT "facility_inspections_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_inspections" ADD CONSTRAINT "facility_inspections_standard_id_facility_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."facility_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_inspections" ADD CONSTRAINT "facility_inspections_by_org_id_organisations_id_fk" FOREIGN KEY ("by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_usage" ADD CONSTRAINT "facility_usage_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_name_key" ON "facilities" USING btree ("org_id","kind","name");--> statement-breakpoint
CREATE INDEX "facilities_kind_status_idx" ON "facilities" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "facility_inspections_facility_idx" ON "facility_inspections" USING btree ("facility_id","inspected_on");--> statement-breakpoint
CREATE INDEX "facility_inspections_kind_idx" ON "facility_inspections" USING btree ("kind","result","inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "facility_standards_version_key" ON "facility_standards" USING btree ("kind","name","version");--> statement-breakpoint
CREATE UNIQUE INDEX "facility_usage_key" ON "facility_usage" USING btree ("facility_id","on_date");--> statement-breakpoint
INSERT INTO "facility_standards" ("kind", "name", "version", "effective_from", "items", "thresholds") VALUES
('rest_station', '七个一', 1, '2020-01-01', '[{"code":"room","title":"一处室内空间","required":true},{"code":"seats","title":"一套桌凳","required":true},{"code":"microwave","title":"一台微波炉","required":true},{"code":"water","title":"一台饮水机","required":true},{"code":"climate","title":"一台冷暖设备","required":true},{"code":"fridge","title":"一台冰箱","required":true},{"code":"firstaid","title":"一个急救药箱","required":true}]', '{}'),
('rest_station', '六有', 1, '2020-01-01', '[{"code":"water","title":"饮用水","required":true},{"code":"microwave","title":"微波炉","required":true},{"code":"seats","title":"桌椅","required":true},{"code":"climate","title":"风扇或空调","required":true},{"code":"firstaid","title":"医药箱","required":true},{"code":"socket","title":"多功能插座","required":true},{"code":"toilet","title":"卫生间","required":false},{"code":"fridge","title":"冰箱","required":false},{"code":"lockers","title":"储物柜","required":false},{"code":"tools","title":"维修工具","required":false},{"code":"wifi","title":"无线网络","required":false},{"code":"books","title":"报刊图书","required":false},{"code":"charging","title":"充电设施","required":false}]', '{}'),
('nursing_room', '爱心妈妈小屋（基础型）', 1, '2022-01-01', '[{"code":"plaque","title":"统一标识牌","required":true},{"code":"hotwater","title":"热水","required":true},{"code":"soap","title":"洗手液","required":true},{"code":"basin","title":"洗手盆","required":true},{"code":"seats","title":"桌子和两把以上椅子或沙发","required":true},{"code":"fridge","title":"冰箱","required":true},{"code":"socket","title":"电源插座","required":true},{"code":"bin","title":"垃圾桶","required":true},{"code":"log","title":"使用登记簿","required":true}]', '{"minArea":10}'),
('nursing_room', '爱心妈妈小屋（舒适型）', 1, '2022-01-01', '[{"code":"plaque","title":"统一标识牌","required":true},{"code":"hotwater","title":"热水","required":true},{"code":"soap","title":"洗手液","required":true},{"code":"basin","title":"洗手盆","required":true},{"code":"seats","title":"桌子和两把以上椅子或沙发","required":true},{"code":"fridge","title":"冰箱","required":true},{"code":"socket","title":"电源插座","required":true},{"code":"bin","title":"垃圾桶","required":true},{"code":"log","title":"使用登记簿","required":true},{"code":"ac","title":"空调","required":true},{"code":"purifier","title":"空气净化器","required":true},{"code":"sterilizer","title":"奶瓶消毒器","required":true},{"code":"dispenser","title":"饮水机","required":true},{"code":"microwave","title":"微波炉","required":true},{"code":"lockers","title":"储物柜","required":true},{"code":"leaflets","title":"母乳喂养宣传资料","required":true}]', '{"minArea":10}'),
('reading_room', '全国工会职工书屋', 1, '2008-01-01', '[{"code":"plaque","title":"统一标牌","required":true},{"code":"space","title":"专门场所","required":true},{"code":"furniture","title":"书架和阅览桌椅","required":true},{"code":"pc","title":"联网电脑","required":true},{"code":"digital","title":"数字阅读平台","required":true},{"code":"keeper","title":"专人管理","required":true},{"code":"rules","title":"借阅管理制度","required":true}]', '{"minVolumes":3000}'),
('childcare_class', '爱心托管班（假期）', 1, '2021-01-01', '[{"code":"agreement","title":"与家长签订托管协议","required":true},{"code":"register","title":"报名登记制度","required":true},{"code":"pickup","title":"接送考勤制度","required":true},{"code":"patrol","title":"安全巡查制度","required":true},{"code":"cleaning","title":"卫生保洁制度","required":true},{"code":"emergency","title":"应急预案","required":true},{"code":"nosubject","title":"不开展学科类教学","required":true}]', '{"minChildren":20,"minDays":20,"minRate":70}'),
('childcare_class', '爱心托管班（课后）', 1, '2021-01-01', '[{"code":"agreement","title":"与家长签订托管协议","required":true},{"code":"register","title":"报名登记制度","required":true},{"code":"pickup","title":"接送考勤制度","required":true},{"code":"patrol","title":"安全巡查制度","required":true},{"code":"cleaning","title":"卫生保洁制度","required":true},{"code":"emergency","title":"应急预案","required":true},{"code":"nosubject","title":"不开展学科类教学","required":true}]', '{"minChildren":20,"minDays":100,"minRate":70}'),
('workers_home', '职工之家', 1, '2020-01-01', '[{"code":"space","title":"有固定活动场所","required":true},{"code":"equipment","title":"有文体活动设施","required":true},{"code":"rules","title":"有管理制度","required":true},{"code":"staff","title":"有专人管理","required":true},{"code":"activities","title":"有经常性活动","required":true},{"code":"records","title":"有活动台账","required":false}]', '{}'),
('innovation_studio', '劳模（工匠）创新工作室', 1, '2020-01-01', '[{"code":"leader","title":"有领衔的劳模或工匠","required":true},{"code":"team","title":"有创新团队","required":true},{"code":"space","title":"有固定场所和设备","required":true},{"code":"rules","title":"有管理制度","required":true},{"code":"projects","title":"有创新项目","required":true},{"code":"results","title":"有创新成果","required":false}]', '{}');
