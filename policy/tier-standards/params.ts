/** Small constructors for dated, cited parameters of the tier standards. */
import type { Parameter, Reference } from '../core/parameter.ts';

export function numParam(
  id: string,
  zh: string,
  unit: Parameter<number>['unit'],
  value: number,
  from: string,
  reference: Reference,
  interpretation?: string,
): Parameter<number> {
  const p: Parameter<number> = { id, descriptionZh: zh, descriptionEn: zh, unit, values: [{ from, value, reference }] };
  if (interpretation) p.interpretation = interpretation;
  return p;
}

export function listParam(
  id: string,
  zh: string,
  value: readonly string[],
  from: string,
  reference: Reference,
  interpretation?: string,
): Parameter<readonly string[]> {
  const p: Parameter<readonly string[]> = {
    id,
    descriptionZh: zh,
    descriptionEn: zh,
    unit: 'list',
    values: [{ from, value, reference }],
  };
  if (interpretation) p.interpretation = interpretation;
  return p;
}

/** Resolves every parameter of a record through the compile context. */
export function resolveAll<T extends Record<string, Parameter<unknown>>>(p: T, param: <V>(def: Parameter<V>) => Parameter<V>): T {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, param(v)])) as T;
}
