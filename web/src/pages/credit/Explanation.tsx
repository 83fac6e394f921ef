/** The steps of a computation: what was decided, under which article, with which parameter values (and their unverified notes). */
import { Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import type { Step } from './api.ts';

export function Explanation({ steps }: { steps: Step[] }) {
  const { pick } = useI18n();
  return (
    <ol className="credit-steps" data-testid="credit-explanation">
      {steps.map((s) => {
        const unverified = [...s.references, ...s.parameters.map((p) => p.reference)].filter((r) => r.unverified);
        return (
          <li key={s.id}>
            <Typography.Text>{pick(s)}</Typography.Text>
            {s.references[0] && (
              <Typography.Text type="secondary" className="small-text">
                {' '}
                〔{s.references[0].document} {s.references[0].clause}〕
              </Typography.Text>
            )}
            {s.parameters.length > 0 && (
              <Typography.Text type="secondary" className="small-text">
                {' '}
                {s.parameters.map((p) => `${p.id}=${Array.isArray(p.value) ? p.value.join('/') : String(p.value)}`).join('，')}
              </Typography.Text>
            )}
            {unverified.length > 0 && (
              <Tooltip title={unverified.map((r) => r.unverified).join(' / ')}>
                <ExclamationCircleOutlined style={{ color: '#d48806', marginLeft: 6 }} />
              </Tooltip>
            )}
          </li>
        );
      })}
    </ol>
  );
}
