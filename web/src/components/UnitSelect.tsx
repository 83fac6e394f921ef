/** District / county / functional-zone picker fed by /api/units, grouped by kind. */
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useReferenceData } from '../auth/ReferenceData.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { Unit } from '../api/types.ts';

const KIND_LABELS: Record<Unit['kind'], { zh: string; en: string }> = {
  district: { zh: '区', en: 'Districts' },
  county: { zh: '县', en: 'Counties' },
  zone: { zh: '功能区', en: 'Functional zones' },
};

interface Props {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
  allowClear?: boolean;
}

export function UnitSelect({ value, onChange, placeholder, style, testId, allowClear = true }: Props) {
  const { pick } = useI18n();
  const ref = useReferenceData();
  const kinds: Unit['kind'][] = ['district', 'county', 'zone'];
  const options = kinds
    .map((kind) => ({
      label: pick(KIND_LABELS[kind]),
      title: kind,
      options: ref.units.filter((u) => u.kind === kind).map((u) => ({ value: u.code, label: ref.unit(u.code) })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <Select
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      style={style}
      placeholder={placeholder}
      value={value}
      options={options}
      onChange={(code?: string) => onChange?.(code)}
      data-testid={testId}
    />
  );
}
