/** Routes for the documents of an application: upload (multipart, field `file`), list, download. */
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError } from '../../shared/errors.ts';
import { DOCUMENT_LIMITS, listCaseDocuments, readCaseDocument, uploadCaseDocument } from './case-documents.ts';

const tooLarge = () =>
  new AppError('validation_failed', {
    fields: [
      {
        field: 'file',
        reason: {
          zh: `文件不能超过${DOCUMENT_LIMITS.maxBytes / 1024 / 1024}MB`,
          en: `the file must not exceed ${DOCUMENT_LIMITS.maxBytes / 1024 / 1024} MB`,
        },
      },
    ],
  });

/** One `file` part; a file over the limit is reported as such (not as a cut-off file). */
async function readFile(req: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  if (!req.isMultipart())
    throw new AppError('validation_failed', {
      fields: [
        { field: 'file', reason: { zh: '请以multipart/form-data上传文件', en: 'upload the file as multipart/form-data' } },
      ],
    });
  let file: { fileName: string; bytes: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type !== 'file') continue;
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw tooLarge();
    if (part.fieldname !== 'file' || file)
      throw new AppError('validation_failed', {
        fields: [
          {
            field: part.fieldname,
            reason: { zh: '一次上传一个文件（字段名file）', en: 'upload one file at a time, in the field "file"' },
          },
        ],
      });
    file = { fileName: part.filename || '', bytes };
  }
  if (!file)
    throw new AppError('validation_failed', {
      fields: [{ field: 'file', reason: { zh: '请选择要上传的文件', en: 'choose a file to upload' } }],
    });
  return file;
}

export async function caseDocumentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const tags = ['cases'];
  const db = ctx.database;
  const Params = Type.Object({ id: Type.Integer({ minimum: 1 }) });
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: DOCUMENT_LIMITS.maxBytes, files: 1, fields: 5, parts: 6, headerPairs: 200 },
      throwFileSizeLimit: false,
    });
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    r.post(
      '/api/cases/:id/documents',
      {
        schema: {
          tags,
          summary: '上传申报材料 Attach a document to the application (multipart: file)',
          params: Params,
          consumes: ['multipart/form-data'],
        },
      },
      async (req, reply) => {
        const file = await readFile(req);
        const { document, created } = await uploadCaseDocument(db, principalOf(req), req.params.id, file);
        return reply.code(created ? 201 : 200).send(document);
      },
    );
    r.get(
      '/api/cases/:id/documents',
      { schema: { tags, summary: '申报材料列表 Documents of a case', params: Params } },
      async (req) => listCaseDocuments(db, principalOf(req), req.params.id),
    );
    r.get(
      '/api/cases/:id/documents/:documentId',
      {
        schema: {
          tags,
          summary: '下载申报材料 Download a document',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }), documentId: Type.Integer({ minimum: 1 }) }),
        },
      },
      async (req, reply) => {
        const d = await readCaseDocument(db, principalOf(req), req.params.id, req.params.documentId);
        const ascii = d.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
        return reply
          .header('content-type', d.mediaType)
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('x-document-sha256', d.sha256)
          .send(d.content);
      },
    );
  });
}
