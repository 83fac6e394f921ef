/**
 * The organiser's view (city officer; district officers read their unit's entries): entries with
 * eligibility, judge pools and assignment with the conflicts skipped, scoring progress, ranking
 * with explanations, publication with advancement, the recommendation list and the roadshow follow-up.
 */
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  List,
  Modal,
  Popover,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import {
  SCORED,
  autoAssign,
  fetchEditions,
  fetchEntries,
  fetchJudges,
  fetchProgress,
  fetchResults,
  publishStage,
  rankStage,
  register,
  setPool,
  type AssignPlan,
  type Edition,
  type Entry,
  type Judge,
  type Progress,
  type RankOutcome,
  type Result,
} from './api.ts';
import { FollowUpTab } from './FollowUpTab.tsx';
import { SetupTab } from './SetupTab.tsx';
import { TiesTab } from './TiesTab.tsx';
import { EligibilityReasons, RecommendationTag, ScoreChart, groupKey, points, stageKey } from './shared.tsx';

function EntriesTab({ edition, canOrganise }: { edition: Edition; canOrganise: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Entry[]>([]);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(() => void fetchEntries({ editionId: edition.id }).then(setRows), [edition.id]);
  useEffect(load, [load]);
  const FIELDS = ['trackId', 'projectName', 'summary', 'leaderName', 'teamName', 'organisation', 'teamHasCompany'] as const;
  const submit = async (v: Record<string, unknown>) => {
    try {
      await register(edition.id, { group: 'maker', ...v, teamHasCompany: v.teamHasCompany === true });
      setAdding(false);
      form.resetFields();
      load();
    } catch (e) {
      const f = fieldErrors(e, pick, FIELDS);
      form.setFields(f.onForm);
      message.error([errorText(e, pick), ...f.leftOver].join('；'));
    }
  };
  return (
    <>
      {canOrganise && (
        <Button style={{ marginBottom: 12 }} onClick={() => setAdding(true)} data-testid="add-team">
          {t('comp.addTeam')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        data-testid="entries-table"
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('comp.col.code'), dataIndex: 'code', width: 110 },
          { title: t('comp.col.project'), dataIndex: 'projectName' },
          { title: t('comp.col.entrant'), dataIndex: 'entrantName' },
          { title: t('comp.col.group'), dataIndex: 'group', width: 80, render: (g: Entry['group']) => t(groupKey(g)) },
          { title: t('comp.col.track'), render: (_: unknown, r: Entry) => pick({ zh: r.trackZh, en: r.trackEn }), width: 120 },
          { title: t('comp.col.unit'), dataIndex: 'unitZh', width: 90 },
          {
            title: t('comp.col.eligibility'),
            width: 110,
            render: (_: unknown, r: Entry) => (
              <Popover content={<EligibilityReasons rules={r.eligibility.rules} />}>
                {r.eligible ? <Tag color="green">{t('comp.eligible')}</Tag> : <Tag color="red">{t('comp.ineligible')}</Tag>}
              </Popover>
            ),
          },
          {
            title: t('comp.col.stage'),
            dataIndex: 'reachedStage',
            width: 90,
            render: (k: Entry['reachedStage']) => t(stageKey(k)),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('comp.addTeam')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'team-ok' } as never}
      >
        <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => void submit(v)}>
          <Form.Item name="teamName" label={t('comp.teamName')} rules={[{ required: true }]}>
            <Input data-testid="team-name" />
          </Form.Item>
          <Form.Item name="organisation" label={t('comp.organisation')}>
            <Input data-testid="team-org" />
          </Form.Item>
          <Form.Item name="trackId" label={t('comp.col.track')} rules={[{ required: true }]}>
            <Select
              data-testid="team-track"
              options={edition.tracks.map((x) => ({ value: x.id, label: pick({ zh: x.nameZh, en: x.nameEn }) }))}
            />
          </Form.Item>
          <Form.Item name="projectName" label={t('comp.col.project')} rules={[{ required: true }]}>
            <Input data-testid="team-project" />
          </Form.Item>
          <Form.Item name="summary" label={t('comp.summary')} rules={[{ required: true }]}>
            <Input.TextArea data-testid="team-summary" rows={3} />
          </Form.Item>
          <Form.Item name="leaderName" label={t('comp.leader')} rules={[{ required: true }]}>
            <Input data-testid="team-leader" />
          </Form.Item>
          <Form.Item name="teamHasCompany" valuePropName="checked">
            <Checkbox>{t('comp.teamHasCompany')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function JudgingTab({ edition }: { edition: Edition }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const stages = edition.stages.filter((s) => SCORED.includes(s.kind));
  const [stageId, setStageId] = useState(stages.find((s) => !s.publishedAt)?.id ?? stages[0]?.id);
  const stage = stages.find((s) => s.id === stageId);
  const [judges, setJudges] = useState<Judge[]>([]);
  const [pool, setPoolState] = useState<number[]>([]);
  const [plan, setPlan] = useState<AssignPlan | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const load = useCallback(() => {
    if (!stageId) return;
    void fetchJudges(edition.id).then((js) => {
      setJudges(js);
      setPoolState(js.filter((j) => j.stageIds.includes(stageId)).map((j) => j.id));
    });
    void fetchProgress(stageId).then(setProgress);
  }, [edition.id, stageId]);
  useEffect(load, [load]);
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      load();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };
  if (!stage) return <Alert message={t('comp.noScoredStage')} />;
  const locked = !!stage.publishedAt;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        value={stageId}
        onChange={setStageId}
        style={{ width: 240 }}
        data-testid="judging-stage"
        options={stages.map((s) => ({ value: s.id, label: `${t(stageKey(s.kind))} ${s.opensOn}~${s.closesOn}` }))}
      />
      <Typography.Text type="secondary">
        {t('comp.stageRules', { per: stage.judgesPerEntry, min: stage.minJudges, trim: stage.trimAtLeast })}
      </Typography.Text>
      <Typography.Title level={5}>{t('comp.pool')}</Typography.Title>
      <Checkbox.Group value={pool} onChange={(v) => setPoolState(v)} disabled={locked} data-testid="pool">
        <Space wrap>
          {judges.map((j) => (
            <Checkbox key={j.id} value={j.id}>
              {j.name}
              <Typography.Text type="secondary"> {j.organisation}</Typography.Text>
              {j.ties.length > 0 && <Tag color="orange">{t('comp.ties', { n: j.ties.length })}</Tag>}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <Space>
        <Button disabled={locked} onClick={() => void run(() => setPool(stage.id, pool))} data-testid="pool-save">
          {t('comp.savePool')}
        </Button>
        <Button
          type="primary"
          disabled={locked}
          onClick={() => void run(async () => setPlan(await autoAssign(stage.id)))}
          data-testid="auto-assign"
        >
          {t('comp.autoAssign')}
        </Button>
      </Space>
      {plan && (
        <Alert
          data-testid="assign-result"
          type={plan.shortfalls.length ? 'warning' : 'success'}
          message={t('comp.assigned', { n: plan.added, c: plan.conflicts.length })}
          description={
            <List
              size="small"
              dataSource={plan.conflicts}
              renderItem={(c) => (
                <List.Item data-testid="conflict-item">
                  {c.code} × {c.judgeName}: {c.reasons.map((r) => pick(r)).join('；')}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Typography.Title level={5}>{t('comp.progress')}</Typography.Title>
      <Table
        rowKey="entryId"
        size="small"
        data-testid="progress-table"
        pagination={false}
        dataSource={progress?.items ?? []}
        columns={[
          { title: t('comp.col.code'), dataIndex: 'code', width: 110 },
          { title: t('comp.col.entrant'), dataIndex: 'entrantName' },
          {
            title: t('comp.col.judges'),
            render: (_: unknown, r: Progress['items'][number]) =>
              r.judges.map((j) => (
                <Tag key={j.judgeId} color={j.scored ? 'green' : 'default'}>
                  {j.name}
                </Tag>
              )),
          },
          {
            title: t('comp.col.scored'),
            width: 120,
            render: (_: unknown, r: Progress['items'][number]) =>
              r.complete ? (
                <Tag color="green">{r.scored}</Tag>
              ) : (
                <Tag color="red">{t('comp.incomplete', { n: r.scored, min: stage.minJudges })}</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}

function ResultsTable({ results }: { results: Result[] }) {
  const { t, pick } = useI18n();
  return (
    <Table
      rowKey="entryId"
      size="small"
      pagination={false}
      dataSource={results}
      data-testid="results-table"
      scroll={{ x: 900 }}
      columns={[
        { title: t('comp.col.rank'), dataIndex: 'rank', width: 60 },
        { title: t('comp.col.code'), dataIndex: 'code', width: 110 },
        { title: t('comp.col.project'), dataIndex: 'projectName' },
        { title: t('comp.col.entrant'), dataIndex: 'entrantName' },
        { title: t('comp.col.score'), dataIndex: 'scoreCenti', width: 80, render: (v: number) => points(v) },
        {
          title: t('comp.col.explanation'),
          render: (_: unknown, r: Result) =>
            r.explanation ? (
              <Typography.Text type="secondary">
                {r.explanation.dropped
                  ? t('comp.explain.trimmed', {
                      n: r.explanation.scored,
                      hi: points(r.explanation.dropped.highest),
                      lo: points(r.explanation.dropped.lowest),
                    })
                  : t('comp.explain.plain', { n: r.explanation.scored })}
                {r.explanation.tieBreak ? ` ${pick(r.explanation.tieBreak)}` : ''}
              </Typography.Text>
            ) : null,
        },
        {
          title: t('comp.col.outcome'),
          width: 150,
          render: (_: unknown, r: Result) => (
            <>
              {r.advanced && <Tag color="blue">{t('comp.advanced')}</Tag>}
              <RecommendationTag value={r.recommendation} />
            </>
          ),
        },
      ]}
    />
  );
}

function RankingTab({ edition, onChanged }: { edition: Edition; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const stages = edition.stages.filter((s) => SCORED.includes(s.kind));
  const [stageId, setStageId] = useState(stages.find((s) => !s.publishedAt)?.id ?? stages[0]?.id);
  const stage = stages.find((s) => s.id === stageId);
  const [results, setResults] = useState<Result[]>([]);
  const [tieBreak, setTieBreak] = useState<string>('');
  const [outcome, setOutcome] = useState<RankOutcome | null>(null);
  const load = useCallback(() => {
    if (stageId)
      void fetchResults(stageId).then((r) => {
        setResults(r.results);
        setTieBreak(pick(r.tieBreak));
      });
  }, [stageId, pick]);
  useEffect(load, [load]);
  if (!stage) return null;
  const rank = async () => {
    try {
      const o = await rankStage(stage.id);
      setOutcome(o);
      load();
      onChanged();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };
  const publish = () =>
    modal.confirm({
      title: t('comp.publishConfirm'),
      onOk: async () => {
        try {
          const r = await publishStage(stage.id);
          message.success(t('comp.published', { n: r.advanced }));
          onChanged();
        } catch (e) {
          message.error(errorText(e, pick));
        }
      },
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          value={stageId}
          onChange={(v) => {
            setStageId(v);
            setOutcome(null);
          }}
          style={{ width: 200 }}
          data-testid="ranking-stage"
          options={stages.map((s) => ({ value: s.id, label: t(stageKey(s.kind)) }))}
        />
        <Button type="primary" disabled={!!stage.publishedAt} onClick={() => void rank()} data-testid="rank">
          {t('comp.rank')}
        </Button>
        <Button disabled={!!stage.publishedAt || !stage.rankedAt} onClick={publish} data-testid="publish">
          {t('comp.publish')}
        </Button>
        {stage.publishedAt && (
          <Tag color="green" data-testid="stage-published">
            {t('comp.publishedOn', { at: stage.publishedAt.slice(0, 10) })}
          </Tag>
        )}
        {stage.kind === 'final' && stage.rankedAt && (
          <Button href={`/api/competition/editions/${edition.id}/recommendations.xlsx`} data-testid="export-recommendations">
            {t('comp.exportRecommendations')}
          </Button>
        )}
      </Space>
      {outcome?.status === 'incomplete' && (
        <Alert
          type="warning"
          data-testid="rank-incomplete"
          message={t('comp.cannotRank')}
          description={outcome.incomplete
            .map((i) => t('comp.incompleteItem', { code: i.code, n: i.scored, min: i.required }))
            .join('；')}
        />
      )}
      <Typography.Text type="secondary">{tieBreak}</Typography.Text>
      {(['enterprise', 'maker'] as const).map((g) => {
        const rows = results.filter((r) => r.group === g);
        if (!rows.length) return null;
        return (
          <div key={g}>
            <Typography.Title level={5}>{t(groupKey(g))}</Typography.Title>
            <ScoreChart results={rows} />
            <ResultsTable results={rows} />
          </div>
        );
      })}
    </Space>
  );
}

export function OrganiserView({ canOrganise }: { canOrganise: boolean }) {
  const { t, pick } = useI18n();
  const [editions, setEditions] = useState<Edition[] | null>(null);
  const [editionId, setEditionId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>(null);
  const load = useCallback(
    (select?: number) => {
      fetchEditions()
        .then((eds) => {
          setEditions(eds);
          setEditionId((old) => select ?? old ?? eds[0]?.id ?? null);
        })
        .catch((e: unknown) => setError(errorText(e, pick)));
    },
    [pick],
  );
  useEffect(() => load(), [load]);
  const edition = useMemo(() => editions?.find((e) => e.id === editionId) ?? null, [editions, editionId]);
  if (error) return <Alert type="error" message={error} />;
  if (!editions) return null;
  if (!edition)
    // An organiser with no edition lands on the setup: the first edition is created there.
    return canOrganise ? (
      <div data-testid="organiser-view">
        <SetupTab edition={null} onChanged={(id) => load(id)} />
      </div>
    ) : (
      <Alert message={t('comp.setup.noEditionYet')} />
    );
  return (
    <div data-testid="organiser-view">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={editionId}
          onChange={setEditionId}
          style={{ width: 320 }}
          data-testid="edition-select"
          options={(editions ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
        {edition.stages.map((s) => (
          <Tag key={s.id} color={s.publishedAt ? 'green' : 'default'}>
            {t(stageKey(s.kind))} {s.opensOn.slice(5)}~{s.closesOn.slice(5)}
          </Tag>
        ))}
      </Space>
      <Tabs
        key={edition.id}
        activeKey={tab ?? 'entries'}
        onChange={setTab}
        items={[
          {
            key: 'entries',
            label: t('comp.tab.entries', { n: edition.entries }),
            children: <EntriesTab edition={edition} canOrganise={canOrganise} />,
          },
          ...(canOrganise
            ? [
                {
                  key: 'setup',
                  label: t('comp.tab.setup'),
                  children: <SetupTab edition={edition} onChanged={(id) => load(id)} />,
                },
                { key: 'judging', label: t('comp.tab.judging'), children: <JudgingTab edition={edition} /> },
                { key: 'ties', label: t('comp.tab.ties'), children: <TiesTab edition={edition} /> },
                { key: 'ranking', label: t('comp.tab.ranking'), children: <RankingTab edition={edition} onChanged={load} /> },
                { key: 'followup', label: t('comp.tab.followUp'), children: <FollowUpTab editionId={edition.id} /> },
              ]
            : []),
        ]}
      />
    </div>
  );
}
