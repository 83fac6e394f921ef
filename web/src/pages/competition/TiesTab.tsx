/**
 * 回避申报: the declared ties of an edition's judges (declared by the judge or recorded by the
 * organiser), each withdrawable; a new tie removes the conflicted, unscored assignments at once.
 */
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { declareTie, deleteTie, fetchJudges, fetchTies, type Edition, type Judge, type Tie } from './api.ts';
import { problemText } from './SetupTab.tsx';

export function TiesTab({ edition }: { edition: Edition }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Tie[]>([]);
  const [judges, setJudges] = useState<Judge[]>([]);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    void fetchTies(edition.id).then(setRows);
    void fetchJudges(edition.id).then(setJudges);
  }, [edition.id]);
  useEffect(load, [load]);
  const submit = async (v: { judgeId: number; organisation: string; note: string }) => {
    try {
      const r = await declareTie(edition.id, v);
      message.success(t('comp.ties.declared', { n: r.removedAssignments }));
      form.resetFields();
      load();
    } catch (e) {
      message.error(problemText(e, pick));
    }
  };
  const remove = async (id: number) => {
    try {
      await deleteTie(edition.id, id);
      load();
    } catch (e) {
      message.error(problemText(e, pick));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="ties-tab">
      <Card size="small" title={t('comp.ties.record')}>
        <Form form={form} layout="inline" onFinish={(v) => void submit(v as never)}>
          <Form.Item name="judgeId" rules={[{ required: true, message: t('comp.ties.judge') }]}>
            <Select
              style={{ width: 220 }}
              placeholder={t('comp.ties.judge')}
              data-testid="tie-judge"
              showSearch
              optionFilterProp="label"
              options={judges.map((j) => ({ value: j.id, label: `${j.name}${j.organisation ? `（${j.organisation}）` : ''}` }))}
            />
          </Form.Item>
          <Form.Item name="organisation" rules={[{ required: true, message: t('comp.ties.organisation') }]}>
            <Input placeholder={t('comp.ties.organisation')} data-testid="tie-organisation" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="note" rules={[{ required: true, message: t('comp.ties.note') }]}>
            <Input placeholder={t('comp.ties.note')} data-testid="tie-note" style={{ width: 220 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="tie-submit">
            {t('comp.ties.add')}
          </Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        data-testid="ties-table"
        pagination={{ pageSize: 20 }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t('comp.ties.judge'),
            render: (_: unknown, r: Tie) => `${r.judgeName}${r.judgeOrganisation ? `（${r.judgeOrganisation}）` : ''}`,
          },
          {
            title: t('comp.ties.target'),
            render: (_: unknown, r: Tie) => (r.code ? `${r.code} ${r.projectName ?? ''}` : r.organisation),
          },
          { title: t('comp.ties.note'), dataIndex: 'note' },
          {
            title: t('comp.ties.by'),
            width: 150,
            render: (_: unknown, r: Tie) =>
              r.selfDeclared ? <Tag color="blue">{t('comp.ties.self')}</Tag> : <Tag>{r.declaredByName ?? ''}</Tag>,
          },
          { title: t('comp.ties.at'), dataIndex: 'declaredAt', width: 110, render: (v: string) => v.slice(0, 10) },
          {
            title: '',
            width: 80,
            render: (_: unknown, r: Tie) => (
              <Popconfirm title={t('comp.ties.deleteConfirm')} onConfirm={() => void remove(r.id)}>
                <Button size="small" danger data-testid="tie-delete">
                  {t('comp.ties.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** The judge's own ties, for the phone view: declare one by organisation, withdraw one. */
export function MyTies({ edition }: { edition: Edition }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Tie[]>([]);
  const [form] = Form.useForm();
  const load = useCallback(() => void fetchTies(edition.id).then(setRows), [edition.id]);
  useEffect(load, [load]);
  const submit = async (v: { organisation: string; note: string }) => {
    try {
      const r = await declareTie(edition.id, v);
      message.success(t('comp.ties.declared', { n: r.removedAssignments }));
      form.resetFields();
      load();
    } catch (e) {
      message.error(problemText(e, pick));
    }
  };
  return (
    <Card size="small" title={t('comp.ties.mine', { year: edition.year })} data-testid="my-ties" style={{ marginBottom: 12 }}>
      {rows.map((r) => (
        <div
          key={r.id}
          style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 6 }}
          data-testid="my-tie"
        >
          <span>
            {r.code ?? r.organisation} · {r.note}
          </span>
          <Button size="small" danger onClick={() => void deleteTie(edition.id, r.id).then(load)}>
            {t('comp.ties.delete')}
          </Button>
        </div>
      ))}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v as never)}>
        <Form.Item
          name="organisation"
          rules={[{ required: true, message: t('comp.ties.organisation') }]}
          style={{ marginBottom: 8 }}
        >
          <Input placeholder={t('comp.ties.organisation')} data-testid="my-tie-organisation" />
        </Form.Item>
        <Form.Item name="note" rules={[{ required: true, message: t('comp.ties.note') }]} style={{ marginBottom: 8 }}>
          <Input placeholder={t('comp.ties.note')} data-testid="my-tie-note" />
        </Form.Item>
        <Button block htmlType="submit" data-testid="my-tie-submit">
          {t('comp.ties.declare')}
        </Button>
      </Form>
    </Card>
  );
}
