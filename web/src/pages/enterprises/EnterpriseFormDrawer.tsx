/**
 * Create or edit an enterprise. Field problems from the API land on the fields; an edit sends
 * only what changed plus `version`, so a masked contact shown in the form is never written back.
 */
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import * as api from '../../api/endpoints.ts';
import type { Enterprise, EnterpriseInput, EnterprisePatch, SizeClass } from '../../api/types.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';

interface FormValues {
  uscc: string;
  name: string;
  unitCode: string;
  industryCode: string;
  establishedOn: Dayjs;
  sizeClass: SizeClass;
  address: string;
  strategicEmerging: boolean;
  contactName: string;
  contactPhone: string;
}

const FORM_FIELDS = [
  'uscc',
  'name',
  'unitCode',
  'industryCode',
  'establishedOn',
  'sizeClass',
  'address',
  'strategicEmerging',
  'contactName',
  'contactPhone',
] as const satisfies readonly (keyof FormValues)[];

export type FormMode =
  | { kind: 'create'; defaultUnit: string | null }
  | { kind: 'edit'; enterprise: Enterprise };

interface Props {
  open: boolean;
  mode: FormMode;
  onClose: () => void;
  onSaved: (id: number) => void;
  /** Someone else saved first: the page reloads the record. */
  onStale?: () => void;
}

function initialValues(mode: FormMode): Partial<FormValues> {
  if (mode.kind === 'create') {
    return { strategicEmerging: false, ...(mode.defaultUnit ? { unitCode: mode.defaultUnit } : {}) };
  }
  const e = mode.enterprise;
  return {
    uscc: e.uscc,
    name: e.name,
    unitCode: e.unitCode,
    industryCode: e.industryCode,
    establishedOn: dayjs(e.establishedOn),
    sizeClass: e.sizeClass,
    address: e.address,
    strategicEmerging: e.strategicEmerging,
    contactName: e.contactName ?? '',
    contactPhone: e.contactPhone ?? '',
  };
}

function toInput(v: FormValues): EnterpriseInput {
  return {
    uscc: v.uscc.trim().toUpperCase(),
    name: v.name.trim(),
    unitCode: v.unitCode,
    industryCode: v.industryCode,
    establishedOn: v.establishedOn.format('YYYY-MM-DD'),
    sizeClass: v.sizeClass,
    address: v.address?.trim() ?? '',
    strategicEmerging: Boolean(v.strategicEmerging),
    ...(v.contactName ? { contactName: v.contactName.trim() } : {}),
    ...(v.contactPhone ? { contactPhone: v.contactPhone.trim() } : {}),
  };
}

function changedFields(input: EnterpriseInput, before: Enterprise): EnterprisePatch {
  const patch: EnterprisePatch = { version: before.version };
  if (input.name !== before.name) patch.name = input.name;
  if (input.unitCode !== before.unitCode) patch.unitCode = input.unitCode;
  if (input.industryCode !== before.industryCode) patch.industryCode = input.industryCode;
  if (input.establishedOn !== before.establishedOn) patch.establishedOn = input.establishedOn;
  if (input.sizeClass !== before.sizeClass) patch.sizeClass = input.sizeClass;
  if (input.address !== before.address) patch.address = input.address ?? '';
  if (input.strategicEmerging !== before.strategicEmerging) patch.strategicEmerging = input.strategicEmerging ?? false;
  if ((input.contactName ?? '') !== (before.contactName ?? '')) patch.contactName = input.contactName ?? '';
  if ((input.contactPhone ?? '') !== (before.contactPhone ?? '')) patch.contactPhone = input.contactPhone ?? '';
  return patch;
}

export function EnterpriseFormDrawer({ open, mode, onClose, onSaved, onStale }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const ref = useReferenceData();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initialValues(mode));
    }
    // Reset only when the drawer opens; `mode` changes identity on every parent render.
  }, [open]);

  async function save(values: FormValues) {
    setBusy(true);
    try {
      const input = toInput(values);
      if (mode.kind === 'create') {
        const { id } = await api.createEnterprise(input);
        onSaved(id);
      } else {
        await api.updateEnterprise(mode.enterprise.id, changedFields(input, mode.enterprise));
        onSaved(mode.enterprise.id);
      }
    } catch (e) {
      const { onForm, leftOver } = fieldErrors(e, pick, FORM_FIELDS);
      form.setFields(onForm);
      void message.error([errorText(e, pick), ...leftOver].join('；'));
      if (e instanceof ApiError && e.id === 'stale_version') onStale?.();
    } finally {
      setBusy(false);
    }
  }

  const required = [{ required: true, message: t('common.required') }];

  return (
    <Drawer
      open={open}
      size={560}
      title={mode.kind === 'create' ? t('ent.new') : t('ent.edit')}
      onClose={onClose}
      destroyOnHidden
      data-testid="enterprise-form"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="enterprise-form-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="uscc" label={t('ent.uscc')} rules={required}>
          <Input maxLength={18} disabled={mode.kind === 'edit'} className="num" data-testid="field-uscc" />
        </Form.Item>
        <Form.Item name="name" label={t('ent.name')} rules={required}>
          <Input data-testid="field-name" />
        </Form.Item>
        <Form.Item name="unitCode" label={t('ent.unit')} rules={required}>
          <UnitSelect allowClear={false} testId="field-unit" />
        </Form.Item>
        <Form.Item name="industryCode" label={t('ent.industry')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(ref.meta?.industries ?? []).map((i) => ({ value: i.code, label: `${i.code} ${ref.industry(i.code)}` }))}
            data-testid="field-industry"
          />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="establishedOn" label={t('ent.establishedOn')} rules={required}>
            <DatePicker format="YYYY-MM-DD" data-testid="field-established" />
          </Form.Item>
          <Form.Item name="sizeClass" label={t('ent.sizeClass')} rules={required}>
            <Select
              style={{ width: 140 }}
              options={(ref.meta?.sizeClasses ?? []).map((s) => ({ value: s.id, label: ref.sizeClass(s.id) }))}
              data-testid="field-size"
            />
          </Form.Item>
          <Form.Item name="strategicEmerging" label={t('ent.strategicEmerging')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="address" label={t('ent.address')}>
          <Input />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="contactName" label={t('ent.contactName')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('ent.contactPhone')}>
            <Input className="num" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
