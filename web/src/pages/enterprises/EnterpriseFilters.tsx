/** The filter bar of the enterprise list; every change is written to the URL by the caller. */
import { Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { UrlQuery } from '../../util/useUrlQuery.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';

export const ENTERPRISE_FILTER_KEYS = ['q', 'unitCode', 'industry', 'sizeClass', 'titleKind', 'level', 'on'] as const;
export type EnterpriseFilterKey = (typeof ENTERPRISE_FILTER_KEYS)[number];

interface Props {
  value: UrlQuery<EnterpriseFilterKey>;
  onChange: (patch: UrlQuery<EnterpriseFilterKey>) => void;
  /** A district officer's list is already narrowed to their unit by the server. */
  showUnit: boolean;
}

export function EnterpriseFilters({ value, onChange, showUnit }: Props) {
  const { t } = useI18n();
  const ref = useReferenceData();
  const [text, setText] = useState(value.q ?? '');
  // Keep the box in step when the URL changes from outside (Back button, reset).
  useEffect(() => setText(value.q ?? ''), [value.q]);

  const industries = (ref.meta?.industries ?? []).map((i) => ({
    value: i.code,
    label: `${i.code} ${ref.industry(i.code)}`,
  }));

  return (
    <Space wrap className="filters" data-testid="enterprise-filters">
      <Input.Search
        allowClear
        style={{ width: 300 }}
        placeholder={t('ent.search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        enterButton={t('common.search')}
        data-testid="enterprise-search"
      />
      {showUnit && (
        <UnitSelect
          style={{ width: 180 }}
          value={value.unitCode}
          placeholder={t('ent.unit')}
          onChange={(unitCode) => onChange({ unitCode })}
          testId="filter-unit"
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 240 }}
        placeholder={t('ent.industry')}
        value={value.industry}
        options={industries}
        onChange={(industry?: string) => onChange({ industry })}
        data-testid="filter-industry"
      />
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={t('ent.sizeClass')}
        value={value.sizeClass}
        options={[
          ...(ref.meta?.sizeClasses ?? []).map((s) => ({ value: s.id, label: ref.sizeClass(s.id) })),
          { value: 'sme', label: t('dash.filter.sme') },
        ]}
        onChange={(sizeClass?: string) => onChange({ sizeClass })}
        data-testid="filter-size"
      />
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t('ent.titleKind')}
        value={value.titleKind}
        options={[
          ...(ref.meta?.titleKinds ?? []).map((k) => ({ value: k.id, label: ref.titleKind(k.id) })),
          { value: 'quality', label: t('dash.filter.quality') },
        ]}
        onChange={(titleKind?: string) => onChange({ titleKind, ...(titleKind ? {} : { level: undefined }) })}
        data-testid="filter-title"
      />
      <Button
        onClick={() =>
          onChange({ q: undefined, unitCode: undefined, industry: undefined, sizeClass: undefined, titleKind: undefined, level: undefined, on: undefined })
        }
      >
        {t('common.reset')}
      </Button>
    </Space>
  );
}
