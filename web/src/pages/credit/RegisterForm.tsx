/** The agency's register form: the decision's fields, a live computation of class and periods, then registration. */
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import {
  PENALTY_TYPES,
  PENALTY_ZH,
  SECTORS,
  SECTOR_ZH,
  creditApi,
  type Assessment,
  type DecisionDetail,
  type DecisionInput,
  type PenaltyType,
} from './api.ts';
import { Explanation } from './Explanation.tsx';
import { SeverityTag } from './shared.tsx';

interface Values {
  partyName: string;
  uscc: string;
  decisionNo: string;
  decisionDate: Dayjs;
  procedure: 'simple' | 'ordinary';
  sector?: string;
  penalties: { type: PenaltyType; amountYuan?: number | null; months?: number | null }[];
  legalBasis: string;
  violation?: string;
  agencySeverity?: 'minor' | 'general' | 'serious';
  publishMinor?: boolean;
  lowAmountFine?: boolean;
}

const FIELDS = [
  'partyName',
  'uscc',
  'decisionNo',
  'decisionDate',
  'procedure',
  'sector',
  'legalBasis',
  'violation',
  'agencySeverity',
] as const;

function toInput(v: Values): DecisionInput {
  return {
    partyName: v.partyName ?? '',
    uscc: v.uscc ?? '',
    decisionNo: v.decisionNo ?? '',
    decisionDate: v.decisionDate ? v.decisionDate.format('YYYY-MM-DD') : '',
    procedure: v.procedure,
    ...(v.sector ? { sector: v.sector } : {}),
    penalties: (v.penalties ?? []).filter(Boolean).map((p) => ({
      type: p.type,
      ...(p.amountYuan != null ? { amountYuan: p.amountYuan } : {}),
      ...(p.months != null ? { months: p.months } : {}),
    })),
    legalBasis: v.legalBasis ?? '',
    ...(v.violation ? { violation: v.violation } : {}),
    agencySeverity: v.agencySeverity ?? null,
    publishMinor: v.publishMinor ?? false,
    lowAmountFine: v.lowAmountFine ?? false,
  };
}

export function AssessmentCard({ a }: { a: Assessment }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('credit.explanation')} data-testid="credit-assessment">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('credit.ruleSet')}>{a.ruleSet.titleZh}</Descriptions.Item>
        <Descriptions.Item label={t('credit.severity')}>
          <SeverityTag severity={a.severity} /> {a.noticeRequired ? t('credit.noticeRequired') : t('credit.noticeNotRequired')}
        </Descriptions.Item>
        <Descriptions.Item label={t('credit.earliestRepair')}>
          <span className="num" data-testid="credit-earliest">
            {a.published ? (a.earliestRepairOn ?? '—') : t('credit.notPublished')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('credit.publicityEnds')}>
          <span className="num">{a.publicityEndsOn ?? '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      <Explanation steps={a.steps} />
    </Card>
  );
}

export function RegisterForm({ onRegistered }: { onRegistered: (d: DecisionDetail) => void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<Assessment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = (pair: [string, string]) => pair[lang === 'zh' ? 0 : 1];

  const showError = (e: unknown) => {
    const f = fieldErrors(e, pick, FIELDS);
    form.setFields(f.onForm);
    setProblem(f.leftOver.length ? f.leftOver.join('；') : f.onForm.length ? null : errorText(e, pick));
  };

  const run = async (register: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const input = toInput(form.getFieldsValue(true) as Values);
      if (register) {
        const d = await creditApi.register(input);
        void message.success(t('credit.registered', { no: d.decision.noticeNo ?? '' }));
        form.resetFields();
        setPreview(null);
        onRegistered(d);
      } else setPreview(await creditApi.preview(input));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Form
          form={form}
          layout="vertical"
          data-testid="credit-register-form"
          initialValues={{ procedure: 'ordinary', decisionDate: dayjs(), penalties: [{ type: 'fine' }] }}
          onFinish={() => void run(true)}
        >
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item
                name="partyName"
                label={t('credit.partyName')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input data-testid="credit-party" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="uscc" label={t('credit.uscc')} rules={[{ required: true, message: t('common.required') }]}>
                <Input data-testid="credit-uscc" className="num" maxLength={18} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                name="decisionNo"
                label={t('credit.decisionNo')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input data-testid="credit-decision-no" />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item
                name="decisionDate"
                label={t('credit.decisionDate')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="credit-decision-date" />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item name="procedure" label={t('credit.procedure')}>
                <Select
                  options={[
                    { value: 'ordinary', label: t('credit.procedure.ordinary') },
                    { value: 'simple', label: t('credit.procedure.simple') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('credit.penalties')} required>
            <Form.List name="penalties">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'type']} noStyle>
                        <Select
                          style={{ width: 210 }}
                          options={PENALTY_TYPES.map((p) => ({ value: p, label: name(PENALTY_ZH[p]) }))}
                          data-testid={`credit-penalty-type-${i}`}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'amountYuan']} noStyle>
                        <InputNumber
                          min={1}
                          precision={0}
                          placeholder={t('credit.amountYuan')}
                          style={{ width: 150 }}
                          data-testid={`credit-penalty-amount-${i}`}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'months']} noStyle>
                        <InputNumber min={1} max={240} precision={0} placeholder={t('credit.months')} style={{ width: 110 }} />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'fine' })}>
                    {t('credit.addPenalty')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="legalBasis" label={t('credit.legalBasis')} rules={[{ required: true, message: t('common.required') }]}>
            <Input data-testid="credit-legal-basis" />
          </Form.Item>
          <Form.Item name="violation" label={t('credit.violation')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="sector" label={t('credit.sector')}>
                <Select allowClear options={SECTORS.map((s) => ({ value: s, label: name(SECTOR_ZH[s]) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="agencySeverity" label={t('credit.agencySeverity')}>
                <Select
                  allowClear
                  options={(['minor', 'general', 'serious'] as const).map((s) => ({
                    value: s,
                    label: t(`credit.severity.${s}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="publishMinor" valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>{t('credit.publishMinor')}</Checkbox>
              </Form.Item>
              <Form.Item name="lowAmountFine" valuePropName="checked">
                <Checkbox>{t('credit.lowAmountFine')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          {problem && (
            <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="credit-form-error" />
          )}
          <Space>
            <Button onClick={() => void run(false)} loading={busy} data-testid="credit-preview">
              {t('credit.preview')}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="credit-register">
              {t('credit.register')}
            </Button>
          </Space>
        </Form>
      </Col>
      <Col xs={24} xl={10}>
        {preview && <AssessmentCard a={preview} />}
      </Col>
    </Row>
  );
}
