/** City officers' actions on titles: record a recognition, revoke one in force. */
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import * as api from '../../api/endpoints.ts';
import type { RecognitionKind, Title, TitleKind, TitleLevel } from '../../api/types.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';

interface AddValues {
  kind: TitleKind;
  level: TitleLevel;
  batch: string;
  recognisedOn: Dayjs;
  validUntil?: Dayjs | null;
  recognition: RecognitionKind;
}

const ADD_FIELDS = ['kind', 'level', 'batch', 'recognisedOn', 'validUntil', 'recognition'] as const satisfies readonly (keyof AddValues)[];

interface AddProps {
  enterpriseId: number;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function AddTitleModal({ enterpriseId, open, onClose, onDone }: AddProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const ref = useReferenceData();
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, message: t('common.required') }];

  async function save(v: AddValues) {
    setBusy(true);
    try {
      await api.addTitle(enterpriseId, {
        kind: v.kind,
        level: v.level,
        batch: v.batch?.trim() ?? '',
        recognisedOn: v.recognisedOn.format('YYYY-MM-DD'),
        ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
        recognition: v.recognition,
      });
      void message.success(t('ent.titleAdded'));
      form.resetFields();
      onDone();
    } catch (e) {
      const { onForm, leftOver } = fieldErrors(e, pick, ADD_FIELDS);
      form.setFields(onForm);
      void message.error([errorText(e, pick), ...leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('ent.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="add-title-modal"
    >
      <Form<AddValues> form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ recognition: 'first' }}>
        <Form.Item name="kind" label={t('title.kind')} rules={required}>
          <Select options={(ref.meta?.titleKinds ?? []).map((k) => ({ value: k.id, label: ref.titleKind(k.id) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('title.level')} rules={required}>
          <Select options={(ref.meta?.levels ?? []).map((l) => ({ value: l.id, label: ref.level(l.id) }))} />
        </Form.Item>
        <Form.Item name="recognition" label={t('title.recognition')} rules={required}>
          <Select
            options={[
              { value: 'first', label: t('ent.event.first') },
              { value: 'renewal', label: t('ent.event.renewal') },
            ]}
          />
        </Form.Item>
        <Form.Item name="batch" label={t('title.batch')}>
          <Input />
        </Form.Item>
        <Form.Item name="recognisedOn" label={t('title.recognisedOn')} rules={required}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('title.validUntil')}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RevokeValues {
  revokedOn: Dayjs;
  reason: string;
}

interface RevokeProps {
  title: Title | null;
  onClose: () => void;
  onDone: () => void;
}

export function RevokeTitleModal({ title, onClose, onDone }: RevokeProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const ref = useReferenceData();
  const [form] = Form.useForm<RevokeValues>();
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, message: t('common.required') }];

  async function save(v: RevokeValues) {
    if (!title) return;
    setBusy(true);
    try {
      await api.revokeTitle(title.id, v.revokedOn.format('YYYY-MM-DD'), v.reason.trim());
      void message.success(t('ent.titleRevoked'));
      form.resetFields();
      onDone();
    } catch (e) {
      // The server names the field `revokedOn` / `reason`, like the request body.
      const { onForm, leftOver } = fieldErrors<keyof RevokeValues>(e, pick, ['revokedOn', 'reason']);
      form.setFields(onForm);
      void message.error([errorText(e, pick), ...leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={title !== null}
      title={title ? `${t('ent.revokeTitle')}：${ref.titleKind(title.kind)}（${title.recognisedOn}）` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="revoke-title-modal"
    >
      <Form<RevokeValues> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="revokedOn" label={t('title.revokedOn')} rules={required}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="reason" label={t('title.revokeReason')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
