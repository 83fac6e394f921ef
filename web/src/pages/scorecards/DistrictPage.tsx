/**
 * `/scorecards/districts/:code?year=` one district's assessment: total, level and rank, dimensions
 * against the city average and the best benchmark city (radar), weak links, every indicator with
 * its explanation, the trend, the report for the performance review (.docx, .xlsx), and data entry
 * for the district's officers and the city.
 */
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import {
  fetchDetail,
  fetchValues,
  reportDocxUrl,
  reportXlsxUrl,
  saveValues,
  type Detail,
  type IndicatorLine,
  type UnitValues,
} from './api.ts';
import { Radar, TrendLines } from './Charts.tsx';
import { LevelTag } from './CityView.tsx';

export default function DistrictPage() {
  const { code = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(search.get('year')) || thisYear - 2;
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<UnitValues | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Record<string, number | null>>();

  const load = useCallback(() => {
    setError(null);
    fetchDetail(code, year)
      .then(setDetail)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [code, year, pick]);
  useEffect(load, [load]);

  const name = (r: { nameZh: string; nameEn: string }) => (lang === 'zh' ? r.nameZh : r.nameEn);
  if (error) return <Alert type="error" title={error} />;
  if (!detail) return <PageSpinner />;
  const dims = detail.dimensions;
  const dimName = new Map(dims.map((d) => [d.id, name(d)]));
  const weak = detail.indicators.filter((i) => i.weakLink);
  const fmt = (v: number | null | undefined, unit = '') =>
    v === null || v === undefined ? '—' : `${v}${unit ? ' ' + unit : ''}`;

  const openEntry = () =>
    fetchValues('district', code, year)
      .then((v) => {
        setEditing(v);
        form.setFieldsValue(Object.fromEntries(v.indicators.map((i) => [i.id, v.values[i.id] ?? null])));
      })
      .catch((e: unknown) => void message.error(errorText(e, pick)));

  const save = async () => {
    if (!editing) return;
    setSaving(true);
    try {
      const values = form.getFieldsValue();
      const body = Object.fromEntries(editing.indicators.map((i) => [i.id, values[i.id] ?? null]));
      await saveValues('district', code, year, body);
      void message.success(t('sc.saved'));
      setEditing(null);
      load();
    } catch (e) {
      const fields = (e as { fields?: { field: string; reason: { zh: string; en: string } }[] }).fields ?? [];
      form.setFields(
        fields.filter((f) => f.field.startsWith('values.')).map((f) => ({ name: f.field.slice(7), errors: [pick(f.reason)] })),
      );
      void message.error(errorText(e, pick));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="sc-district-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('sc.districtTitle', { name: name(detail.unit), year })}</Typography.Title>
        <Space wrap>
          <Link to="/scorecards">{t('sc.back')}</Link>
          <Select
            value={year}
            style={{ width: 100 }}
            onChange={(y: number) => setSearch({ year: String(y) })}
            options={[thisYear - 3, thisYear - 2, thisYear - 1].map((y) => ({ value: y, label: String(y) }))}
          />
          <Button icon={<DownloadOutlined />} href={reportDocxUrl(code, year)} data-testid="sc-report-docx">
            {t('sc.reportDocx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={reportXlsxUrl(code, year)}>
            {t('sc.reportXlsx')}
          </Button>
          {detail.canEnter && (
            <Button icon={<EditOutlined />} onClick={() => void openEntry()} data-testid="sc-enter">
              {t('sc.enter')}
            </Button>
          )}
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('sc.total')}>
            <Typography.Text strong data-testid="sc-district-total">
              {fmt(detail.total)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('sc.level')}>
            <LevelTag zh={detail.levelZh} en={detail.levelEn} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sc.rank')}>
            {detail.rank ? t('sc.rankOf', { rank: detail.rank, of: detail.of }) : t('sc.unranked')}
          </Descriptions.Item>
          <Descriptions.Item label={t('sc.entered')}>
            <Tag color={detail.entered === detail.required ? 'green' : 'orange'}>{`${detail.entered}/${detail.required}`}</Tag>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('sc.radar')} size="small" style={{ marginBottom: 16 }}>
            <Radar
              axes={dims.map(name)}
              series={[
                { name: name(detail.unit), values: dims.map((d) => d.score) },
                { name: t('sc.cityAverage'), values: dims.map((d) => d.cityAverage) },
                { name: t('sc.benchmarkBest'), values: dims.map((d) => d.benchmarkBest) },
              ]}
              testId="sc-district-radar"
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('sc.weakLinksTitle', { margin: detail.weakLinkMargin })}
            size="small"
            style={{ marginBottom: 16 }}
            data-testid="sc-weak-links"
          >
            {weak.length === 0 ? (
              <Typography.Text type="secondary">{t('sc.noWeakLinks')}</Typography.Text>
            ) : (
              <Table<IndicatorLine>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={weak}
                columns={[
                  { title: t('sc.indicator'), key: 'n', render: (_, i) => name(i) },
                  { title: t('sc.value'), key: 'v', render: (_, i) => fmt(i.value, lang === 'zh' ? i.unitZh : i.unitEn) },
                  { title: t('sc.best'), key: 'b', render: (_, i) => (i.best ? `${name(i.best)} ${fmt(i.best.value)}` : '—') },
                  {
                    title: t('sc.gap'),
                    key: 'g',
                    render: (_, i) => (i.best && i.normalised !== null ? (i.best.normalised - i.normalised).toFixed(2) : '—'),
                  },
                ]}
              />
            )}
          </Card>
          {detail.trend.years.length > 0 && (
            <Card title={t('sc.trends')} size="small" style={{ marginBottom: 16 }}>
              <TrendLines
                years={detail.trend.years}
                series={[{ name: name(detail.unit), values: detail.trend.totals }]}
                testId="sc-district-trend"
              />
            </Card>
          )}
        </Col>
      </Row>
      <Card title={t('sc.indicators')} size="small">
        <Table<IndicatorLine>
          size="small"
          rowKey="id"
          pagination={false}
          // A fixed scroll width: on a phone the explanation column would otherwise shrink to a few
          // characters and stretch every row to a screen's height.
          scroll={{ x: 1080 }}
          dataSource={detail.indicators}
          columns={[
            { title: t('sc.dimension'), key: 'd', width: 90, render: (_, i) => dimName.get(i.dimensionId) },
            {
              title: t('sc.indicator'),
              key: 'n',
              width: 200,
              render: (_, i) => (
                <>
                  {name(i)} {i.source === 'platform' && <Tag color="blue">{t('sc.platform')}</Tag>}
                </>
              ),
            },
            {
              title: t('sc.value'),
              key: 'v',
              render: (_, i) =>
                i.value === null ? (
                  <Typography.Text type="secondary">{i.absentReason ? pick(i.absentReason) : '—'}</Typography.Text>
                ) : (
                  fmt(i.value, lang === 'zh' ? i.unitZh : i.unitEn)
                ),
            },
            { title: t('sc.cityAverage'), dataIndex: 'cityAverage', render: (v: number | null) => fmt(v) },
            { title: t('sc.normalised'), dataIndex: 'normalised', render: (v: number | null) => fmt(v) },
            { title: t('sc.points'), dataIndex: 'points' },
            { title: t('sc.weakLink'), key: 'w', render: (_, i) => (i.weakLink ? <Tag color="red">{t('sc.weak')}</Tag> : '') },
            {
              title: t('sc.explanation'),
              key: 'e',
              width: 300,
              render: (_, i) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {lang === 'zh' ? i.explanationZh : i.explanationEn}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={t('sc.enterTitle', { name: name(detail.unit), year })}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        confirmLoading={saving}
        okText={t('sc.save')}
        width={640}
      >
        <Form form={form} layout="horizontal" labelCol={{ span: 14 }} labelWrap data-testid="sc-entry-form">
          {editing?.indicators.map((i) => (
            <Form.Item key={i.id} name={i.id} label={lang === 'zh' ? `${i.nameZh}（${i.unitZh}）` : `${i.nameEn} (${i.unitEn})`}>
              <InputNumber style={{ width: 160 }} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </div>
  );
}
