/**
 * List filters kept in the URL query string, so a filtered view can be bookmarked and shared,
 * and Back/Forward walk through earlier views.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type UrlQuery<K extends string> = Partial<Record<K, string>>;

export function useUrlQuery<K extends string>(
  keys: readonly K[],
): [UrlQuery<K>, (patch: UrlQuery<K>, options?: { keepPage?: boolean }) => void] {
  const [params, setParams] = useSearchParams();

  const query = useMemo(() => {
    const result: UrlQuery<K> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
    // keys is a constant list at every call site.
  }, [params]);

  const update = useCallback(
    (patch: UrlQuery<K>, options: { keepPage?: boolean } = {}) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        // A new filter shows its first page; paging itself passes keepPage.
        if (!options.keepPage) next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  return [query, update];
}

export function toPositiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
