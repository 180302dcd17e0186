import type { ChecklistInput } from './standard.schema';

/**
 * Starting points a district can adopt and then edit: the 六有 of grassroots union standardisation and one
 * locality's 六好 (domain-rules §2.3). Points and grade lines are common practice, not national rules.
 */
export const STANDARD_TEMPLATES: { series: string; input: ChecklistInput }[] = [
  {
    series: 'liuyou',
    input: {
      name: '基层工会规范化建设“六有”',
      description: '对照“六有”标准逐项自评，上传佐证材料，由上级工会审核评定。总分 100 分，60 分达标。',
      effectiveFrom: '2023-01-01',
      gradeBands: [
        { label: '五星', minScore: 95 },
        { label: '四星', minScore: 85 },
        { label: '三星', minScore: 75 },
        { label: '达标', minScore: 60 },
      ],
      items: [
        { title: '有依法选举的工会主席', description: '主席经会员（代表）大会民主选举产生并经上级工会批复；任期未届满或已按期换届。', maxScore: 15, evidenceHint: '选举结果批复、换届请示' },
        { title: '有独立健全的组织机构', description: '工会委员会、经费审查委员会、女职工委员会健全，委员人数符合规定。', maxScore: 20, evidenceHint: '委员名单、任职文件' },
        { title: '有服务职工的活动载体', description: '有职工之家、职工书屋等阵地，年内开展文体、技能、关爱等活动。', maxScore: 15, evidenceHint: '阵地照片、活动记录' },
        { title: '有健全完善的制度机制', description: '建立会员大会、厂务公开、集体协商、经费管理等制度并执行。', maxScore: 15, evidenceHint: '制度文本、会议纪要' },
        { title: '有自主管理的工会经费', description: '独立开设工会经费账户，按规定拨缴、预算和审查。', maxScore: 15, evidenceHint: '开户证明、年度预算、审查报告' },
        { title: '有会员满意的工作绩效', description: '会员评家满意度达到 90% 以上，维权服务有成效。', maxScore: 20, evidenceHint: '会员评家测评表、工作总结' },
      ],
    },
  },
  {
    series: 'liuhao',
    input: {
      name: '活力基层工会“六好”',
      description: '“六好”活力基层工会星级评定：五星 95 分、四星 85 分、三星 75 分。',
      effectiveFrom: '2024-01-01',
      gradeBands: [
        { label: '五星', minScore: 95 },
        { label: '四星', minScore: 85 },
        { label: '三星', minScore: 75 },
      ],
      items: [
        { title: '组织建设好', description: '依法建会、按期换届、会员应入尽入。', maxScore: 20, evidenceHint: '建会批复、会员名册' },
        { title: '队伍建设好', description: '工会干部配备到位，参加培训。', maxScore: 15, evidenceHint: '干部名单、培训证明' },
        { title: '项目载体好', description: '有品牌活动和服务项目。', maxScore: 20, evidenceHint: '活动方案、照片' },
        { title: '制度建设好', description: '各项工作制度健全并执行。', maxScore: 15, evidenceHint: '制度文本' },
        { title: '经费管理好', description: '经费收支规范，公开透明。', maxScore: 15, evidenceHint: '收支报表、审查报告' },
        { title: '工作绩效好', description: '职工满意，获得上级表彰。', maxScore: 15, evidenceHint: '满意度测评、荣誉证书' },
      ],
    },
  },
];
