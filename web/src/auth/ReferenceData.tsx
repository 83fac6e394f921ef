/**
 * Reference data (title kinds, size classes, industries, units) fetched once after sign-in and
 * shared: every list, filter and form needs it, and it changes only with a deployment.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as api from '../api/endpoints.ts';
import type { Meta, Unit } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

export interface ReferenceData {
  meta: Meta | null;
  units: Unit[];
  /** A code → label in the user's language; falls back to the code when unknown. */
  titleKind: (id: string) => string;
  level: (id: string) => string;
  sizeClass: (id: string) => string;
  carrierKind: (id: string) => string;
  industry: (code: string) => string;
  unit: (code: string) => string;
  /** The unit's name in the user's language; the server's (Chinese) name until units arrive. */
  unitName: (code: string, serverName: string) => string;
}

const Ctx = createContext<ReferenceData | null>(null);

function lookup<T extends { zh: string; en: string }>(
  list: T[] | undefined,
  key: (item: T) => string,
  pick: (text: { zh: string; en: string }) => string,
): (id: string) => string {
  const map = new Map((list ?? []).map((item) => [key(item), pick(item)]));
  return (id) => map.get(id) ?? id;
}

export function ReferenceDataProvider({ children }: { children: ReactNode }) {
  const { pick, lang } = useI18n();
  const [meta, setMeta] = useState<Meta | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);

  useEffect(() => {
    // Pages still work (showing codes) if this fails, so a failure is not fatal here.
    api.fetchMeta().then(setMeta, () => undefined);
    api.fetchUnits().then(setUnits, () => undefined);
  }, []);

  const value = useMemo<ReferenceData>(() => {
    const unitNames = new Map(units.map((u) => [u.code, lang === 'zh' ? u.nameZh : u.nameEn]));
    return {
      meta,
      units,
      titleKind: lookup(meta?.titleKinds, (i) => i.id, pick),
      level: lookup(meta?.levels, (i) => i.id, pick),
      sizeClass: lookup(meta?.sizeClasses, (i) => i.id, pick),
      carrierKind: lookup(meta?.carrierKinds, (i) => i.id, pick),
      industry: lookup(meta?.industries, (i) => i.code, pick),
      unit: (code) => unitNames.get(code) ?? code,
      unitName: (code, serverName) => unitNames.get(code) ?? (serverName || code),
    };
  }, [meta, units, pick, lang]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useReferenceData(): ReferenceData {
  const value = useContext(Ctx);
  if (!value) throw new Error('useReferenceData outside ReferenceDataProvider');
  return value;
}
