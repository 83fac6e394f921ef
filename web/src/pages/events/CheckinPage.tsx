/**
 * `/events/check-in?t=…` — what an organiser's phone opens by scanning a participant's QR code:
 * the participant in full (to compare with the person in front of them) and one button.
 */
import { Alert, Button, Card, Descriptions, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { checkin, previewCheckin, type Enrolment, type EventItem } from './api.ts';
import { timeRange } from './shared.tsx';

export default function CheckinPage() {
  const { t, pick } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const [data, setData] = useState<{ enrolment: Enrolment; event: EventItem; alreadyCheckedIn: boolean } | null>(null);
  const [done, setDone] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    previewCheckin(token)
      .then(setData)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [token]);
  const confirm = async () => {
    try {
      const r = await checkin(token);
      setData(r);
      setDone(r.alreadyCheckedIn);
    } catch (e) {
      setError(errorText(e, pick));
    }
  };
  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }} data-testid="checkin-page">
      <Typography.Title level={3}>{t('ev.checkinTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="checkin-error" />}
      {data && (
        <Card>
          {done !== null || data.alreadyCheckedIn ? (
            <Result
              status={done === false ? 'success' : 'info'}
              title={done === false ? t('ev.checkinDone') : t('ev.checkinAlready')}
              subTitle={`${data.enrolment.participant.name} · ${data.enrolment.enterpriseName}`}
              data-testid="checkin-result"
            />
          ) : (
            <>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('ev.col.title')}>{data.event.title}</Descriptions.Item>
                <Descriptions.Item label={t('ev.col.time')}>{timeRange(data.event)}</Descriptions.Item>
                <Descriptions.Item label={t('ev.col.participant')}>
                  <Typography.Text strong style={{ fontSize: 18 }}>
                    {data.enrolment.participant.name}
                  </Typography.Text>{' '}
                  · {data.enrolment.participant.position}
                </Descriptions.Item>
                <Descriptions.Item label={t('ev.col.enterprise')}>{data.enrolment.enterpriseName}</Descriptions.Item>
                <Descriptions.Item label={t('ev.col.phone')}>{data.enrolment.participant.phone}</Descriptions.Item>
              </Descriptions>
              <Button
                type="primary"
                size="large"
                block
                style={{ marginTop: 16, height: 56 }}
                onClick={() => void confirm()}
                data-testid="checkin-confirm"
              >
                {t('ev.checkinConfirm')}
              </Button>
            </>
          )}
        </Card>
      )}
    </div>
  );
}
