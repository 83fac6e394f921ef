/**
 * `/imports/new`: a published list in four steps — (1) the title it recognises and the list itself
 * (a file, or a table pasted from a PDF); (2) how its columns are read and which sections it has;
 * (3) the preview, where the officer decides the rows that need it; (4) apply, and the result.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
  type TableProps,
} from 'antd';
import { ArrowLeftOutlined, CheckOutlined, InboxOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import * as api from '../../api/endpoints.ts';
import type {
  ImportInspection,
  ImportOptions,
  ImportSummary,
  MappedRole,
  MappingInput,
  RecognitionKind,
  TitleKind,
  TitleLevel,
} from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { canImportLists } from '../../layout/nav.ts';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { ApiProblem, ApplyDialog } from './ImportDialogs.tsx';
import { ImportCountCards, ImportRowsTable, useUndecided } from './ImportReview.tsx';
import { defaultValidUntil, fileSize } from './importShared.tsx';
import { MAPPED_ROLES, columnLetter } from './MappingSummary.tsx';

const MAX_BYTES = 5 * 1024 * 1024;

interface OptionValues {
  kind: TitleKind;
  level: TitleLevel;
  batch?: string;
  recognisedOn: Dayjs;
  validUntil?: Dayjs | null;
  defaultRecognition: RecognitionKind;
}

const OPTION_FIELDS = ['kind', 'level', 'batch', 'recognisedOn', 'validUntil', 'defaultRecognition'] as const satisfies readonly (keyof OptionValues)[];

interface MappingState {
  headerRow: number | null;
  columns: Partial<Record<MappedRole, number>>;
}

function toOptions(v: OptionValues): ImportOptions {
  return {
    kind: v.kind,
    level: v.level,
    ...(v.batch?.trim() ? { batch: v.batch.trim() } : {}),
    recognisedOn: v.recognisedOn.format('YYYY-MM-DD'),
    ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
    defaultRecognition: v.defaultRecognition,
  };
}

// ---------- step 1: the title and the list ----------

type SourceTab = 'file' | 'text';

interface SourceProps {
  tab: SourceTab;
  onTab: (tab: SourceTab) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  text: string;
  onText: (text: string) => void;
}

function SourceCard({ tab, onTab, file, onFile, text, onText }: SourceProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const accept = (f: File): boolean => {
    const name = f.name.toLowerCase();
    if (name.endsWith('.xls')) void message.error(t('imp.upload.xls'));
    else if (!/\.(xlsx|csv|txt)$/.test(name)) void message.error(t('imp.upload.badType'));
    else if (f.size > MAX_BYTES) void message.error(t('imp.upload.tooBig', { size: fileSize(f.size) }));
    else return true;
    return false;
  };
  return (
    <Card size="small" className="section-card" title={t('imp.source')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => onTab(k as SourceTab)}
        items={[
          {
            key: 'file',
            label: <span data-testid="source-file-tab">{t('imp.source.fileTab')}</span>,
            children: (
              <Upload.Dragger
                accept=".xlsx,.csv,.txt"
                maxCount={1}
                multiple={false}
                showUploadList={false}
                beforeUpload={(f) => {
                  if (accept(f)) onFile(f);
                  return Upload.LIST_IGNORE;
                }}
                data-testid="upload-dragger"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('imp.upload.drag')}</p>
                <p className="ant-upload-hint" data-testid="upload-hint">
                  {t('imp.upload.hint')}
                </p>
              </Upload.Dragger>
            ),
          },
          {
            key: 'text',
            label: <span data-testid="source-text-tab">{t('imp.source.textTab')}</span>,
            children: (
              <Input.TextArea
                rows={10}
                value={text}
                onChange={(e) => onText(e.target.value)}
                placeholder={t('imp.text.placeholder')}
                className="num"
                data-testid="paste-text"
              />
            ),
          },
        ]}
      />
      {tab === 'file' && file && (
        <Typography.Text type="secondary" data-testid="chosen-file">
          {t('imp.upload.chosen', { name: file.name, size: fileSize(file.size) })}
        </Typography.Text>
      )}
    </Card>
  );
}

function OptionsCard() {
  const { t } = useI18n();
  const ref = useReferenceData();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Card size="small" className="section-card" title={t('imp.options.title')}>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="kind" label={t('title.kind')} rules={required}>
            <Select options={(ref.meta?.titleKinds ?? []).map((k) => ({ value: k.id, label: ref.titleKind(k.id) }))} data-testid="opt-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={4}>
          <Form.Item name="level" label={t('title.level')} rules={required}>
            <Select options={(ref.meta?.levels ?? []).map((l) => ({ value: l.id, label: ref.level(l.id) }))} data-testid="opt-level" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Form.Item name="batch" label={t('title.batch')}>
            <Input maxLength={60} placeholder={t('imp.batchPlaceholder')} data-testid="opt-batch" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={4}>
          <Form.Item name="recognisedOn" label={t('title.recognisedOn')} rules={required}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="opt-recognised-on" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Form.Item noStyle dependencies={['recognisedOn']}>
            {({ getFieldValue }) => {
              const on = getFieldValue('recognisedOn') as Dayjs | undefined;
              const fallback = on ? defaultValidUntil(on.format('YYYY-MM-DD')) : null;
              return (
                <Form.Item
                  name="validUntil"
                  label={t('title.validUntil')}
                  extra={<span data-testid="valid-until-default">{fallback ? t('imp.validUntilDefault', { date: fallback }) : t('imp.validUntilDefaultNoDate')}</span>}
                >
                  <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder={fallback ?? undefined} data-testid="opt-valid-until" />
                </Form.Item>
              );
            }}
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="defaultRecognition" label={t('imp.defaultRecognition')} extra={t('imp.defaultRecognitionHint')} style={{ marginBottom: 0 }}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'first', label: t('imp.recognition.first') },
                { value: 'renewal', label: t('imp.recognition.renewal') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

// ---------- step 2: columns and sections ----------

type RowKind = { kind: 'header' } | { kind: 'section'; label: string; recognition: RecognitionKind | null } | { kind: 'note' } | null;

/**
 * What a preview row is, as the server reads it (src/modules/imports/domain.ts classifyRow):
 * a single value under the header is a section heading (新认定 / 复核通过 / a place) or a note.
 */
