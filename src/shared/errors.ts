/**
 * The closed vocabulary of errors. Every error a caller can see has a stable machine id,
 * an HTTP status and a message in Chinese and English. Being ineligible for something is
 * never an error: it is a result with reasons (see policy/).
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldProblem {
  /** The field's path as the caller sent it, e.g. "uscc" or "yearly[2].revenue". */
  field: string;
  reason: Bilingual;
}

export const ERRORS = {
  validation_failed: { status: 400, zh: '输入有误', en: 'The input is not valid' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in' },
  bad_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  account_locked: {
    status: 423,
    zh: '登录失败次数过多，账户已暂时锁定',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  csrf_failed: {
    status: 403,
    zh: '请求缺少有效的防伪令牌，请刷新页面后重试',
    en: 'The request lacks a valid CSRF token; reload the page and try again',
  },
  forbidden: { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  not_found: { status: 404, zh: '未找到，或无权访问', en: 'Not found, or not yours to see' },
  conflict: { status: 409, zh: '与现有数据冲突', en: 'This conflicts with existing data' },
  stale_version: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'Someone else changed this meanwhile; reload and try again',
  },
  payload_too_large: { status: 413, zh: '上传内容过大', en: 'The upload is too large' },
  rate_limited: { status: 429, zh: '请求过于频繁', en: 'Too many requests' },
  internal: { status: 500, zh: '系统内部错误', en: 'Internal error' },
} as const satisfies Record<string, { status: number } & Bilingual>;

export type ErrorId = keyof typeof ERRORS;

export class AppError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly fields: FieldProblem[];
  readonly detail: Bilingual | undefined;

  constructor(id: ErrorId, opts: { fields?: FieldProblem[]; detail?: Bilingual } = {}) {
    const def = ERRORS[id];
    super(opts.detail?.en ?? def.en);
    this.name = 'AppError';
    this.id = id;
    this.status = def.status;
    this.fields = opts.fields ?? [];
    this.detail = opts.detail;
  }

  toJSON(): ErrorBody {
    const def = ERRORS[this.id];
    return {
      error: {
        id: this.id,
        message: this.detail ?? { zh: def.zh, en: def.en },
        ...(this.fields.length ? { fields: this.fields } : {}),
      },
    };
  }
}

export interface ErrorBody {
  error: { id: ErrorId; message: Bilingual; fields?: FieldProblem[] };
}

/** Shorthand for a validation error on one or more fields. */
export function invalid(...problems: FieldProblem[]): AppError {
  return new AppError('validation_failed', { fields: problems });
}

export function problem(field: string, zh: string, en: string): FieldProblem {
  return { field, reason: { zh, en } };
}

/** Collects field problems and throws them all at once, so the user sees every mistake. */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, zh: string, en: string): this {
    this.list.push(problem(field, zh, en));
    return this;
  }
  addAll(list: FieldProblem[]): this {
    this.list.push(...list);
    return this;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  throwIfAny(): void {
    if (this.list.length) throw invalid(...this.list);
  }
}
