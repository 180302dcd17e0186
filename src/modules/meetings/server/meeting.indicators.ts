import { sql } from 'drizzle-orm';
import { underPath, type IndicatorDefinition } from '@platform/indicators';
import { MEETINGS } from '../shared/meeting.ledger';

const section = '工会自身建设';
const ledger = MEETINGS;

export const meetingIndicators: IndicatorDefinition[] = [
  {
    code: 'meetings.held', name: '召开会议次数', definition: '统计期内（按会议日期）辖区工会登记的常委会、全委会、主席办公会、政府工会联席会议、三会一课和职工周例会等会议次数。', unit: '次', section, ledger, kind: 'count', amount: { kind: 'number', label: '决定事项' },
    records: (c) => sql`
      select m.id, o.id as org_id, o.name as org_name, m.title, m.held_on as occurred_on, (select count(*) from meeting_decisions d where d.meeting_id = m.id)::bigint as amount
        from meetings m join organisations o on o.id = m.org_id
       where ${underPath('o.path', c.rootPath)} and m.held_on >= ${c.period.start} and m.held_on < ${c.period.end}`,
  },
  {
    code: 'meetings.decisions_due_open', name: '到期未落实的会议决定事项数', definition: '截至统计期末，完成期限已到（不晚于期末最后一日）而到期末仍未登记落实的会议决定事项数；打开为所属会议。', unit: '项', section, ledger, kind: 'count',
    records: (c) => sql`
      select m.id, o.id as org_id, o.name as org_name, m.title || '：' || d.content as title, d.due_on as occurred_on, null::bigint as amount
        from meeting_decisions d join meetings m on m.id = d.meeting_id join organisations o on o.id = m.org_id
       where ${underPath('o.path', c.rootPath)} and d.due_on < ${c.period.end} and (d.done_on is null or d.done_on >= ${c.period.end})`,
  },
];
