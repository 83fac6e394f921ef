/** The officers' view of the district environment assessment for a year. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import {
  fetchInfo,
  fetchResults,
  fetchTrends,
  fetchWeightSets,
  importValues,
  rankingXlsxUrl,
  saveWeightSet,
  templateUrl,
  whatIf,
  type RankingRow,
  type Results,
  type ScorecardInfo,
  type Trends,
  type Viewer,
  type WeightSet,
} from './api.ts';
import { Radar, RankingBars, TrendLines } from './Charts.tsx';

const LEVEL_COLOURS: Record<string, string> = { 优: 'green', 良: 'blue', 中: 'gold', 待提升: 'red' };

export function LevelTag({ zh, en }: { zh: string | null; en: string | null }) {
  const { lang } = useI18n();
  if (!zh) return <>—</>;
  return <Tag color={LEVEL_COLOURS[zh] ?? 'default'}>{lang === 'zh' ? zh : en}</Tag>;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:.*?;base64,/, ''));
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function CityView({ viewer }: { viewer: Viewer }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const years = [viewer.year - 3, viewer.year - 2, viewer.year - 1];
  const [year, setYear] = useState(viewer.year - 2);
  const [info, setInfo] = useState<ScorecardInfo | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [trends, setTrends] = useState<Trends | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [simulated, setSimulated] = useState<Results | null>(null);
  const [sets, setSets] = useState<WeightSet[]>([]);
  const [setName, setSetName] = useState('');
  const [importErrors, setImportErrors] = useState<string[]>([]);

  const load = useCallback(() => {
    setError(null);
    Promise.all([fetchInfo(year), fetchResults(year), fetchTrends(), fetchWeightSets()])
      .then(([i, r, tr, ws]) => {
        setInfo(i);
        setResults(r);
        setTrends(tr);
        setSets(ws);
        setWeights(Object.fromEntries(i.dimensions.map((d) => [d.id, d.weight])));
        setSimulated(null);
        const districts = r.rows.filter((x) => x.kind === 'district' && x.total !== null);
        setPicked((p) => (p.length ? p : [viewer.unitCode ?? districts[0]?.code ?? ''].filter(Boolean)));
      })
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [year, pick, viewer.unitCode]);
  useEffect(load, [load]);

  const name = useCallback((r: { nameZh: string; nameEn: string }) => (lang === 'zh' ? r.nameZh : r.nameEn), [lang]);
  const dims = info?.dimensions ?? [];
  const districtRows = useMemo(() => results?.rows.filter((r) => r.kind === 'district') ?? [], [results]);
  const benchmarkRows = useMemo(() => results?.rows.filter((r) => r.kind === 'benchmark') ?? [], [results]);

  if (error) return <Alert type="error" title={error} />;
  if (!info || !results) return null;

  const columns = [
    { title: t('sc.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
    {
      title: t('sc.unit'),
      key: 'name',
      render: (_: unknown, r: RankingRow) =>
        r.kind === 'district' ? (
          <Link to={`/scorecards/districts/${r.code}?year=${year}`}>{name(r)}</Link>
        ) : (
          <span>
            {name(r)} <Tag>{t('sc.benchmark')}</Tag>
          </span>
        ),
    },
    { title: t('sc.total'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
    { title: t('sc.level'), key: 'level', render: (_: unknown, r: RankingRow) => <LevelTag zh={r.levelZh} en={r.levelEn} /> },
    ...dims.map((d) => ({ title: name(d), key: d.id, render: (_: unknown, r: RankingRow) => r.dimensions[d.id] ?? '—' })),
    { title: t('sc.weakLinks'), key: 'weak', render: (_: unknown, r: RankingRow) => (r.kind === 'district' ? r.weakLinks : '') },
    {
      title: t('sc.entered'),
      key: 'entered',
      render: (_: unknown, r: RankingRow) =>
        r.kind === 'district' ? (
          <Tag color={r.entered === r.required ? 'green' : 'orange'}>{`${r.entered}/${r.required}`}</Tag>
        ) : (
          ''
        ),
    },
  ];

  const bestBenchmark = dims.map((d) => results.benchmarkBest[d.id] ?? null);
  const radarSeries = [
    ...picked.flatMap((code) => {
      const r = districtRows.find((x) => x.code === code);
      return r ? [{ name: name(r), values: dims.map((d) => r.dimensions[d.id] ?? null) }] : [];
    }),
    { name: t('sc.cityAverage'), values: dims.map((d) => results.cityAverage[d.id] ?? null) },
    { name: t('sc.benchmarkBest'), values: bestBenchmark },
  ];
  const ranked = districtRows.filter((r) => r.total !== null);

  const simulate = () =>
    whatIf(year, weights)
      .then(setSimulated)
      .catch((e: unknown) => void message.error(errorText(e, pick)));

  const onImport = async (file: File) => {
    setImportErrors([]);
    try {
      const r = await importValues(await readBase64(file));
      void message.success(t('sc.imported', { values: r.values, units: r.units }));
      load();
    } catch (e) {
      const fields = (e as { fields?: { field: string; reason: { zh: string; en: string } }[] }).fields ?? [];
      setImportErrors(fields.length ? fields.map((f) => `${f.field}: ${pick(f.reason)}`) : [errorText(e, pick)]);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="sc-city">
      <Space wrap>
        <span>{t('sc.year')}</span>
        <Select
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
          data-testid="sc-year"
        />
        <Button icon={<DownloadOutlined />} href={rankingXlsxUrl(year)}>
          {t('sc.exportRanking')}
        </Button>
        {!results.complete && <Tag color="orange">{t('sc.yearOpen')}</Tag>}
      </Space>
      {results.absent.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('sc.absent')}
          description={results.absent
            .map((a) => {
              const ind = dims.flatMap((d) => d.indicators).find((i) => i.id === a.indicatorId);
              return `${ind ? name(ind) : a.indicatorId}：${pick(a.reason)}`;
            })
            .join('；')}
        />
      )}
      <Card title={t('sc.ranking')} size="small">
        <Table<RankingRow>
          size="small"
          rowKey="code"
          columns={columns}
          dataSource={results.rows}
          pagination={false}
          scroll={{ x: true }}
          data-testid="sc-ranking"
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('sc.rankingChart')} size="small">
            <RankingBars names={ranked.map(name)} values={ranked.map((r) => r.total)} testId="sc-ranking-chart" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('sc.radar')}
            size="small"
            extra={
              <Select
                mode="multiple"
                value={picked}
                onChange={setPicked}
                style={{ minWidth: 220 }}
                maxTagCount={2}
                options={districtRows.map((r) => ({ value: r.code, label: name(r) }))}
              />
            }
          >
            <Radar axes={dims.map(name)} series={radarSeries} testId="sc-radar" />
          </Card>
        </Col>
      </Row>
      <Card title={t('sc.benchmarks')} size="small">
        <Table<RankingRow>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={benchmarkRows}
          columns={[
            { title: t('sc.unit'), key: 'n', render: (_: unknown, r) => name(r) },
            { title: t('sc.total'), dataIndex: 'total' },
            ...dims.map((d) => ({ title: name(d), key: d.id, render: (_: unknown, r: RankingRow) => r.dimensions[d.id] ?? '—' })),
          ]}
        />
      </Card>
      {trends && trends.years.length > 0 && (
        <Card title={t('sc.trends')} size="small">
          <TrendLines
            years={trends.years}
            series={trends.series.map((s) => ({ name: name(s), values: s.totals }))}
            testId="sc-trends"
          />
        </Card>
      )}
      <Card title={t('sc.whatIf')} size="small" data-testid="sc-what-if">
        <Typography.Paragraph type="secondary">{t('sc.whatIfHelp')}</Typography.Paragraph>
        <Space wrap>
          {dims.map((d) => (
            <Space key={d.id} size={4}>
              <span>{name(d)}</span>
              <InputNumber
                min={0.1}
                max={100}
                step={0.5}
                value={weights[d.id]}
                onChange={(v) => setWeights((w) => ({ ...w, [d.id]: Number(v ?? 1) }))}
                style={{ width: 80 }}
              />
            </Space>
          ))}
          <Button type="primary" onClick={() => void simulate()}>
            {t('sc.simulate')}
          </Button>
          {sets.length > 0 && (
            <Select
              placeholder={t('sc.loadSet')}
              style={{ width: 180 }}
              options={sets.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(id: number) => {
                const s = sets.find((x) => x.id === id);
                if (s) setWeights((w) => ({ ...w, ...s.weights }));
              }}
            />
          )}
          {viewer.canManage && (
            <>
              <Input
                style={{ width: 160 }}
                placeholder={t('sc.setName')}
                value={setName}
                onChange={(e) => setSetName(e.target.value)}
              />
              <Button
                disabled={!setName.trim()}
                onClick={() =>
                  void saveWeightSet(setName, weights)
                    .then(() => {
                      void message.success(t('sc.setSaved'));
                      setSetName('');
                      return fetchWeightSets().then(setSets);
                    })
                    .catch((e: unknown) => void message.error(errorText(e, pick)))
                }
              >
                {t('sc.saveSet')}
              </Button>
            </>
          )}
        </Space>
        {simulated && (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={simulated.rows.filter((r) => r.kind === 'district')}
            columns={[
              { title: t('sc.unit'), key: 'n', render: (_: unknown, r: RankingRow) => name(r) },
              {
                title: t('sc.rankBefore'),
                key: 'b',
                render: (_: unknown, r: RankingRow) => districtRows.find((x) => x.code === r.code)?.rank ?? '—',
              },
              { title: t('sc.rankAfter'), dataIndex: 'rank', render: (v: number | null) => v ?? '—' },
              { title: t('sc.total'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
            ]}
          />
        )}
      </Card>
      <Card title={t('sc.import')} size="small">
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={templateUrl(year)}>
            {t('sc.template')}
          </Button>
          <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer' }}>
            <UploadOutlined /> {t('sc.upload')}
            <input
              type="file"
              accept=".xlsx"
              hidden
              data-testid="sc-import-file"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void onImport(f);
                e.target.value = '';
              }}
            />
          </label>
        </Space>
        {importErrors.length > 0 && (
          <Alert
            style={{ marginTop: 8 }}
            type="error"
            title={t('sc.importFailed')}
            description={
              <ul>
                {importErrors.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <Card title={t('sc.basis')} size="small">
        {info.parameters.map((p) => (
          <Typography.Paragraph key={p.id} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{lang === 'zh' ? p.descriptionZh : p.descriptionEn}</Typography.Text>
            {p.from ? ` (${t('sc.from')} ${p.from})` : ''}
            {p.reference?.unverified && (
              <>
                <br />
                <Tag color="orange">{t('sc.assumption')}</Tag>
                <Typography.Text type="secondary">{p.reference.unverified}</Typography.Text>
              </>
            )}
          </Typography.Paragraph>
        ))}
      </Card>
    </Space>
  );
}
