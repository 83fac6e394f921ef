/**
 * The documents of an application (申报材料), stored in the database (case_documents, bytea):
 * the beneficiary uploads them while its case waits for it (opened, returned); whoever may read
 * the case may list and download them. A file is recognised by its content, not by its name
 * (PDF, OFD, PNG, JPEG, Word .docx, Excel .xlsx), at most 10 MB, at most 30 per case; the same
 * file twice on one case is stored once (unique case + SHA-256). Each upload is audited.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
import { AppError, type FieldProblem } from '../../shared/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { canAttachCaseDocument, canReadCase, type Principal } from '../access/principal.ts';
import { actorOf } from './service.ts';
import { factsOf, lockCase, readCase } from './store.ts';

export const DOCUMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, perCase: 30, nameChars: 200 } as const;

interface Kind {
  ext: readonly string[];
  mediaType: string;
  label: string;
  magic: (b: Buffer) => boolean;
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const KINDS: readonly Kind[] = [
  { ext: ['pdf'], mediaType: 'application/pdf', label: 'PDF', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { ext: ['ofd'], mediaType: 'application/ofd', label: 'OFD', magic: isZip },
  {
    ext: ['png'],
    mediaType: 'image/png',
    label: 'PNG',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    ext: ['jpg', 'jpeg'],
    mediaType: 'image/jpeg',
    label: 'JPEG',
    magic: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    ext: ['docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
    magic: isZip,
  },
  { ext: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', magic: isZip },
];
export const ACCEPTED_EXTENSIONS = KINDS.flatMap((k) => k.ext.map((e) => `.${e}`));

/** Pure: which kind of document this is, or why it is refused (field `file`). */
export function recogniseDocument(fileName: string, bytes: Buffer): { mediaType: string } | FieldProblem {
  const refuse = (zh: string, en: string): FieldProblem => ({ field: 'file', reason: { zh, en } });
  const name = fileName.trim();
  if (!name || name.length > DOCUMENT_LIMITS.nameChars || /[\\/]/.test(name) || [...name].some((ch) => ch.charCodeAt(0) < 0x20))
    return refuse('文件名无效（不超过200字，不含路径）', 'the file name is invalid (at most 200 characters, no path)');
  if (bytes.length === 0) return refuse('文件为空', 'the file is empty');
  if (bytes.length > DOCUMENT_LIMITS.maxBytes) return refuse('文件不能超过10MB', 'the file must not exceed 10 MB');
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const kind = KINDS.find((k) => k.ext.includes(ext));
  const accepted = ACCEPTED_EXTENSIONS.join(' ');
  if (!kind) return refuse(`只接受以下类型的文件：${accepted}`, `only these kinds of files are accepted: ${accepted}`);
  if (!kind.magic(bytes))
    return refuse(`文件内容不是${kind.label}格式，与扩展名不符`, `the content is not ${kind.label}, although the name says so`);
  return { mediaType: kind.mediaType };
}

export interface CaseDocument {
  id: number;
  caseId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedByName: string;
  uploadedAt: string;
}

const COLUMNS = `id, case_id as "caseId", file_name as "fileName", media_type as "mediaType", size_bytes as size, sha256,
                 uploaded_by_name as "uploadedByName", uploaded_at as "uploadedAt"`;
const present = (r: CaseDocument): CaseDocument => ({ ...r, id: Number(r.id), caseId: Number(r.caseId), size: Number(r.size) });

export async function uploadCaseDocument(
  database: Database,
  p: Principal,
  caseId: number,
  file: { fileName: string; bytes: Buffer },
): Promise<{ document: CaseDocument; created: boolean }> {
  const recognised = recogniseDocument(file.fileName, file.bytes);
  return database.db.transaction(async (tx) => {
    const row = await lockCase(tx, caseId);
    if (!row || !canReadCase(p, factsOf(row))) throw new AppError('not_found');
    if (!canAttachCaseDocument(p, factsOf(row))) throw new AppError('forbidden');
    if (row.state !== 'opened' && row.state !== 'returned')
      throw new AppError('conflict', {
        detail: {
          zh: `案件 ${caseId} 当前不在申报或补正环节，不能上传材料`,
          en: `Case ${caseId} is not waiting for an application or a correction; documents cannot be added now`,
        },
      });
    if ('field' in recognised) throw new AppError('validation_failed', { fields: [recognised] });
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const [same] = await rowsOf<CaseDocument>(
      tx,
      sql`select ${sql.raw(COLUMNS)} from case_documents where case_id = ${caseId} and sha256 = ${sha256}`,
    );
    if (same) return { document: present(same), created: false };
    const [count] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from case_documents where case_id = ${caseId}`);
    if ((count?.n ?? 0) >= DOCUMENT_LIMITS.perCase)
      throw new AppError('validation_failed', {
        fields: [
          {
            field: 'file',
            reason: {
              zh: `每件案件最多上传${DOCUMENT_LIMITS.perCase}个文件`,
              en: `at most ${DOCUMENT_LIMITS.perCase} files per case`,
            },
          },
        ],
      });
    const [d] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into case_documents (case_id, file_name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_by_name)
          values (${caseId}, ${file.fileName.trim()}, ${recognised.mediaType}, ${file.bytes.length}, ${sha256}, ${file.bytes}, ${p.userId || null}, ${p.displayName}) returning id`,
    );
    const id = Number(d!.id);
    await recordAudit(tx, actorOf(p), 'case.document.upload', 'case_document', id, null, {
      caseId,
      fileName: file.fileName.trim(),
      mediaType: recognised.mediaType,
      size: file.bytes.length,
      sha256,
    });
    const [doc] = await rowsOf<CaseDocument>(tx, sql`select ${sql.raw(COLUMNS)} from case_documents where id = ${id}`);
    return { document: present(doc!), created: true };
  });
}

async function readableCase(database: Database, p: Principal, caseId: number): Promise<void> {
  const row = await database.db.transaction(async (tx) => readCase(tx, caseId));
  if (!row || !canReadCase(p, factsOf(row))) throw new AppError('not_found');
}

export async function listCaseDocuments(database: Database, p: Principal, caseId: number): Promise<CaseDocument[]> {
  await readableCase(database, p, caseId);
  const rows = await database.query<CaseDocument>(`select ${COLUMNS} from case_documents where case_id = $1 order by id`, [
    caseId,
  ]);
  return rows.map(present);
}

export async function readCaseDocument(
  database: Database,
  p: Principal,
  caseId: number,
  documentId: number,
): Promise<CaseDocument & { content: Buffer }> {
  await readableCase(database, p, caseId);
  const [r] = await database.query<CaseDocument & { content: Buffer | Uint8Array }>(
    `select ${COLUMNS}, content from case_documents where id = $1 and case_id = $2`,
    [documentId, caseId],
  );
  if (!r) throw new AppError('not_found');
  return { ...present(r), content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content) };
}
