/** Adding or changing one IP item (the enterprise's own); the server names each field's problem. */
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { IP_AWARDS, IP_KINDS, LEGAL_STATUSES, createIp, updateIp, type IpInput, type IpItemView } from './api.ts';

const FIELDS = [
  'kind',
  'number',
  'title',
  'appliedOn',
  'grantedOn',
  'expiresOn',
  'legalStatus',
  'maintenanceYearsPaid',
  'foreignFamilyCount',
  'citations',
  'awards',
  'origin',
  'acquiredOn',
  'relatedToMainProduct',
] as const;

interface Values {
  kind: string;
  number: string;
  title: string;
  appliedOn: dayjs.Dayjs | null;
  grantedOn: dayjs.Dayjs | null;
  expiresOn: dayjs.Dayjs | null;
  legalStatus: string;
  maintenanceYearsPaid: number | null;
  foreignFamilyCount: number | null;
  citations: number | null;
  awards: string[];
  origin: string;
  acquiredOn: dayjs.Dayjs | null;
  relatedToMainProduct: boolean;
}

const d = (s: string | null) => (s ? dayjs(s) : null);
const iso = (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null);

export function IpForm({
  enterpriseId,
  item,
  onClose,
  onSaved,
}: {
  enterpriseId: number;
  item: IpItemView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const origin = Form.useWatch('origin', form);
  const submit = async () => {
    const v = await form.validateFields();
    const body: IpInput = {
      kind: v.kind,
      number: v.number ?? '',
      title: v.title ?? '',
      appliedOn: iso(v.appliedOn) ?? '',
      grantedOn: iso(v.grantedOn),
      expiresOn: iso(v.expiresOn),
      legalStatus: v.legalStatus,
      maintenanceYearsPaid: v.maintenanceYearsPaid ?? 0,
      foreignFamilyCount: v.foreignFamilyCount ?? 0,
      citations: v.citations ?? null,
      awards: v.awards ?? [],
      origin: v.origin,
      acquiredOn: v.origin === 'acquired' ? iso(v.acquiredOn) : null,
      relatedToMainProduct: v.relatedToMainProduct,
    };
    setSaving(true);
    setError(null);
    try {
      if (item) await updateIp(item.id, item.version, body);
      else await createIp(enterpriseId, body);
      onSaved();
    } catch (e) {
      const fe = fieldErrors(e, pick, FIELDS);
      form.setFields(fe.onForm);
      setError(fe.leftOver.length ? fe.leftOver.join('；') : fe.onForm.length ? null : errorText(e, pick));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={item ? t('ip.form.editTitle') : t('ip.form.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'ip-form-save' } as never}
    >
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="ip-form"
        initialValues={
          item
            ? {
                ...item,
                appliedOn: d(item.appliedOn),
                grantedOn: d(item.grantedOn),
                expiresOn: d(item.expiresOn),
                acquiredOn: d(item.acquiredOn),
              }
            : {
                kind: 'invention_patent',
                legalStatus: 'valid',
                origin: 'self_developed',
                relatedToMainProduct: true,
                awards: [],
                maintenanceYearsPaid: 0,
                foreignFamilyCount: 0,
              }
        }
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="kind" label={t('ip.col.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select data-testid="ip-form-kind" options={IP_KINDS.map((k) => ({ value: k, label: t(`ip.kind.${k}` as never) }))} />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('ip.col.number')}
            extra={t('ip.form.numberHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input data-testid="ip-form-number" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('ip.col.title')}
            style={{ gridColumn: 'span 2' }}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input data-testid="ip-form-title" />
          </Form.Item>
          <Form.Item name="appliedOn" label={t('ip.col.appliedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="ip-form-applied" />
          </Form.Item>
          <Form.Item name="grantedOn" label={t('ip.col.grantedOn')}>
            <DatePicker style={{ width: '100%' }} data-testid="ip-form-granted" />
          </Form.Item>
          <Form.Item name="legalStatus" label={t('ip.col.status')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={LEGAL_STATUSES.map((k) => ({ value: k, label: t(`ip.status.${k}` as never) }))} />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('ip.col.expiresOn')} extra={t('ip.form.expiresHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="maintenanceYearsPaid" label={t('ip.col.maintenance')}>
            <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} data-testid="ip-form-maintenance" />
          </Form.Item>
          <Form.Item name="foreignFamilyCount" label={t('ip.col.family')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="ip-form-family" />
          </Form.Item>
          <Form.Item name="citations" label={t('ip.col.citations')} extra={t('ip.form.citationsHint')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="awards" label={t('ip.col.awards')}>
            <Select
              mode="multiple"
              allowClear
              options={IP_AWARDS.map((k) => ({ value: k, label: t(`ip.award.${k}` as never) }))}
            />
          </Form.Item>
          <Form.Item name="origin" label={t('ip.col.origin')}>
            <Select
              options={(['self_developed', 'acquired'] as const).map((k) => ({ value: k, label: t(`ip.origin.${k}` as never) }))}
            />
          </Form.Item>
          {origin === 'acquired' ? (
            <Form.Item name="acquiredOn" label={t('ip.col.acquiredOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ) : (
            <div />
          )}
          <Form.Item name="relatedToMainProduct" label={t('ip.col.related')} valuePropName="checked">
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
