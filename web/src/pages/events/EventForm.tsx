/**
 * New event (a draft) or an edit of one: kind, edition, times, place, seats, host, and whether
 * 专精特新 firms go first. An edit keeps the target rules the form does not show (district, size).
 */
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { EVENT_KINDS, createEvent, fetchEditions, updateEvent, type EventItem, type EventKind } from './api.ts';

interface Values {
  kind: EventKind;
  title: string;
  programmeYear?: number;
  time: [Dayjs, Dayjs];
  place: string;
  capacity: number;
  hostName: string;
  specialisedFirst: boolean;
  specialisedOnly: boolean;
  description?: string;
}
const FIELDS = ['kind', 'title', 'programmeYear', 'place', 'capacity', 'hostName', 'description'] as const;

const SPECIALISED = ['specialized_sme', 'little_giant'];
const isSpecialisedRule = (r: EventItem['targetRules'][number], effect: 'priority' | 'required') =>
  r.kind === 'title' && r.effect === effect && SPECIALISED.every((x) => r.titles?.includes(x));

export function EventForm({
  open,
  onClose,
  onCreated,
  defaultKind,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (e: EventItem) => void;
  defaultKind?: EventKind | undefined;
  /** The event to edit (its organiser's); absent for a new draft. */
  editing?: EventItem | null | undefined;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editions, setEditions] = useState<{ year: number; title: string }[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open)
      void fetchEditions()
        .then(setEditions)
        .catch(() => setEditions([]));
  }, [open]);
  useEffect(() => {
    if (open && editing)
      form.setFieldsValue({
        kind: editing.kind,
        title: editing.title,
        programmeYear: editing.programmeYear ?? undefined,
        time: [dayjs(editing.startsAt), dayjs(editing.endsAt)],
        place: editing.place,
        capacity: editing.capacity,
        hostName: editing.hostName,
        specialisedFirst: editing.targetRules.some((r) => isSpecialisedRule(r, 'priority')),
        specialisedOnly: editing.targetRules.some((r) => isSpecialisedRule(r, 'required')),
        description: editing.description,
      });
  }, [open, editing, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const titles = SPECIALISED;
      const kept = (editing?.targetRules ?? []).filter(
        (r) => !isSpecialisedRule(r, 'priority') && !isSpecialisedRule(r, 'required'),
      );
      const rules = [
        ...kept,
        ...(v.specialisedFirst ? [{ kind: 'title' as const, titles, effect: 'priority' as const, weight: 20 }] : []),
        ...(v.specialisedOnly ? [{ kind: 'title' as const, titles, effect: 'required' as const }] : []),
      ];
      const body = {
        kind: v.kind,
        title: v.title,
        description: v.description ?? '',
        programmeYear: v.programmeYear ?? null,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        place: v.place,
        capacity: v.capacity,
        hostName: v.hostName,
        targetRules: rules,
      };
      // An earlier enrolment deadline set before stays while it is still before the (new) start.
      const keepClose =
        editing && Date.parse(editing.enrolmentClosesAt) < v.time[0].valueOf()
          ? { enrolmentClosesAt: editing.enrolmentClosesAt }
          : {};
      const created = editing
        ? await updateEvent(editing.id, { ...body, ...keepClose, version: editing.version })
        : await createEvent(body);
      form.resetFields();
      onCreated(created);
    } catch (e) {
      const fe = fieldErrors(e, pick, FIELDS);
      form.setFields(fe.onForm);
      const times = fieldErrors(e, pick, ['startsAt', 'endsAt'] as const).onForm.flatMap((f) => f.errors);
      if (times.length) form.setFields([{ name: 'time', errors: times }]);
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('ev.edit') : t('ev.new')}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={editing ? t('ev.saveEdit') : t('ev.saveDraft')}
      confirmLoading={busy}
      width={680}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: defaultKind ?? 'course', capacity: 50, specialisedFirst: true, specialisedOnly: false }}
        data-testid="event-form"
      >
        <Form.Item name="kind" label={t('ev.col.kind')} rules={[{ required: true }]}>
          <Select options={EVENT_KINDS.map((k) => ({ value: k, label: t(`ev.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('ev.col.title')} rules={[{ required: true, message: t('ev.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="programmeYear" label={t('ev.programmeEdition')} extra={t('ev.programmeEditionHelp')}>
          <Select allowClear options={editions.map((e) => ({ value: e.year, label: e.title }))} />
        </Form.Item>
        <Form.Item name="time" label={t('ev.col.time')} rules={[{ required: true, message: t('ev.required') }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('ev.col.place')} rules={[{ required: true, message: t('ev.required') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="hostName" label={t('ev.hostLong')} rules={[{ required: true, message: t('ev.required') }]}>
          <Input maxLength={200} placeholder={t('ev.hostPlaceholder')} />
        </Form.Item>
        <Form.Item name="capacity" label={t('ev.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} />
        </Form.Item>
        <Form.Item name="specialisedFirst" valuePropName="checked">
          <Checkbox>{t('ev.specialisedFirst')}</Checkbox>
        </Form.Item>
        <Form.Item name="specialisedOnly" valuePropName="checked">
          <Checkbox>{t('ev.specialisedOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="description" label={t('ev.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