function rowKind(cells: readonly string[], rowNo: number, headerRow: number | null): RowKind {
  if (rowNo === headerRow) return { kind: 'header' };
  if (headerRow !== null && rowNo < headerRow) return null;
  const values = [...new Set(cells.map((c) => c.trim()).filter(Boolean))];
  if (values.length !== 1) return null;
  const v = values[0]!;
  if (/^(注|备注|说明|合计|共计|总计|小计)/.test(v)) return { kind: 'note' };
  if (/(公司|厂|中心|研究院|研究所|合作社|集团)[)）]?$/.test(v)) return null;
  const recognition: RecognitionKind | null = /复核|重新认定|复审|续期|延续|再认定/.test(v)
    ? 'renewal'
    : /新认定|首次|新申报|新获评|新入选|新培育|新增|新晋/.test(v)
      ? 'first'
      : null;
  return { kind: 'section', label: v, recognition };
}

interface MappingProps {
  inspection: ImportInspection;
  mapping: MappingState;
  onMapping: (m: MappingState) => void;
  defaultRecognition: RecognitionKind;
  sheet: string | undefined;
  onSheet: (sheet: string) => void;
}

function MappingStep({ inspection, mapping, onMapping, defaultRecognition, sheet, onSheet }: MappingProps) {
  const { t } = useI18n();
  const detected = inspection.detected;
  const width = Math.max(1, ...inspection.preview.map((r) => r.cells.length));
  const headerCells = inspection.preview.find((r) => r.rowNo === mapping.headerRow)?.cells ?? [];
  const columnOptions = Array.from({ length: width }, (_, i) => {
    const header = headerCells[i]?.trim();
    return { value: i + 1, label: header ? `${columnLetter(i + 1)} · ${header}` : columnLetter(i + 1) };
  });
  const changed =
    detected === null ||
    detected.headerRow !== mapping.headerRow ||
    MAPPED_ROLES.some((role) => (detected.columns[role] ?? null) !== (mapping.columns[role] ?? null));
  const roleOf = new Map<number, MappedRole>();
  for (const role of MAPPED_ROLES) {
    const c = mapping.columns[role];
    if (c !== undefined) roleOf.set(c, role);
  }
  const kinds = new Map(inspection.preview.map((r) => [r.rowNo, rowKind(r.cells, r.rowNo, mapping.headerRow)]));
  const sections = inspection.preview
    .map((r) => ({ rowNo: r.rowNo, kind: kinds.get(r.rowNo) }))
    .filter((x): x is { rowNo: number; kind: Extract<RowKind, { kind: 'section' }> } => x.kind?.kind === 'section');

  type PreviewRow = ImportInspection['preview'][number];
  const columns: TableProps<PreviewRow>['columns'] = [
    {
      key: 'rowNo',
      title: t('imp.row'),
      dataIndex: 'rowNo',
      width: 64,
      fixed: 'left',
      align: 'right',
      render: (n: number) => <span className="num">{n}</span>,
    },
    {
      key: 'kind',
      title: '',
      width: 90,
      render: (_: unknown, r) => {
        const k = kinds.get(r.rowNo);
        if (!k) return null;
        if (k.kind === 'header') return <Tag color="blue">{t('imp.rowKind.header')}</Tag>;
        if (k.kind === 'note') return <Tag>{t('imp.rowKind.note')}</Tag>;
        return (
          <Tag color={k.recognition === 'renewal' ? 'geekblue' : k.recognition === 'first' ? 'cyan' : 'default'}>
            {k.recognition ? t(`imp.recognition.${k.recognition}`) : t('imp.rowKind.section')}
          </Tag>
        );
      },
    },
    ...Array.from({ length: width }, (_, i) => {
      const role = roleOf.get(i + 1);
      return {
        key: `c${i}`,
        title: (
          <Space size={4}>
            <span>{columnLetter(i + 1)}</span>
            {role && <Tag color="blue">{t(`imp.role.${role}`)}</Tag>}
          </Space>
        ),
        width: role === 'name' ? 280 : 140,
        className: role ? 'mapped-col' : '',
        render: (_: unknown, r: PreviewRow) => r.cells[i] ?? '',
      };
    }),
  ];

  const confidence = detected?.confidence;
  return (
    <>
      <Card size="small" className="section-card" title={t('imp.mapping.title')} data-testid="mapping-card">
        {confidence === 'header' && !changed && (
          <Alert type="success" showIcon title={t('imp.mapping.header', { row: detected?.headerRow ?? '' })} data-testid="mapping-detected" />
        )}
        {confidence === 'guessed' && !changed && <Alert type="warning" showIcon title={t('imp.mapping.guessed')} data-testid="mapping-guessed" />}
        {detected === null && mapping.columns.name === undefined && (
          <Alert type="error" showIcon title={t('imp.mapping.none')} data-testid="mapping-none" />
        )}
        {changed && mapping.columns.name !== undefined && (
          <Alert type="info" showIcon title={t('imp.mapping.changed')} data-testid="mapping-changed" />
        )}
        <Space size={[16, 12]} wrap style={{ marginTop: 12 }}>
          {inspection.sheetNames.length > 1 && (
            <Space size={4}>
              <Typography.Text type="secondary">{t('imp.sheet')}</Typography.Text>
              <Select
                style={{ width: 160 }}
                value={sheet ?? inspection.sheetName ?? undefined}
                options={inspection.sheetNames.map((s) => ({ value: s, label: s }))}
                onChange={onSheet}
                data-testid="mapping-sheet"
              />
            </Space>
          )}
          <Space size={4}>
            <Typography.Text type="secondary">{t('imp.mapping.headerRow')}</Typography.Text>
            <Select<number>
              style={{ width: 120 }}
              value={mapping.headerRow ?? 0}
              options={[
                { value: 0, label: t('imp.mapping.noHeader') },
                ...inspection.preview.map((r) => ({ value: r.rowNo, label: String(r.rowNo) })),
              ]}
              onChange={(v) => onMapping({ ...mapping, headerRow: v === 0 ? null : v })}
              data-testid="mapping-header-row"
            />
          </Space>
          {MAPPED_ROLES.map((role) => (
            <Space size={4} key={role}>
              <Typography.Text type="secondary">{t(`imp.role.${role}`)}</Typography.Text>
              <Select<number>
                allowClear={role !== 'name'}
                style={{ width: role === 'name' ? 200 : 170 }}
                value={mapping.columns[role]}
                placeholder={t('imp.mapping.notMapped')}
                options={columnOptions}
                onChange={(v) => {
                  const columns = { ...mapping.columns };
                  if (v === undefined) delete columns[role];
                  else columns[role] = v;
                  onMapping({ ...mapping, columns });
                }}
                status={role === 'name' && mapping.columns.name === undefined ? 'error' : undefined}
                data-testid={`mapping-${role}`}
              />
            </Space>
          ))}
          {changed && detected && (
            <Button type="link" onClick={() => onMapping({ headerRow: detected.headerRow, columns: pickMapped(detected.columns) })}>
              {t('imp.mapping.reset')}
            </Button>
          )}
        </Space>
      </Card>

      <Card
        size="small"
        className="section-card"
        title={t('imp.sections')}
        extra={<Typography.Text type="secondary">{t('imp.sheetRows', { n: inspection.totalRows })}</Typography.Text>}
        data-testid="sections-card"
      >
        {sections.length ? (
          <Space size={[8, 8]} wrap>
            {sections.map((s) => (
              <Tag key={s.rowNo} color={s.kind.recognition === 'renewal' ? 'geekblue' : s.kind.recognition === 'first' ? 'cyan' : 'default'} data-testid="detected-section">
                {t('imp.sectionRow', { row: s.rowNo, label: s.kind.label })}
                {s.kind.recognition ? ` → ${t(`imp.recognition.${s.kind.recognition}`)}` : ''}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {t('imp.sectionsNone', { n: inspection.preview.length, default: t(`imp.recognition.${defaultRecognition}`) })}
          </Typography.Text>
        )}
      </Card>

      <Card size="small" className="section-card" title={t('imp.previewRows', { n: inspection.preview.length })}>
        <Table<PreviewRow>
          className="mapping-preview"
          rowKey="rowNo"
          size="small"
          pagination={false}
          dataSource={inspection.preview}
          columns={columns}
          scroll={{ x: 'max-content', y: 420 }}
          rowClassName={(r) => {
            const k = kinds.get(r.rowNo);
            return k?.kind === 'header' ? 'header-row' : k?.kind === 'section' ? 'section-row' : '';
          }}
          data-testid="mapping-preview"
        />
      </Card>
    </>
  );
}

function pickMapped(columns: Partial<Record<string, number>>): Partial<Record<MappedRole, number>> {
  const out: Partial<Record<MappedRole, number>> = {};
  for (const role of MAPPED_ROLES) if (columns[role] !== undefined) out[role] = columns[role];
  return out;
}

function stepItems(t: Translate) {
  return [
    { title: t('imp.step.options') },
    { title: t('imp.step.mapping') },
    { title: t('imp.step.preview') },
    { title: t('imp.step.apply') },
  ];
}

// ---------- the flow ----------

export default function NewImportPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<OptionValues>();
  const [step, setStep] = useState(0);
  const [tab, setTab] = useState<SourceTab>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  const [mapping, setMapping] = useState<MappingState>({ headerRow: null, columns: {} });
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [reused, setReused] = useState(false);
  const [applying, setApplying] = useState(false);
  const [decisions, setDecisions] = useState(0);
  const undecided = useUndecided(summary, decisions);
  const defaultRecognition = (Form.useWatch('defaultRecognition', form) ?? 'first') as RecognitionKind;

  const source = useMemo<api.ImportSource | null>(() => {
    if (tab === 'file') return file ? { kind: 'file', file, ...(sheet ? { sheet } : {}) } : null;
    return text.trim() ? { kind: 'text', text } : null;
  }, [tab, file, text, sheet]);

  if (!canImportLists(user)) return <Alert type="warning" showIcon title={t('imp.forbidden')} data-testid="imports-forbidden" />;

  async function read(withSheet?: string) {
    setProblem(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const src: api.ImportSource | null =
      withSheet && source?.kind === 'file' ? { ...source, sheet: withSheet } : source;
    if (!src) {
      void message.error(t('imp.source.required'));
      return;
    }
    setBusy(true);
    try {
      const result = await api.inspectImport(src);
      setInspection(result);
      setMapping(result.detected ? { headerRow: result.detected.headerRow, columns: pickMapped(result.detected.columns) } : { headerRow: null, columns: {} });
      setStep(1);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  async function preview() {
    if (!source || !inspection) return;
    setProblem(null);
    const values = form.getFieldsValue(true) as OptionValues;
    const detected = inspection.detected;
    const changed =
      detected === null ||
      detected.headerRow !== mapping.headerRow ||
      MAPPED_ROLES.some((role) => (detected.columns[role] ?? null) !== (mapping.columns[role] ?? null));
    const manual: MappingInput | undefined = changed ? { headerRow: mapping.headerRow, columns: mapping.columns } : undefined;
    setBusy(true);
    try {
      const created = await api.createImport(source, toOptions(values), manual);
      setReused(created.reused);
      if (created.reused && created.import.status !== 'preview') {
        void message.info({ content: t('imp.reused', { id: created.import.id }), duration: 8 });
        navigate(`/imports/${created.import.id}`);
        return;
      }
      setSummary(created.import);
      setStep(2);
    } catch (e) {
      const { onForm } = fieldErrors(e, pick, OPTION_FIELDS);
      if (onForm.length) {
        form.setFields(onForm);
        setStep(0);
        void message.error(errorText(e, pick));
      } else setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  function restart() {
    form.resetFields();
    setFile(null);
    setText('');
    setSheet(undefined);
    setInspection(null);
    setSummary(null);
    setProblem(null);
    setStep(0);
  }

  const fileProblem = problem instanceof ApiError && problem.fields.some((f) => f.field.startsWith('file'));

  return (
    <div data-testid="new-import-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('imp.new.title')}</Typography.Title>
        <Link to="/imports">
          <Button icon={<ArrowLeftOutlined />}>{t('imp.list.title')}</Button>
        </Link>
      </div>
      <Card size="small" className="section-card">
        <Steps current={step} items={stepItems(t)} data-testid="import-steps" />
      </Card>

      <Form<OptionValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'specialized_sme', level: 'provincial', defaultRecognition: 'first' }}
        style={{ display: step === 0 ? undefined : 'none' }}
      >
        <OptionsCard />
        <SourceCard tab={tab} onTab={setTab} file={file} onFile={(f) => { setFile(f); setSheet(undefined); }} text={text} onText={setText} />
      </Form>

      {step === 1 && inspection && (
        <MappingStep
          inspection={inspection}
          mapping={mapping}
          onMapping={setMapping}
          defaultRecognition={defaultRecognition}
          sheet={sheet}
          onSheet={(s) => {
            setSheet(s);
            void read(s);
          }}
        />
      )}

      {step === 2 && summary && (
        <>
          {reused && <Alert className="section-card" type="info" showIcon title={t('imp.reused', { id: summary.id })} data-testid="reused-alert" />}
          <Alert
            className="section-card"
            type={undecided ? 'warning' : 'success'}
            showIcon
            title={undecided ? t('imp.undecided', { n: undecided }) : t('imp.noUndecided')}
            data-testid="undecided-alert"
          />
          <ImportCountCards summary={summary} />
          <ImportRowsTable summary={summary} onDecided={() => setDecisions((n) => n + 1)} />
          <ApplyDialog
            summary={summary}
            open={applying}
            onClose={() => setApplying(false)}
            onApplied={(next) => {
              setApplying(false);
              setSummary(next);
              setStep(3);
            }}
          />
        </>
      )}

      {step === 3 && summary && (
        <Card className="section-card">
          <Result
            status="success"
            title={t('imp.result.title')}
            subTitle={summary.counts.applied ? <span data-testid="apply-result">{t('imp.appliedCounts', { ...summary.counts.applied })}</span> : null}
            extra={[
              <Button type="primary" key="open" onClick={() => navigate(`/imports/${summary.id}`)} data-testid="open-import">
                {t('imp.result.open')}
              </Button>,
              <Button key="again" onClick={restart}>
                {t('imp.result.again')}
              </Button>,
            ]}
          />
        </Card>
      )}

      {problem !== null && (
        <ApiProblem error={problem} testId={fileProblem ? 'file-problems' : 'import-problem'} title={fileProblem ? t('imp.problems') : undefined} />
      )}

      <div className="step-actions">
        {step === 0 && (
          <Button type="primary" loading={busy} onClick={() => void read()} data-testid="read-list">
            {t('imp.readList')}
          </Button>
        )}
        {step === 1 && (
          <Space>
            <Button onClick={() => { setProblem(null); setStep(0); }}>{t('imp.prev')}</Button>
            <Button
              type="primary"
              loading={busy}
              disabled={mapping.columns.name === undefined}
              onClick={() => void preview()}
              data-testid="make-preview"
            >
              {t('imp.makePreview')}
            </Button>
          </Space>
        )}
        {step === 2 && summary && (
          <Space>
            <Button onClick={() => { setProblem(null); setStep(1); }}>{t('imp.prev')}</Button>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setApplying(true)} data-testid="apply-import">
              {t('imp.apply')}
            </Button>
          </Space>
        )}
      </div>
    </div>
  );
}
