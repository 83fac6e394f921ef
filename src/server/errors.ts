/** Maps every failure to the closed error vocabulary (src/shared/errors.ts). */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../shared/errors.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldOf(e: AjvError, context: string | undefined): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return [path, String(e.params.missingProperty)].filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties') return [path, String(e.params.additionalProperty)].filter(Boolean).join('.');
  return path || context || 'body';
}

function reasonOf(e: AjvError): FieldProblem['reason'] {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { zh: '必填', en: 'is required' };
    case 'type':
      return { zh: `类型应为${p.type === 'integer' ? '整数' : p.type === 'number' ? '数字' : p.type === 'string' ? '文本' : p.type === 'boolean' ? '是/否' : String(p.type)}`, en: `must be ${String(p.type)}` };
    case 'minLength':
      return { zh: `至少${String(p.limit)}个字符`, en: `must have at least ${String(p.limit)} characters` };
    case 'maxLength':
      return { zh: `不超过${String(p.limit)}个字符`, en: `must have at most ${String(p.limit)} characters` };
    case 'minimum':
      return { zh: `不能小于${String(p.limit)}`, en: `must be at least ${String(p.limit)}` };
    case 'maximum':
      return { zh: `不能大于${String(p.limit)}`, en: `must be at most ${String(p.limit)}` };
    case 'enum':
    case 'anyOf':
      return { zh: '取值不在允许范围内', en: 'is not one of the allowed values' };
    case 'format':
      return { zh: `格式不正确（${String(p.format)}）`, en: `must be a valid ${String(p.format)}` };
    case 'pattern':
      return { zh: '格式不正确', en: 'has the wrong format' };
    case 'additionalProperties':
      return { zh: '不允许的字段', en: 'is not an accepted field' };
    default:
      return { zh: '取值无效', en: e.message ?? 'is not valid' };
  }
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { validation?: AjvError[]; validationContext?: string }, req, reply) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (err.validation) {
      const seen = new Set<string>();
      const fields: FieldProblem[] = [];
      for (const v of err.validation) {
        const field = fieldOf(v, err.validationContext);
        if (seen.has(field)) continue;
        seen.add(field);
        fields.push({ field, reason: reasonOf(v) });
      }
      appErr = new AppError('validation_failed', { fields });
    } else if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') appErr = new AppError('payload_too_large');
    else if (err.statusCode === 400 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      appErr = new AppError('validation_failed', { fields: [{ field: 'body', reason: { zh: '请求体不是有效的JSON', en: 'the body is not valid JSON' } }] });
    else {
      req.log.error({ err }, 'unhandled error');
      appErr = new AppError('internal');
    }
    void reply.status(appErr.status).send(appErr.toJSON());
  });
}

/**
 * Unknown paths: JSON `not_found` under /api, and the browser app's index.html elsewhere
 * (the app routes on the client), when it has been built.
 */
export function installNotFound(app: FastifyInstance, loadIndexHtml: (() => Buffer | null) | null): void {
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const indexHtml = loadIndexHtml?.() ?? null;
    // Client routes (no file extension) get the app; a missing asset stays a 404.
    if (indexHtml && req.method === 'GET' && !path.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(path)) {
      return reply.type('text/html').send(indexHtml);
    }
    return reply.status(404).send(new AppError('not_found').toJSON());
  });
}
