/**
 * 届次与阶段: the organiser edits the edition (name, groups, tracks) and its stages with their dates
 * and settings; an organiser without an edition creates the first one here. Every edit carries the
 * row version it read, so a change made meanwhile by someone else is refused, not overwritten.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';
import { errorText } from '../../util/errors.ts';
import {
  GROUPS,
  SCORED,
  STAGE_KINDS,
  addStage,
  createEdition,
  updateEdition,
  updateStage,
  type Edition,
  type Stage,
  type StageKind,
} from './api.ts';
import { groupKey, stageKey } from './shared.tsx';

/** The error's message followed by every field's reason, for a message line. */
export function problemText(e: unknown, pick: (b: Bilingual) => string): string {
  const head = errorText(e, pick);
  if (!(e instanceof ApiError) || !e.fields.length) return head;
  return `${head}：${e.fields.map((f) => pick(f.reason)).join('；')}`;
}

const nullable = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function CreateEdition({ onCreated }: { onCreated: (id: number) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const year = new Date().getFullYear();
  const submit = async (v: Record<string, unknown>) => {
    try {
      const ed = await createEdition({
        year: v.year,
        name: v.name,
        groups: v.groups,
        tracks: [{ code: v.trackCode, nameZh: v.trackName, nameEn: '' }],
        stages: [{ kind: 'registration', opensOn: v.opensOn, closesOn: v.closesOn }],
      });
      message.success(t('comp.setup.created'));
      onCreated(ed.id);
    } catch (e) {
      message.error(problemText(e, pick));
    }
  };
  return (
    <Card title={t('comp.setup.create')} data-testid="create-edition" style={{ maxWidth: 560 }}>
      <Alert type="info" showIcon message={t('comp.setup.noEdition')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, name: t('comp.setup.defaultName', { year }), groups: GROUPS }}
        onFinish={(v: Record<string, unknown>) => void submit(v)}
      >
        <Form.Item name="year" label={t('comp.setup.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} data-testid="new-year" />
        </Form.Item>
        <Form.Item name="name" label={t('comp.setup.name')} rules={[{ required: true }]}>
          <Input data-testid="new-name" />
        </Form.Item>
        <Form.Item name="groups" label={t('comp.setup.groups')} rules={[{ required: true }]}>
          <Checkbox.Group options={GROUPS.map((g) => ({ value: g, label: t(groupKey(g)) }))} />
        </Form.Item>
        <Space>
          <Form.Item name="trackCode" label={t('comp.setup.trackCode')} rules={[{ required: true }]}>
            <Input data-testid="new-track-code" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="trackName" label={t('comp.setup.trackName')} rules={[{ required: true }]}>
            <Input data-testid="new-track-name" />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="opensOn" label={t('comp.setup.registrationOpens')} rules={[{ required: true }]}>
            <Input type="date" data-testid="new-opens" />
          </Form.Item>
          <Form.Item name="closesOn" label={t('comp.setup.registrationCloses')} rules={[{ required: true }]}>
            <Input type="date" data-testid="new-closes" />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" data-testid="new-submit">
          {t('comp.setup.createButton')}
        </Button>
      </Form>
    </Card>
  );
}

function EditionForm({ edition, onChanged }: { edition: Edition; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const save = async (v: {
    name: string;
    groups: string[];
    tracks: { id?: number; code: string; nameZh: string; nameEn?: string }[];
  }) => {
    setSaving(true);
    try {
      await updateEdition(edition.id, {
        version: edition.version,
        name: v.name,
        groups: v.groups,
        tracks: v.tracks.map((x) => ({ ...(x.id ? { id: x.id } : {}), code: x.code, nameZh: x.nameZh, nameEn: x.nameEn ?? '' })),
      });
      message.success(t('comp.setup.saved'));
      onChanged();
    } catch (e) {
      message.error(problemText(e, pick));
    } finally {
      setSaving(false);
    }
  };
  const entriesOf = (id: number | undefined) => edition.tracks.find((x) => x.id === id)?.entries ?? 0;
  return (
    <Card title={t('comp.setup.edition')} size="small" data-testid="edition-form">
      <Form
        key={`${edition.id}-${edition.version}`}
        form={form}
        layout="vertical"
        initialValues={{ name: edition.name, groups: edition.groups, tracks: edition.tracks }}
        onFinish={(v) => void save(v as never)}
      >
        <Form.Item name="name" label={t('comp.setup.name')} rules={[{ required: true }]}>
          <Input data-testid="edition-name" />
        </Form.Item>
        <Form.Item name="groups" label={t('comp.setup.groups')} rules={[{ required: true }]}>
          <Checkbox.Group
            options={GROUPS.map((g) => ({
              value: g,
              label: `${t(groupKey(g))}（${t('comp.setup.entries', { n: edition.entriesByGroup[g] })}）`,
            }))}
          />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('comp.setup.tracks')}
        </Typography.Text>
        <Form.List name="tracks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const id = form.getFieldValue(['tracks', f.name, 'id']) as number | undefined;
                const n = entriesOf(id);
                return (
                  <Space key={f.key} align="baseline" wrap data-testid="track-row">
                    <Form.Item name={[f.name, 'code']} rules={[{ required: true }]}>
                      <Input placeholder={t('comp.setup.trackCode')} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'nameZh']} rules={[{ required: true }]}>
                      <Input placeholder={t('comp.setup.trackName')} data-testid="track-name" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'nameEn']}>
                      <Input placeholder={t('comp.setup.trackNameEn')} />
                    </Form.Item>
                    <Tooltip title={n ? t('comp.setup.trackHasEntries', { n }) : ''}>
                      <Button danger disabled={n > 0} onClick={() => remove(f.name)}>
                        {t('comp.setup.remove')}
                      </Button>
                    </Tooltip>
                  </Space>
                );
              })}
              <div>
                <Button type="dashed" onClick={() => add({ code: '', nameZh: '', nameEn: '' })} data-testid="add-track">
                  {t('comp.setup.addTrack')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="edition-save">
            {t('common.save')}
          </Button>
          <Typography.Text type="secondary">{t('comp.setup.version', { v: edition.version })}</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}

