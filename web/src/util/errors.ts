/** Turning API errors into what the user sees: a message, and reasons on the form fields. */
import { ApiError } from '../api/client.ts';
import type { Bilingual } from '../api/types.ts';

export function errorText(error: unknown, pick: (text: Bilingual) => string): string {
  if (error instanceof ApiError) return pick(error.messages);
  return pick({ zh: '网络错误，请稍后重试', en: 'Network error; please try again' });
}

export interface FieldErrors<K extends string> {
  /** Ready for `form.setFields`: each `error.fields[].field` that names a field on the form. */
  onForm: { name: K; errors: string[] }[];
  /** Problems about fields the form does not show, to be put in the message instead. */
  leftOver: string[];
}

/**
 * Splits an API validation error by form field. Returning the list (rather than calling
 * setFields here) keeps antd's per-form field-name typing intact at the call site.
 */
export function fieldErrors<K extends string>(
  error: unknown,
  pick: (text: Bilingual) => string,
  formFields: readonly K[],
): FieldErrors<K> {
  const result: FieldErrors<K> = { onForm: [], leftOver: [] };
  if (!(error instanceof ApiError)) return result;
  const isFormField = (field: string): field is K => formFields.some((f) => f === field);
  for (const problem of error.fields) {
    if (isFormField(problem.field)) result.onForm.push({ name: problem.field, errors: [pick(problem.reason)] });
    else result.leftOver.push(`${problem.field}: ${pick(problem.reason)}`);
  }
  return result;
}
