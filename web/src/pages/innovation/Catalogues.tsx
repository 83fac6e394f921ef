/**
 * The two catalogues: enterprises' R&D demands and universities' achievements, with search,
 * publishing forms, Excel import, and the matches both ways (ranked, with the reason shown).
 * 揭榜 (a university takes up a demand) starts from a demand or from a match.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatDate, formatMoney } from '../../util/format.ts';
import {
  applyForDemand,
  createAchievement,
  createDemand,
  fetchAchievementMatches,
  fetchAchievements,
  fetchDemandMatches,
  fetchDemands,
  importFile,
  setStatus,
  templateUrl,
  updateAchievement,
  updateDemand,
  type Achievement,
  type Demand,
  type Reason,
} from './api.ts';
import { ReasonTags, StatusTag, useInnovation, useLabel, useSubmit } from './shared.tsx';

function Filters({ onChange }: { onChange: (f: { q?: string; field?: string; mine?: boolean }) => void }) {
  const { t, pick } = useI18n();
  const { vocab } = useInnovation();
  const [f, setF] = useState<{ q?: string; field?: string; mine?: boolean }>({});
  const set = (patch: typeof f) => {
    const next = { ...f, ...patch };
    setF(next);
    onChange(next);
  };
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder={t('inno.search')}
        style={{ width: 260 }}
        onSearch={(q) => set({ q })}
        data-testid="catalogue-search"
      />
      <Select
        allowClear
        placeholder={t('inno.field')}
        style={{ width: 220 }}
        options={vocab.fields.map((x) => ({ value: x.id, label: pick(x) }))}
        onChange={(field?: string) => set({ field })}
      />
      <Space>
        <Switch size="small" onChange={(mine) => set({ mine })} data-testid="only-mine" />
        {t('inno.mine')}
      </Space>
    </Space>
  );
}

function ImportButton({ what, onDone }: { what: 'demands' | 'achievements'; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  return (
    <Space>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          importFile(what, file)
            .then((r) => {
              void message.success(t('inno.imported', { n: r.imported }));
              onDone();
            })
            .catch((e: unknown) => {
              const fields = (e as { fields?: { reason: { zh: string; en: string } }[] }).fields ?? [];
              modal.error({
                title: errorText(e, pick),
                content: (
                  <ul>
                    {fields.slice(0, 20).map((f, i) => (
                      <li key={i}>{pick(f.reason)}</li>
                    ))}
                  </ul>
                ),
              });
            });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('inno.action.import')}</Button>
      </Upload>
      <Button type="link" icon={<DownloadOutlined />} href={templateUrl(what)}>
        {t('inno.action.template')}
      </Button>
    </Space>
  );
}

// ---------- demands ----------

const DEMAND_FIELDS = ['title', 'description', 'field', 'budget', 'deadline'] as const;

/** Publishes a new demand, or edits `editing` (the owner's own demand) at the version read. */
function DemandForm({ open, editing, onClose }: { open: boolean; editing?: Demand | null; onClose: (saved: boolean) => void }) {
  const { t, pick } = useI18n();
  const { vocab } = useInnovation();
  const [form] = Form.useForm();
  const submit = useSubmit();
  useEffect(() => {
    if (open && editing)
      form.setFieldsValue({
        title: editing.title,
        description: editing.description,
        field: editing.field,
        budget: editing.budget,
        deadline: dayjs(editing.deadline),
      });
  }, [open, editing, form]);
  return (
    <Modal
      open={open}
      title={editing ? t('inno.action.editDemand') : t('inno.action.publishDemand')}
      onCancel={() => onClose(false)}
      onOk={() =>
        void form.validateFields().then(async (v: Record<string, unknown>) => {
          const body = { ...v, deadline: v.deadline ? (v.deadline as dayjs.Dayjs).format('YYYY-MM-DD') : undefined };
          const save = () => (editing ? updateDemand(editing.id, { ...body, version: editing.version }) : createDemand(body));
          if (await submit(form, DEMAND_FIELDS, save)) {
            form.resetFields();
            onClose(true);
          }
        })
      }
      okButtonProps={{ 'data-testid': 'demand-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="demand-form">
        <Form.Item name="title" label={t('inno.f.title')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('inno.f.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="field" label={t('inno.field')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={vocab.fields.map((x) => ({ value: x.id, label: pick(x) }))} data-testid="demand-field" />
        </Form.Item>
        <Space size="large">
          <Form.Item name="budget" label={t('inno.f.budget')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} step={10000} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="deadline" label={t('inno.f.deadline')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function ApplyForm({ demand, onClose }: { demand: Demand | null; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const submit = useSubmit();
  return (
    <Modal
      open={demand !== null}
      title={`${t('inno.action.apply')}：${demand?.title ?? ''}`}
      onCancel={() => onClose(false)}
      onOk={() =>
        void form.validateFields().then(async (v: Record<string, unknown>) => {
          if (
            demand &&
            (await submit(form, ['team', 'proposal', 'quote'] as const, () => applyForDemand(demand.id, v), t('inno.applied')))
          ) {
            form.resetFields();
            onClose(true);
          }
        })
      }
      okButtonProps={{ 'data-testid': 'apply-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="apply-form">
        <Form.Item name="team" label={t('inno.f.team')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="proposal" label={t('inno.f.proposal')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="quote" label={t('inno.f.quote')}>
          <InputNumber min={1} step={10000} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DemandMatches({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const { vocab } = useInnovation();
  const label = useLabel();
  const [data, setData] = useState<Awaited<ReturnType<typeof fetchDemandMatches>> | null>(null);
  useEffect(() => {
    setData(null);
    if (id !== null) void fetchDemandMatches(id).then(setData);
  }, [id]);
  return (
    <Drawer open={id !== null} onClose={onClose} size={900} title={t('inno.matches.forDemand')} data-testid="demand-matches">
      {data && (
        <>
          <Typography.Paragraph strong>{data.demand.title}</Typography.Paragraph>
          <Table
            rowKey={(r) => r.achievement.id}
            size="small"
            pagination={false}
            dataSource={data.items}
            locale={{ emptyText: t('inno.matches.none') }}
            columns={[
              { title: '#', width: 40, render: (_v, _r, i) => i + 1 },
              {
                title: t('inno.col.title'),
                render: (_v, r) => (
                  <div>
                    <div>{r.achievement.title}</div>
                    <Typography.Text type="secondary">
                      {r.achievement.owner} · {r.achievement.team} · {label(vocab.maturities, r.achievement.maturity)}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('inno.col.reason'), render: (_v, r) => <ReasonTags reason={r.reason} /> },
              {
                title: t('inno.col.contact'),
                width: 150,
                render: (_v, r) => `${r.achievement.contactName ?? ''} ${r.achievement.contactPhone ?? ''}`,
              },
              { title: t('inno.col.score'), width: 80, render: (_v, r) => r.score.toFixed(3) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('inno.matches.teams')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('inno.matches.teamsHint')}</Typography.Paragraph>
          <Table
            rowKey={(r) => `${r.owner}/${r.team}`}
            size="small"
            pagination={false}
            dataSource={data.teams}
            data-testid="team-matches"
            locale={{ emptyText: t('inno.matches.none') }}
            columns={[
              { title: '#', width: 40, render: (_v, _r, i) => i + 1 },
              {
                title: t('inno.col.owner'),
                render: (_v, r) => (
                  <div>
                    <div>{r.team}</div>
                    <Typography.Text type="secondary">
                      {r.owner}
                      {r.unitName ? ` · ${r.unitName}` : ''}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('inno.matches.teamFits'), width: 90, render: (_v, r) => r.achievementIds.length },
              {
                title: t('inno.col.reason'),
                render: (_v, r) => <ReasonTags reason={{ sharedTerms: r.sharedTerms, sameField: false, sameDistrict: false }} />,
              },
              { title: t('inno.col.score'), width: 80, render: (_v, r) => r.score.toFixed(3) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function DemandsPanel() {
  const { t } = useI18n();
  const { me, vocab } = useInnovation();
  const label = useLabel();
  const { message } = App.useApp();
  const { pick } = useI18n();
  const [filters, setFilters] = useState<{ q?: string; field?: string; mine?: boolean }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Demand[]; total: number } | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Demand | null>(null);
  const [matching, setMatching] = useState<number | null>(null);
  const [applying, setApplying] = useState<Demand | null>(null);
  const load = useCallback(() => {
    void fetchDemands({ ...filters, page, pageSize: 20 }).then(setData);
  }, [filters, page]);
  useEffect(load, [load]);
  const toggle = (d: Demand) =>
    setStatus('demands', d.id, d.status === 'published' ? 'closed' : 'published')
      .then(load)
      .catch((e: unknown) => void message.error(errorText(e, pick)));
  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Filters
          onChange={(f) => {
            setPage(1);
            setFilters(f);
          }}
        />
        {me.kind === 'enterprise' && (
          <Space>
            <Button type="primary" onClick={() => setCreating(true)} data-testid="publish-demand">
              {t('inno.action.publishDemand')}
            </Button>
            <ImportButton what="demands" onDone={load} />
          </Space>
        )}
      </Space>
      <Table<Demand>
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="demands-table"
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          { title: t('inno.col.title'), dataIndex: 'title', render: (v: string, d) => <span title={d.description}>{v}</span> },
          { title: t('inno.col.enterprise'), dataIndex: 'enterpriseName', width: 220 },
          { title: t('inno.field'), width: 170, render: (_v, d) => label(vocab.fields, d.field) },
          { title: t('inno.col.budget'), width: 120, align: 'right', render: (_v, d) => formatMoney(d.budget) },
          { title: t('inno.col.deadline'), width: 110, render: (_v, d) => formatDate(d.deadline) },
          { title: t('inno.col.applications'), width: 80, align: 'right', dataIndex: 'applications' },
          { title: t('inno.status'), width: 90, render: (_v, d) => <StatusTag status={d.status} prefix="status" /> },
          {
            title: t('inno.col.actions'),
            width: 230,
            fixed: 'right',
            render: (_v, d) => (
              <Space size="small">
                <Button size="small" onClick={() => setMatching(d.id)} data-testid={`match-demand-${d.id}`}>
                  {t('inno.action.matches')}
                </Button>
                {me.kind === 'university' &&
                  d.status === 'published' &&
                  (d.ownApplication ? (
                    <StatusTag status={d.ownApplication.status} prefix="app" />
                  ) : (
                    <Button size="small" type="primary" onClick={() => setApplying(d)} data-testid={`apply-${d.id}`}>
                      {t('inno.action.apply')}
                    </Button>
                  ))}
                {d.mine && (
                  <Button size="small" onClick={() => setEditing(d)} data-testid={`edit-demand-${d.id}`}>
                    {t('inno.action.edit')}
                  </Button>
                )}
                {d.mine && (
                  <Button size="small" onClick={() => void toggle(d)}>
                    {d.status === 'published' ? t('inno.action.close') : t('inno.action.reopen')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DemandForm
        open={creating || editing !== null}
        editing={editing}
        onClose={(saved) => {
          setCreating(false);
          setEditing(null);
          if (saved) load();
        }}
      />
      <DemandMatches id={matching} onClose={() => setMatching(null)} />
      <ApplyForm
        demand={applying}
        onClose={(saved) => {
          setApplying(null);
          if (saved) load();
        }}
      />
    </>
  );
}

// ---------- achievements ----------

const ACHIEVEMENT_FIELDS = [
  'title',
  'summary',
  'field',
  'maturity',
  'ipKind',
  'ipNumber',
  'team',
  'contactName',
  'contactPhone',
] as const;

/** Publishes a new achievement, or edits `editing` (the university's own) at the version read. */
function AchievementForm({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing?: Achievement | null;
  onClose: (saved: boolean) => void;
}) {
  const { t, pick } = useI18n();
  const { vocab } = useInnovation();
  const [form] = Form.useForm();
  const submit = useSubmit();
  const opts = (list: { id: string; zh: string; en: string }[]) => list.map((x) => ({ value: x.id, label: pick(x) }));
  useEffect(() => {
    if (open && editing)
      form.setFieldsValue({
        title: editing.title,
        summary: editing.summary,
        field: editing.field,
        maturity: editing.maturity,
        ipKind: editing.ipKind,
        ipNumber: editing.ipNumber ?? undefined,
        team: editing.team,
        // A masked contact is never written back: the owner sees it in full.
        contactName: editing.contactMasked ? undefined : (editing.contactName ?? undefined),
        contactPhone: editing.contactMasked ? undefined : (editing.contactPhone ?? undefined),
      });
  }, [open, editing, form]);
  return (
    <Modal
      open={open}
      width={640}
      title={editing ? t('inno.action.editAchievement') : t('inno.action.publishAchievement')}
      onCancel={() => onClose(false)}
      okButtonProps={{ 'data-testid': 'achievement-submit' }}
      onOk={() =>
        void form.validateFields().then(async (v: Record<string, unknown>) => {
          const save = () => (editing ? updateAchievement(editing.id, { ...v, version: editing.version }) : createAchievement(v));
          if (await submit(form, ACHIEVEMENT_FIELDS, save)) {
            form.resetFields();
            onClose(true);
          }
        })
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ ipKind: 'invention_patent', maturity: 'pilot' }}>
        <Form.Item name="title" label={t('inno.f.title')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('inno.f.summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="field" label={t('inno.field')} rules={[{ required: true, message: t('common.required') }]}>
            <Select style={{ width: 240 }} options={opts(vocab.fields)} />
          </Form.Item>
          <Form.Item name="maturity" label={t('inno.f.maturity')}>
            <Select style={{ width: 140 }} options={opts(vocab.maturities)} />
          </Form.Item>
          <Form.Item name="ipKind" label={t('inno.f.ipKind')}>
            <Select style={{ width: 150 }} options={opts(vocab.ipKinds)} />
          </Form.Item>
          <Form.Item name="ipNumber" label={t('inno.f.ipNumber')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="team" label={t('inno.f.team')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="contactName" label={t('inno.f.contactName')}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('inno.f.contactPhone')}>
            <Input style={{ width: 160 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function AchievementMatches({ id, onClose, onApply }: { id: number | null; onClose: () => void; onApply: (d: Demand) => void }) {
  const { t } = useI18n();
  const { me } = useInnovation();
  const [data, setData] = useState<{
    achievement: Achievement;
    items: { demand: Demand; score: number; reason: Reason }[];
  } | null>(null);
  useEffect(() => {
    setData(null);
    if (id !== null) void fetchAchievementMatches(id).then(setData);
  }, [id]);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={900}
      title={t('inno.matches.forAchievement')}
      data-testid="achievement-matches"
    >
      {data && (
        <>
          <Typography.Paragraph strong>{data.achievement.title}</Typography.Paragraph>
          <Table
            rowKey={(r) => r.demand.id}
            size="small"
            pagination={false}
            dataSource={data.items}
            locale={{ emptyText: t('inno.matches.none') }}
            columns={[
              { title: '#', width: 40, render: (_v, _r, i) => i + 1 },
              {
                title: t('inno.col.title'),
                render: (_v, r) => (
                  <div>
                    <div>{r.demand.title}</div>
                    <Typography.Text type="secondary">
                      {r.demand.enterpriseName} · {r.demand.unitName} · {formatMoney(r.demand.budget)}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('inno.col.reason'), render: (_v, r) => <ReasonTags reason={r.reason} /> },
              { title: t('inno.col.score'), width: 80, render: (_v, r) => r.score.toFixed(3) },
              {
                title: t('inno.col.actions'),
                width: 90,
                render: (_v, r) =>
                  me.kind === 'university' &&
                  (r.demand.ownApplication ? (
                    <StatusTag status={r.demand.ownApplication.status} prefix="app" />
                  ) : (
                    <Button size="small" type="primary" onClick={() => onApply(r.demand)} data-testid={`apply-${r.demand.id}`}>
                      {t('inno.action.apply')}
                    </Button>
                  )),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function AchievementsPanel() {
  const { t, pick } = useI18n();
  const { me, vocab } = useInnovation();
  const label = useLabel();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Achievement | null>(null);
  const [filters, setFilters] = useState<{ q?: string; field?: string; mine?: boolean }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Achievement[]; total: number } | null>(null);
  const [creating, setCreating] = useState(false);
  const [matching, setMatching] = useState<number | null>(null);
  const [applying, setApplying] = useState<Demand | null>(null);
  const [reload, setReload] = useState(0);
  const load = useCallback(() => {
    void fetchAchievements({ ...filters, page, pageSize: 20 }).then(setData);
  }, [filters, page]);
  useEffect(load, [load]);
  const toggle = (a: Achievement) =>
    setStatus('achievements', a.id, a.status === 'published' ? 'closed' : 'published')
      .then(load)
      .catch((e: unknown) => void message.error(errorText(e, pick)));
  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Filters
          onChange={(f) => {
            setPage(1);
            setFilters(f);
          }}
        />
        {me.kind === 'university' && (
          <Space>
            <Button type="primary" onClick={() => setCreating(true)} data-testid="publish-achievement">
              {t('inno.action.publishAchievement')}
            </Button>
            <ImportButton what="achievements" onDone={load} />
          </Space>
        )}
      </Space>
      <Table<Achievement>
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="achievements-table"
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          { title: t('inno.col.title'), dataIndex: 'title', render: (v: string, a) => <span title={a.summary}>{v}</span> },
          { title: t('inno.col.owner'), width: 200, render: (_v, a) => `${a.owner} · ${a.team}` },
          { title: t('inno.field'), width: 170, render: (_v, a) => label(vocab.fields, a.field) },
          { title: t('inno.col.maturity'), width: 100, render: (_v, a) => label(vocab.maturities, a.maturity) },
          { title: t('inno.col.ip'), width: 120, render: (_v, a) => label(vocab.ipKinds, a.ipKind) },
          { title: t('inno.col.contact'), width: 150, render: (_v, a) => `${a.contactName ?? ''} ${a.contactPhone ?? ''}` },
          { title: t('inno.status'), width: 90, render: (_v, a) => <StatusTag status={a.status} prefix="status" /> },
          {
            title: t('inno.col.actions'),
            width: 230,
            fixed: 'right',
            render: (_v, a) => (
              <Space size="small">
                <Button size="small" onClick={() => setMatching(a.id)} data-testid={`match-achievement-${a.id}`}>
                  {t('inno.action.matches')}
                </Button>
                {a.mine && (
                  <Button size="small" onClick={() => setEditing(a)} data-testid={`edit-achievement-${a.id}`}>
                    {t('inno.action.edit')}
                  </Button>
                )}
                {a.mine && (
                  <Button size="small" onClick={() => void toggle(a)}>
                    {a.status === 'published' ? t('inno.action.close') : t('inno.action.reopen')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AchievementForm
        open={creating || editing !== null}
        editing={editing}
        onClose={(saved) => {
          setCreating(false);
          setEditing(null);
          if (saved) load();
        }}
      />
      <AchievementMatches key={reload} id={matching} onClose={() => setMatching(null)} onApply={setApplying} />
      <ApplyForm
        demand={applying}
        onClose={(saved) => {
          setApplying(null);
          if (saved) setReload((n) => n + 1);
        }}
      />
    </>
  );
}
