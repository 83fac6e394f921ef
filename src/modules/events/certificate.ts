/**
 * Attendance certificates (结业证书 / 参会证明) as PDF, drawn with pdfkit in a CJK font. The font
 * is Debian's fonts-noto-cjk (Noto Serif CJK SC inside a .ttc collection); pdfkit embeds only the
 * glyphs used. Without the font there is no certificate — a clear error, never tofu boxes.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../shared/errors.ts';

export const CJK_FONT_CANDIDATES: readonly { file: string; postscript: string }[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', postscript: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscript: 'NotoSansCJKsc-Regular' },
];
export const CJK_BOLD_CANDIDATES: readonly { file: string; postscript: string }[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', postscript: 'NotoSerifCJKsc-Bold' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', postscript: 'NotoSansCJKsc-Bold' },
];

export interface CertificateFonts {
  regular: { file: string; postscript: string };
  bold: { file: string; postscript: string };
}

/** The installed CJK fonts, or an error that says what to install. */
export function findCjkFonts(candidates = CJK_FONT_CANDIDATES, boldCandidates = CJK_BOLD_CANDIDATES): CertificateFonts {
  const regular = candidates.find((c) => fs.existsSync(c.file));
  if (!regular)
    throw new AppError('internal', {
      detail: {
        zh: `无法生成证书：服务器缺少中文字体（${candidates.map((c) => c.file).join('，')}），请安装 fonts-noto-cjk`,
        en: `Cannot make the certificate: no CJK font on the server (${candidates.map((c) => c.file).join(', ')}); install fonts-noto-cjk`,
      },
    });
  return { regular, bold: boldCandidates.find((c) => fs.existsSync(c.file)) ?? regular };
}

export interface CertificateData {
  number: string;
  participantName: string;
  enterpriseName: string;
  eventTitle: string;
  eventKindZh: string;
  programmeTitle: string | null;
  /** "2025年5月20日" */
  dateZh: string;
  place: string;
  hostName: string;
  issuer: string;
  issuedOnZh: string;
}

export async function certificatePdf(d: CertificateData, fonts: CertificateFonts): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `${d.eventTitle} 证书 ${d.number}`, Author: d.issuer, Subject: 'Certificate of attendance' },
  });
  doc.registerFont('cjk', fonts.regular.file, fonts.regular.postscript);
  doc.registerFont('cjk-bold', fonts.bold.file, fonts.bold.postscript);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const W = doc.page.width;
  const H = doc.page.height;
  const red = '#b3261e';
  const gold = '#b8860b';
  doc
    .rect(24, 24, W - 48, H - 48)
    .lineWidth(3)
    .stroke(red);
  doc
    .rect(34, 34, W - 68, H - 68)
    .lineWidth(1)
    .stroke(gold);

  doc
    .fillColor(red)
    .font('cjk-bold')
    .fontSize(40)
    .text(d.programmeTitle ? '结 业 证 书' : '参 会 证 明', 0, 86, { width: W, align: 'center' });
  doc
    .fillColor('#555')
    .font('cjk')
    .fontSize(12)
    .text('CERTIFICATE OF ATTENDANCE', 0, 138, { width: W, align: 'center', characterSpacing: 2 });

  const body =
    `${d.participantName}（${d.enterpriseName}）于${d.dateZh}在${d.place}参加了由${d.hostName}承办的` +
    `${d.eventKindZh}“${d.eventTitle}”` +
    (d.programmeTitle ? `，系${d.programmeTitle}的组成部分，已完成全部学习内容` : '') +
    '，特发此证。';
  doc.fillColor('#222').font('cjk-bold').fontSize(26).text(d.participantName, 0, 196, { width: W, align: 'center' });
  doc
    .font('cjk')
    .fontSize(17)
    .text(body, 110, 258, { width: W - 220, align: 'left', lineGap: 10, indent: 34 });

  doc
    .font('cjk')
    .fontSize(15)
    .fillColor('#222')
    .text(d.issuer, W - 380, H - 170, { width: 300, align: 'center' });
  doc.text(d.issuedOnZh, W - 380, H - 140, { width: 300, align: 'center' });
  // A seal-like ring behind the issuer (not an official seal: the certificate is verified by its number).
  doc
    .circle(W - 230, H - 148, 52)
    .lineWidth(2)
    .strokeOpacity(0.55)
    .stroke(red)
    .strokeOpacity(1);

  doc
    .fillColor('#666')
    .fontSize(10)
    .text(`证书编号 No. ${d.number}`, 60, H - 78);
  doc.text('可在济南市优质中小企业梯度培育平台按证书编号核验 · Verify by number on the SME Ladder platform', 60, H - 62);
  doc.end();
  return done;
}