function StageModal({
  edition,
  stage,
  onClose,
  onSaved,
}: {
  edition: Edition;
  stage: Stage | null;
  onClose: () => void;
  onSaved: (msg: string) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const missing = STAGE_KINDS.filter((k) => !edition.stages.some((s) => s.kind === k));
  const kind: StageKind | undefined = Form.useWatch('kind', form) ?? stage?.kind;
  const scored = kind ? SCORED.includes(kind) : false;
  const submit = async (v: Record<string, unknown>) => {
    setError(null);
    const settings = {
      opensOn: v.opensOn,
      closesOn: v.closesOn,
      ...(scored ? { judgesPerEntry: v.judgesPerEntry ?? undefined } : {}),
      advanceCount: nullable(v.advanceCount),
      advanceSharePercent: nullable(v.advanceSharePercent),
    };
    try {
      if (stage) {
        const rubric = ((v.rubric as Stage['rubric'] | undefined) ?? stage.rubric).map((c) => ({
          key: c.key,
          zh: c.zh,
          en: c.en ?? '',
          weight: c.weight,
        }));
        // The rubric is sent only when it changed: once scoring started it is frozen, other settings are not.
        const changed = JSON.stringify(rubric) !== JSON.stringify(stage.rubric);
        const r = await updateStage(stage.id, {
          version: stage.version,
          ...settings,
          ...(scored && changed ? { rubric } : {}),
          ...(scored && typeof v.minJudges === 'number' ? { minJudges: v.minJudges } : {}),
        });
        onSaved(r.rankingCleared ? t('comp.setup.rankingCleared') : t('comp.setup.saved'));
      } else {
        await addStage(edition.id, { kind: v.kind, ...settings });
        onSaved(t('comp.setup.stageAdded'));
      }
    } catch (e) {
      setError(problemText(e, pick));
    }
  };
  return (
    <Modal
      open
      title={stage ? t('comp.setup.editStage', { stage: t(stageKey(stage.kind)) }) : t('comp.setup.addStage')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'stage-ok' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          stage ? { ...stage } : { kind: missing[0], judgesPerEntry: undefined, advanceCount: null, advanceSharePercent: null }
        }
        onFinish={(v: Record<string, unknown>) => void submit(v)}
      >
        {!stage && (
          <Form.Item name="kind" label={t('comp.setup.stageKind')} rules={[{ required: true }]}>
            <Select data-testid="stage-kind" options={missing.map((k) => ({ value: k, label: t(stageKey(k)) }))} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="opensOn" label={t('comp.setup.opensOn')} rules={[{ required: true }]}>
            <Input type="date" data-testid="stage-opens" />
          </Form.Item>
          <Form.Item name="closesOn" label={t('comp.setup.closesOn')} rules={[{ required: true }]}>
            <Input type="date" data-testid="stage-closes" />
          </Form.Item>
        </Space>
        {scored && (
          <Space wrap>
            <Form.Item name="judgesPerEntry" label={t('comp.setup.judgesPerEntry')}>
              <InputNumber min={1} max={30} precision={0} data-testid="stage-judges" />
            </Form.Item>
            {stage && (
              <Form.Item name="minJudges" label={t('comp.setup.minJudges')}>
                <InputNumber min={1} max={30} precision={0} />
              </Form.Item>
            )}
            <Form.Item name="advanceCount" label={t('comp.setup.advanceCount')}>
              <InputNumber min={0} precision={0} data-testid="stage-advance" />
            </Form.Item>
            <Form.Item name="advanceSharePercent" label={t('comp.setup.advanceShare')}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
          </Space>
        )}
        {stage && scored && (
          <>
            <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
              {t('comp.setup.rubric')}
            </Typography.Text>
            <Form.List name="rubric">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap data-testid="criterion-row">
                      <Form.Item name={[f.name, 'key']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('comp.setup.criterionKey')} style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'zh']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('comp.setup.criterionName')} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                        <InputNumber min={1} max={100} precision={0} addonAfter="%" style={{ width: 110 }} />
                      </Form.Item>
                      <Button size="small" danger onClick={() => remove(f.name)}>
                        {t('comp.setup.remove')}
                      </Button>
                    </Space>
                  ))}
                  <Button type="dashed" size="small" onClick={() => add({ key: '', zh: '', en: '', weight: 10 })}>
                    {t('comp.setup.addCriterion')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
        {error && <Alert type="error" message={error} data-testid="stage-error" />}
      </Form>
    </Modal>
  );
}

/** A reason shown on its own (a tooltip) starts with a capital; the server's reasons are written to follow “Refused: ”. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function SetupTab({ edition, onChanged }: { edition: Edition | null; onChanged: (id?: number) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Stage | 'new' | null>(null);
  if (!edition) return <CreateEdition onCreated={(id) => onChanged(id)} />;
  const sorted = [...edition.stages].sort((a, b) => STAGE_KINDS.indexOf(a.kind) - STAGE_KINDS.indexOf(b.kind));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="setup-tab">
      <EditionForm edition={edition} onChanged={() => onChanged()} />
      <Card
        size="small"
        title={t('comp.setup.stages')}
        extra={
          <Button
            onClick={() => setEditing('new')}
            disabled={edition.stages.length >= STAGE_KINDS.length}
            data-testid="add-stage"
          >
            {t('comp.setup.addStage')}
          </Button>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={sorted}
          data-testid="stages-table"
          scroll={{ x: 720 }}
          columns={[
            { title: t('comp.setup.stageKind'), dataIndex: 'kind', render: (k: StageKind) => t(stageKey(k)), width: 90 },
            { title: t('comp.setup.opensOn'), dataIndex: 'opensOn', width: 110 },
            { title: t('comp.setup.closesOn'), dataIndex: 'closesOn', width: 110 },
            {
              title: t('comp.setup.settings'),
              render: (_: unknown, s: Stage) =>
                SCORED.includes(s.kind)
                  ? t('comp.setup.settingsText', {
                      per: s.judgesPerEntry,
                      min: s.minJudges,
                      adv:
                        s.advanceCount !== null
                          ? String(s.advanceCount)
                          : s.advanceSharePercent !== null
                            ? `${s.advanceSharePercent}%`
                            : '—',
                    })
                  : '—',
            },
            {
              title: t('comp.setup.status'),
              width: 100,
              render: (_: unknown, s: Stage) =>
                s.publishedAt ? (
                  <Tag color="green">{t('comp.setup.locked')}</Tag>
                ) : s.lockedBecause ? (
                  <Tooltip title={sentence(pick(s.lockedBecause))}>
                    <Tag data-testid={`stage-passed-${s.kind}`}>{t('comp.setup.passed')}</Tag>
                  </Tooltip>
                ) : s.rankedAt ? (
                  <Tag color="blue">{t('comp.setup.ranked')}</Tag>
                ) : (
                  <Tag>{t('comp.setup.open')}</Tag>
                ),
            },
            {
              title: '',
              width: 80,
              render: (_: unknown, s: Stage) => (
                <Tooltip title={s.lockedBecause ? sentence(pick(s.lockedBecause)) : ''}>
                  <Button
                    size="small"
                    disabled={!!s.lockedBecause}
                    onClick={() => setEditing(s)}
                    data-testid={`edit-stage-${s.kind}`}
                  >
                    {t('common.edit')}
                  </Button>
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <StageModal
          edition={edition}
          stage={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(msg) => {
            setEditing(null);
            message.success(msg);
            onChanged();
          }}
        />
      )}
    </Space>
  );
}
