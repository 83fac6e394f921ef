/**
 * List import HTTP routes: multipart upload (file + option fields) or pasted text (JSON),
 * previews, decisions, apply, revert, history, the unmatched rows as xlsx, the original file.
 * City officers only (see service.ts). Validate → authenticate (hook) → call a service → present.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError, Problems } from '../../shared/errors.ts';
import { toXlsx } from '../../shared/xlsx.ts';
import { LEVELS, RECOGNITION_KINDS, SIZE_CLASSES, TITLE_KINDS } from '../registry/reference.ts';
import { columnNumber, MAPPED_ROLES, VERDICTS, type ColumnRole } from './domain.ts';
import { LIMITS } from './parse.ts';
import {
  applyImport,
  createImport,
  decideRow,
  getImport,
  importFile,
  inspectUpload,
  listImportsOf,
  revertImport,
  unmatchedRows,
  type ImportDeps,
  type MappingInput,
} from './service.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Enum = <T extends readonly { id: string }[]>(list: T) => Type.Union(list.map((x) => Type.Literal(x.id)));
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Column = Type.Union([Type.Integer({ minimum: 1, maximum: LIMITS.columns }), Type.String({ pattern: '^[A-Za-z]{1,2}$' })], {
  description: '1-based column number or Excel letter',
});
const Mapping = Type.Object(
  {
    headerRow: Type.Optional(
      Type.Union([Type.Null(), Type.Integer({ minimum: 1 })], { description: 'row number of the header; null: no header' }),
    ),
    columns: Type.Object(
      {
        name: Column,
        uscc: Type.Optional(Column),
        region: Type.Optional(Column),
        product: Type.Optional(Column),
        recognition: Type.Optional(Column),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
const OptionFields = {
  kind: Enum(TITLE_KINDS),
  level: Enum(LEVELS),
  batch: Type.Optional(Type.String({ maxLength: 60 })),
  recognisedOn: DateStr,
  validUntil: Type.Optional(
    Type.Union([DateStr, Type.Null()], { description: 'last valid day; default recognisedOn + 3 years − 1 day' }),
  ),
  defaultRecognition: Type.Optional(Enum(RECOGNITION_KINDS)),
};
const TextBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: LIMITS.fileBytes }),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
    mapping: Type.Optional(Mapping),
    ...OptionFields,
  },
  { additionalProperties: false },
);
const InspectTextBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: LIMITS.fileBytes }) },
  { additionalProperties: false },
);
const DecisionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('match'), Type.Literal('create'), Type.Literal('skip'), Type.Literal('clear')]),
    enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
    uscc: Type.Optional(Type.String({ maxLength: 40 })),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    unitCode: Type.Optional(Type.String({ maxLength: 20 })),
    industryCode: Type.Optional(Type.String({ maxLength: 10 })),
    establishedOn: Type.Optional(DateStr),
    sizeClass: Type.Optional(Enum(SIZE_CLASSES)),
    address: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** Turns the mapping the officer sent (letters or numbers) into column numbers. */
function toMapping(m: unknown): MappingInput | undefined {
  if (m === undefined || m === null || m === '') return undefined;
  let value: unknown = m;
  if (typeof m === 'string') {
    try {
      value = JSON.parse(m) as unknown;
    } catch {
      throw new AppError('validation_failed', {
        fields: [{ field: 'mapping', reason: { zh: '列映射不是有效的JSON', en: 'the mapping is not valid JSON' } }],
      });
    }
  }
  const p = new Problems();
  const obj = (value ?? {}) as { headerRow?: unknown; columns?: Record<string, unknown> };
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, v] of Object.entries(obj.columns ?? {})) {
    if (!MAPPED_ROLES.includes(role as ColumnRole)) p.add(`mapping.columns.${role}`, '未知的列用途', 'unknown column role');
    const n = columnNumber(v);
    if (n === undefined || n > LIMITS.columns)
      p.add(`mapping.columns.${role}`, '应为列号（1起）或列字母（如C）', 'must be a column number (from 1) or letter (e.g. C)');
    else columns[role as ColumnRole] = n;
  }
  let headerRow: number | null | undefined;
  if (obj.headerRow === null || obj.headerRow === 0) headerRow = null;
  else if (obj.headerRow !== undefined) {
    const n = Number(obj.headerRow);
    if (!Number.isInteger(n) || n < 1)
      p.add('mapping.headerRow', '应为行号（1起）或null', 'must be a row number (from 1) or null');
    else headerRow = n;
  }
  p.throwIfAny();
  return { headerRow, columns };
}

