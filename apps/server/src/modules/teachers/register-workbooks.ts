import { EDUCATION_LABELS, TITLE_LABELS } from '@zhijiao/contracts';
import ExcelJS from 'exceljs';
import { COLUMNS } from './teachers-file.ts';

/** The blank register template (.xlsx): the header row (text-formatted ID and phone columns) and a help sheet. */
export async function buildRegisterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教师名册');
  ws.addRow(COLUMNS.map(([h]) => h));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = [2, 10, 13, 14].includes(i) ? 20 : 14;
    if (i === 2 || i === 4 || i === 0) c.numFmt = '@';
  });
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    '每行一名教师；同一学校内以身份证号识别教师，再次导入同一教师即更新其信息；同一文件导入两次只生效一次。',
    '必填：学校代码（系统中的单位代码）、姓名、身份证号（按文本填写）、学历、职称、教师类别、入职日期。',
    `学历：${Object.values(EDUCATION_LABELS)
      .map((l) => l.zh)
      .join('、')}（也可填 大专、中专、硕士 等）。`,
    `职称：${Object.values(TITLE_LABELS)
      .map((l) => l.zh)
      .join('、')}（也可填 初级、中级、副高级、正高级）。`,
    '教师类别：专任教师 或 企业兼职教师；实习指导教师：是 或 否。性别可不填，填写时须与身份证号一致。',
    '任教专业：专业代码，可附名称，多个用分号分隔，如“660301 焊接技术应用；660302 机电设备安装与维修”。留空则保留原有专业。',
    '日期格式 YYYY-MM-DD。离职日期为离职当日（当日起不再在职）。专业课任教起始日期留空表示不任教专业课；截止日期留空表示仍在任教。',
    '手机号留空则保留原有手机号。企业工作经历、证书与企业实践时长请在教师详情页中填写。',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
