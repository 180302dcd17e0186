import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { RenderedReport, RenderedToken } from '../shared/report.schema';

/**
 * Word export in official-document style (GB/T 9704-2012 conventions): A4; margins top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; title in 小标宋 at 二号 (22 pt); body in 仿宋 at 三号 (16 pt) with a fixed 28 pt
 * line and a two-character first-line indent; first-level headings in 黑体, the lead of 「（一）…。」 in 楷体;
 * page numbers 「— N —」 in 宋体 四号 at the foot. The eastAsia font is always set, so Word and WPS do not fall
 * back to a Latin font; where the 方正/GB2312 fonts are absent they substitute their own 宋体/仿宋.
 */
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', lead: '楷体_GB2312', page: '宋体' };
const PT = (pt: number) => pt * 2; // docx sizes are half-points
const MM = (mm: number) => Math.round(mm * 56.7); // twips
const BODY = PT(16);

function run(text: string, font: string, size: number, extra: { bold?: boolean; color?: string } = {}) {
  return new TextRun({ text, size, font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: font }, language: { value: 'en-US', eastAsia: 'zh-CN' }, ...extra });
}

const plain = (tokens: RenderedToken[]) =>
  tokens.map((t) => (t.type === 'text' ? t.text : t.missing ? `〔缺：${t.name}〕` : (t.text ?? '—'))).join('');

function bodyParagraph(text: string): Paragraph {
  const lead = /^（[一二三四五六七八九十]+）[^。]*。/.exec(text);
  const runs = lead
    ? [run(lead[0], FONT.lead, BODY), run(text.slice(lead[0].length), FONT.body, BODY)]
    : [run(text, FONT.body, BODY)];
  return new Paragraph({
    children: runs,
    indent: { firstLine: 2 * 16 * 20 },
    spacing: { line: 28 * 20, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
}

export async function buildReportDocx(r: RenderedReport): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 28 * 20, line: 36 * 20, lineRule: LineRuleType.EXACT },
      children: [run(r.report.title, FONT.title, PT(22))],
    }),
  ];
  for (const s of r.sections) {
    const heading = plain(s.heading);
    if (heading) {
      children.push(
        new Paragraph({
          indent: { firstLine: 2 * 16 * 20 },
          spacing: { line: 28 * 20, lineRule: LineRuleType.EXACT },
          children: [run(heading, FONT.heading, BODY)],
        }),
      );
    }
    for (const p of s.paragraphs) children.push(bodyParagraph(plain(p)));
  }
  const doc = new Document({
    creator: 'Gonghui 工会工作平台',
    title: r.report.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: MM(210), height: MM(297) },
            margin: { top: MM(37), bottom: MM(35), left: MM(28), right: MM(26) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: PT(14), font: { ascii: 'Times New Roman', eastAsia: FONT.page } }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