interface MultipartUpload {
  fileName: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

/** Reads a multipart request: one `file` part and text fields (any order). */
async function readMultipart(req: FastifyRequest): Promise<MultipartUpload> {
  if (!req.isMultipart())
    throw new AppError('validation_failed', {
      fields: [
        { field: 'file', reason: { zh: '请以multipart/form-data上传文件', en: 'upload the file as multipart/form-data' } },
      ],
    });
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer();
        throw new AppError('validation_failed', {
          fields: [
            {
              field: part.fieldname,
              reason: { zh: '只能上传一个文件（字段名file）', en: 'upload one file, in the field "file"' },
            },
          ],
        });
      }
      file = { fileName: part.filename || 'upload', bytes: await part.toBuffer() };
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  if (!file)
    throw new AppError('validation_failed', {
      fields: [{ field: 'file', reason: { zh: '请选择要上传的文件', en: 'choose a file to upload' } }],
    });
  return { ...file, fields };
}

function sendXlsx(reply: FastifyReply, name: string, buf: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`)
    .send(buf);
}

const VERDICT_ZH: Record<string, string> = {
  matched: '已匹配',
  ambiguous: '待确认',
  not_found: '库中未找到',
  other_city: '非济南企业',
  duplicate: '重复',
  invalid: '无效',
};
const OUTCOME_ZH: Record<string, string> = {
  created: '已登记称号',
  already_recorded: '称号已存在',
  skipped: '未处理',
  duplicate: '重复',
};

export async function importRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const deps: ImportDeps = { database: ctx.database, cipher: ctx.cipher };
  const tags = ['imports'];
  // Multipart lives in this plugin only, with the upload limits.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: LIMITS.fileBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25, headerPairs: 200 },
      throwFileSizeLimit: true,
    });
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();

    r.post(
      '/api/imports/inspect',
      {
        schema: {
          tags,
          summary: '预读名单文件 Inspect a list file (multipart: file, sheet?)',
          consumes: ['multipart/form-data'],
        },
      },
      async (req) => {
        const up = await readMultipart(req);
        return inspectUpload(principalOf(req), { fileName: up.fileName, bytes: up.bytes, sheet: up.fields.sheet });
      },
    );

    r.post(
      '/api/imports/inspect/text',
      {
        bodyLimit: LIMITS.fileBytes * 4 + 1024,
        schema: { tags, summary: '预读粘贴的名单 Inspect pasted text', body: InspectTextBody },
      },
      async (req) =>
        inspectUpload(principalOf(req), { fileName: 'pasted.txt', bytes: Buffer.from(req.body.text, 'utf8'), pasted: true }),
    );

    r.post(
      '/api/imports',
      {
        schema: {
          tags,
          summary:
            '上传名单并预览 Upload a list and preview (multipart: file, kind, level, batch, recognisedOn, validUntil?, defaultRecognition?, mapping? JSON, sheet?)',
          consumes: ['multipart/form-data'],
        },
      },
      async (req, reply) => {
        const up = await readMultipart(req);
        const f = up.fields;
        const result = await createImport(
          deps,
          principalOf(req),
          { fileName: up.fileName, bytes: up.bytes, sheet: f.sheet },
          {
            kind: f.kind,
            level: f.level,
            batch: f.batch,
            recognisedOn: f.recognisedOn,
            validUntil: f.validUntil,
            defaultRecognition: f.defaultRecognition || undefined,
          },
          toMapping(f.mapping),
        );
        return reply.status(result.reused ? 200 : 201).send(result);
      },
    );

    r.post(
      '/api/imports/text',
      {
        bodyLimit: LIMITS.fileBytes * 4 + 4096,
        schema: { tags, summary: '粘贴名单并预览 Paste a list and preview', body: TextBody },
      },
      async (req, reply) => {
        const b = req.body;
        const result = await createImport(
          deps,
          principalOf(req),
          { fileName: b.fileName ?? 'pasted.txt', bytes: Buffer.from(b.text, 'utf8'), pasted: true },
          b,
          toMapping(b.mapping),
        );
        return reply.status(result.reused ? 200 : 201).send(result);
      },
    );

    r.get(
      '/api/imports',
      {
        schema: {
          tags,
          summary: '导入记录 Import history',
          querystring: Type.Object({
            status: Type.Optional(Type.Union([Type.Literal('preview'), Type.Literal('applied'), Type.Literal('reverted')])),
            page: Type.Optional(Type.Integer({ minimum: 1 })),
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          }),
        },
      },
      async (req) => ({
        ...(await listImportsOf(deps, principalOf(req), req.query)),
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      }),
    );

    r.get(
      '/api/imports/:id',
      {
        schema: {
          tags,
          summary: '导入详情与逐行结论 Import and its rows',
          params: Id,
          querystring: Type.Object({
            verdict: Type.Optional(Type.Union(VERDICTS.map((v) => Type.Literal(v)))),
            page: Type.Optional(Type.Integer({ minimum: 1 })),
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          }),
        },
      },
      async (req) => ({
        ...(await getImport(deps, principalOf(req), req.params.id, req.query)),
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 100,
      }),
    );

    r.post(
      '/api/imports/:id/rows/:rowNo/decision',
      {
        schema: {
          tags,
          summary: '逐行确认 Decide a row (match | create | skip | clear)',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }), rowNo: Type.Integer({ minimum: 1 }) }),
          body: DecisionBody,
        },
      },
      async (req) => decideRow(deps, principalOf(req), req.params.id, req.params.rowNo, req.body),
    );

    r.post(
      '/api/imports/:id/apply',
      {
        schema: {
          tags,
          summary: '应用导入 Apply (one transaction)',
          params: Id,
          body: Type.Optional(Type.Object({ skipUndecided: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
        },
      },
      async (req) => ({ import: await applyImport(deps, principalOf(req), req.params.id, req.body ?? {}) }),
    );

    r.post(
      '/api/imports/:id/revert',
      {
        schema: {
          tags,
          summary: '撤销导入 Revert (while nothing is paid)',
          params: Id,
          body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        },
      },
      async (req) => ({ import: await revertImport(deps, principalOf(req), req.params.id, req.body.reason) }),
    );

    r.get(
      '/api/imports/:id/unmatched.xlsx',
      { schema: { tags, summary: '导出未匹配行 Export the rows that did not match', params: Id } },
      async (req, reply) => {
        const { import: imp, rows } = await unmatchedRows(deps, principalOf(req), req.params.id);
        const buf = await toXlsx(
          '未匹配 Unmatched',
          [
            { header: '行号 Row', width: 8, value: (x) => x.rowNo },
            { header: '企业名称 Name', width: 36, value: (x) => x.name },
            { header: '统一社会信用代码 USCC', width: 22, value: (x) => x.uscc },
            { header: '所在地区 Region', width: 12, value: (x) => x.region },
            { header: '部分 Section', width: 16, value: (x) => x.section },
            { header: '类别 Recognition', width: 10, value: (x) => (x.recognition === 'renewal' ? '复核' : '新认定') },
            { header: '结论 Verdict', width: 12, value: (x) => VERDICT_ZH[x.verdict] ?? x.verdict },
            { header: '说明 Notes', width: 40, value: (x) => x.notes.map((n) => n.zh).join('；') },
            {
              header: '候选企业 Candidates',
              width: 50,
              value: (x) => x.candidates.map((c) => `${c.name}（${c.uscc}，${Math.round(c.score * 100)}%）`).join('；'),
            },
            {
              header: '处理 Outcome',
              width: 12,
              value: (x) => (x.outcome ? (OUTCOME_ZH[x.outcome] ?? x.outcome) : x.decision?.action === 'skip' ? '跳过' : ''),
            },
          ],
          rows,
        );
        return sendXlsx(reply, `import-${imp.id}-unmatched`, buf);
      },
    );

    r.get(
      '/api/imports/:id/file',
      { schema: { tags, summary: '下载原始文件 The original upload', params: Id } },
      async (req, reply) => {
        const f = await importFile(deps, principalOf(req), req.params.id);
        const type =
          f.sourceType === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : f.sourceType === 'csv'
              ? 'text/csv'
              : 'text/plain; charset=utf-8';
        const safe = f.fileName.replace(/["\\\r\n]/g, '_');
        return reply
          .header('content-type', type)
          .header(
            'content-disposition',
            `attachment; filename="import-${req.params.id}"; filename*=UTF-8''${encodeURIComponent(safe)}`,
          )
          .send(f.bytes);
      },
    );
  });
}
