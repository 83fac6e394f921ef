/**
 * `/imports/:id`: one import — what it records, from which file, how its columns were read — and
 * its rows with their verdicts. A preview is decided and applied here; an applied import can be
 * reverted (refused by the API once money is paid) and its unmatched rows exported.
 */
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, FileExcelOutlined, RollbackOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import * as api from '../../api/endpoints.ts';
import type { ImportSummary } from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { canImportLists } from '../../layout/nav.ts';
import { errorText } from '../../util/errors.ts';
import { ApplyDialog, RevertDialog } from './ImportDialogs.tsx';
import { ImportCountCards, ImportRowsTable, useUndecided } from './ImportReview.tsx';
import { ImportStatusTag, fileSize, formatDateTime, importTitle } from './importShared.tsx';
import { MappingSummary } from './MappingSummary.tsx';

export function ImportInfo({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  const ref = useReferenceData();
  const applied = summary.counts.applied;
  const reverted = summary.counts.reverted;
  return (
    <Card size="small" className="section-card" title={t('imp.detail.info')} data-testid="import-info">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('imp.col.title')}>{importTitle(summary, ref)}</Descriptions.Item>
        <Descriptions.Item label={t('title.recognisedOn')}>{summary.recognisedOn}</Descriptions.Item>
        <Descriptions.Item label={t('title.validUntil')}>{summary.validUntil ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('imp.detail.file')}>
          <Space size={4} wrap>
            <span>{summary.sourceType === 'text' && summary.fileName === 'pasted.txt' ? t('imp.source.text') : summary.fileName}</span>
            <Typography.Text type="secondary">({summary.sourceType.toUpperCase()}, {fileSize(summary.fileSize)})</Typography.Text>
            <a href={api.importFileUrl(summary.id)} data-testid="download-original">
              <DownloadOutlined /> {t('imp.detail.download')}
            </a>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('imp.col.createdBy')}>
          <span className="num">{`${summary.createdByName} · ${formatDateTime(summary.createdAt)}`}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('imp.defaultRecognition')}>{t(`imp.recognition.${summary.defaultRecognition}`)}</Descriptions.Item>
        {summary.mapping && (
          <Descriptions.Item label={t('imp.detail.mapping')} span={3}>
            <MappingSummary mapping={summary.mapping} />
          </Descriptions.Item>
        )}
        {summary.appliedAt && (
          <Descriptions.Item label={t('imp.detail.appliedAt')}>
            <span className="num">{formatDateTime(summary.appliedAt)}</span>
          </Descriptions.Item>
        )}
        {applied && (
          <Descriptions.Item label={t('imp.detail.applied')} span={2}>
            <span data-testid="applied-counts">{t('imp.appliedCounts', { ...applied })}</span>
          </Descriptions.Item>
        )}
        {summary.revertedAt && (
          <Descriptions.Item label={t('imp.detail.revertedAt')}>
            <span className="num">{formatDateTime(summary.revertedAt)}</span>
          </Descriptions.Item>
        )}
        {summary.revertReason && <Descriptions.Item label={t('imp.detail.revertReason')}>{summary.revertReason}</Descriptions.Item>}
        {reverted && (
          <Descriptions.Item label={t('imp.detail.reverted')} span={3}>
            <span data-testid="reverted-counts">{t('imp.detail.revertedCounts', { ...reverted })}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export default function ImportPage() {
  const params = useParams();
  const id = Number(params.id);
  const { t, pick } = useI18n();
  const user = useUser();
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [applying, setApplying] = useState(false);
  const [reverting, setReverting] = useState(false);
  const [rowsKey, setRowsKey] = useState(0);
  const [decisions, setDecisions] = useState(0);
  const undecided = useUndecided(summary, decisions);

  const load = useCallback(() => {
    setError(null);
    return api.getImport(id, { pageSize: 1 }).then((d) => setSummary(d.import), setError);
  }, [id]);
  useEffect(() => {
    setSummary(null);
    void load();
  }, [load]);

  if (!canImportLists(user)) return <Alert type="warning" showIcon title={t('imp.forbidden')} data-testid="imports-forbidden" />;
  if (error) {
    const notFound = error instanceof ApiError && error.id === 'not_found';
    return <Alert type={notFound ? 'warning' : 'error'} showIcon title={errorText(error, pick)} data-testid="import-error" />;
  }
  if (!summary) return <PageSpinner />;

  const changed = (next: ImportSummary) => {
    setSummary(next);
    setRowsKey((k) => k + 1);
  };

  return (
    <div data-testid="import-page">
      <div className="page-header">
        <Space size={12} wrap>
          <Typography.Title level={3} data-testid="import-title">
            {t('imp.detail.title', { id: summary.id })}
          </Typography.Title>
          <ImportStatusTag status={summary.status} />
        </Space>
        <Space wrap>
          <Link to="/imports">
            <Button>{t('common.back')}</Button>
          </Link>
          {summary.status !== 'preview' && (
            <Button icon={<FileExcelOutlined />} href={api.importUnmatchedUrl(summary.id)} data-testid="export-unmatched">
              {t('imp.exportUnmatched')}
            </Button>
          )}
          {summary.status === 'preview' && (
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setApplying(true)} data-testid="apply-import">
              {t('imp.apply')}
            </Button>
          )}
          {summary.status === 'applied' && (
            <Button danger icon={<RollbackOutlined />} onClick={() => setReverting(true)} data-testid="revert-import">
              {t('imp.revert')}
            </Button>
          )}
        </Space>
      </div>
      {summary.status === 'preview' && (
        <Alert
          className="section-card"
          type={undecided ? 'warning' : 'info'}
          showIcon
          title={undecided ? t('imp.undecided', { n: undecided }) : t('imp.previewHint')}
          data-testid="undecided-alert"
        />
      )}
      {summary.status === 'reverted' && summary.revertReason && (
        <Alert className="section-card" type="info" showIcon title={t('imp.revertReasonLine', { reason: summary.revertReason })} />
      )}
      <ImportInfo summary={summary} />
      <ImportCountCards summary={summary} />
      <ImportRowsTable summary={summary} reloadKey={rowsKey} onDecided={() => setDecisions((n) => n + 1)} />
      <ApplyDialog
        summary={summary}
        open={applying}
        onClose={() => setApplying(false)}
        onApplied={(next) => {
          setApplying(false);
          changed(next);
        }}
      />
      <RevertDialog
        summary={summary}
        open={reverting}
        onClose={() => setReverting(false)}
        onReverted={(next) => {
          setReverting(false);
          changed(next);
        }}
      />
    </div>
  );
}
