import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '@test/app';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number> = {};
const meeting = (over: Record<string, unknown> = {}) => ({ orgId: id.root, kind: 'standing', session: '十一届四次', title: '十一届四次常委会', heldOn: '2025-03-10', membersTotal: 15, attendees: 10, ...over });
const decide = (mid: number, dueOn: string, content = '开展春送岗位专项行动') => admin.post(`/api/meetings/${mid}/decisions`, { content, owner: '权益保障部', dueOn });
const values = async (period: string, orgId = id.root) => (await admin.get(`/api/indicators/values?orgId=${orgId}&period=${period}&codes=meetings.held,meetings.decisions_due_open`)).body.values.map((v: { value: number }) => v.value);

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
  t.clock.now = new Date('2025-06-15T04:00:00Z');
});
afterAll(() => t.close());

describe('会议记录', () => {
  let standing: number;

  it('records a meeting after it is held; a committee below two thirds cannot decide, naming the figures', async () => {
    expect((await admin.post('/api/meetings', meeting({ heldOn: '2025-07-01' }))).body.message).toBe('会议日期不能晚于今天：会议召开后再登记');
    expect((await admin.post('/api/meetings', meeting({ attendees: 16 }))).body.message).toBe('实到人数不能多于应到人数');
    expect((await yi.post('/api/meetings', meeting())).status).toBe(404);
    const low = await admin.post('/api/meetings', meeting({ attendees: 9 }));
    expect(low.body).toMatchObject({ quorumMet: false, decisions: 0 });
    expect((await decide(low.body.id, '2025-04-10')).body.message).toBe('出席 9 人，未达到应到 15 人的三分之二，会议不能作出决定');
    const ok = await admin.post('/api/meetings', meeting());
    expect(ok.body.quorumMet).toBe(true); // 10 of 15 is exactly two thirds
    standing = ok.body.id;
    expect((await decide(standing, '2025-03-01')).body.message).toBe('完成期限不能早于会议日期');
    expect((await decide(standing, '2025-04-10')).body.items).toEqual([expect.objectContaining({ status: 'overdue', doneOn: null })]);
    expect((await admin.patch(`/api/meetings/${standing}`, { heldOn: '2025-04-11' })).body.message).toBe('会议日期不能晚于它的决定事项的完成期限或落实日期');
    expect((await admin.patch(`/api/meetings/${standing}`, { attendees: 9 })).body.message).toBe('会议已作出决定：出席人数不能改到应到人数的三分之二以下');
    const chair = await admin.post('/api/meetings', meeting({ kind: 'chair', session: null, title: '第三次主席办公会', membersTotal: 7, attendees: 3 }));
    expect(chair.body.quorumMet).toBeNull();
    expect((await decide(chair.body.id, '2025-06-30', '组织劳模疗休养')).body.items[0].status).toBe('open');
  });

  it('follows a decision until done; open ones are 待办 of the union and its parents', async () => {
    const due = (await admin.get('/api/due?module=meetings')).body.items;
    expect(due.map((d: { title: string; overdue: boolean }) => [d.title, d.overdue])).toEqual([
      ['十一届四次常委会：开展春送岗位专项行动', true],
      ['第三次主席办公会：组织劳模疗休养', false],
    ]);
    const item = (await admin.get(`/api/meetings/${standing}`)).body.items[0];
    expect((await admin.post(`/api/meetings/${standing}/decisions/${item.id}/done`, { doneOn: '2025-03-01', followUp: '已完成' })).body.message).toBe('落实日期应在会议日期和今天之间');
    const done = await admin.post(`/api/meetings/${standing}/decisions/${item.id}/done`, { doneOn: '2025-04-20', followUp: '已召开专项行动部署会' });
    expect(done.body).toMatchObject({ openDecisions: 0, items: [{ status: 'done', doneOn: '2025-04-20' }] });
    expect((await admin.post(`/api/meetings/${standing}/decisions/${item.id}/done`, { doneOn: '2025-04-21', followUp: '再次' })).body.message).toBe('这项决定事项已落实');
    expect((await admin.get('/api/due?module=meetings')).body.items).toHaveLength(1);
  });

  it('counts meetings by date and decisions due but not carried out at the period’s end', async () => {
    // Three meetings in 2025Q1; the standing committee's decision was due 2025-04-10 and done 2025-04-20.
    expect(await values('2025Q1')).toEqual([3, 0]);
    expect(await values('202504')).toEqual([0, 0]); // due on the 10th, done on the 20th: carried out by the month's end
    expect(await values('2025-04-01..2025-04-15')).toEqual([0, 1]); // the same decision, open when that range ended
    expect(await values('2025')).toEqual([3, 1]); // the chair's decision, due 2025-06-30 and never done
    expect(await values('2025-01-01..2025-06-29')).toEqual([3, 0]); // not yet due when the range ended
    expect(await values('2025', id['甲街道'])).toEqual([0, 0]);
  });
});
