/** Welcome and the counts this role may see, taken from the list endpoints' totals. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import * as api from '../api/endpoints.ts';
import type { TitleKind } from '../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { useReferenceData } from '../auth/ReferenceData.tsx';
import { useI18n } from '../i18n/index.tsx';
import { canBrowseCarriers, canBrowseEnterprises } from '../layout/nav.ts';
import { TITLE_ORDER } from '../components/TitleTags.tsx';

interface Counts {
  enterprises: number | null;
  carriers: number | null;
  byTitle: Partial<Record<TitleKind, number>>;
}

/** `pageSize=1` because only `total` is wanted; the server does the counting within its scope. */
async function loadCounts(withEnterprises: boolean, withCarriers: boolean): Promise<Counts> {
  const total = (p: Promise<{ total: number }>) => p.then((r) => r.total).catch(() => null);
  const [enterprises, carriers, ...titles] = await Promise.all([
    withEnterprises ? total(api.listEnterprises({ pageSize: 1 })) : Promise.resolve(null),
    withCarriers ? total(api.listCarriers({ pageSize: 1 })) : Promise.resolve(null),
    ...TITLE_ORDER.map((kind) =>
      withEnterprises ? total(api.listEnterprises({ pageSize: 1, titleKind: kind })) : Promise.resolve(null),
    ),
  ]);
  const byTitle: Partial<Record<TitleKind, number>> = {};
  TITLE_ORDER.forEach((kind, i) => {
    const n = titles[i];
    if (typeof n === 'number') byTitle[kind] = n;
  });
  return { enterprises: enterprises ?? null, carriers: carriers ?? null, byTitle };
}

function CountCard({ title, value, to, testId }: { title: string; value: number; to?: string; testId: string }) {
  const body = (
    <Card hoverable={Boolean(to)} data-testid={testId}>
      <Statistic title={title} value={value} />
    </Card>
  );
  return <Col xs={24} sm={12} lg={6}>{to ? <Link to={to}>{body}</Link> : body}</Col>;
}

export default function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const ref = useReferenceData();
  const [counts, setCounts] = useState<Counts | null>(null);
  const withEnterprises = canBrowseEnterprises(user);
  const withCarriers = canBrowseCarriers(user);

  useEffect(() => {
    if (withEnterprises || withCarriers) void loadCounts(withEnterprises, withCarriers).then(setCounts);
  }, [withEnterprises, withCarriers]);

  return (
    <div data-testid="home-page">
      <Typography.Title level={3}>{t('home.welcome', { name: user.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      {!withEnterprises && !withCarriers && <Typography.Paragraph>{t('home.noRegistry')}</Typography.Paragraph>}
      {counts && (
        <Row gutter={[16, 16]}>
          {counts.enterprises !== null && (
            <CountCard title={t('home.enterprises')} value={counts.enterprises} to="/enterprises" testId="count-enterprises" />
          )}
          {counts.carriers !== null && (
            <CountCard title={t('home.carriers')} value={counts.carriers} to="/carriers" testId="count-carriers" />
          )}
          {TITLE_ORDER.map((kind) => {
            const n = counts.byTitle[kind];
            return n === undefined ? null : (
              <CountCard
                key={kind}
                title={t('home.withTitle', { title: ref.titleKind(kind) })}
                value={n}
                to={`/enterprises?titleKind=${kind}`}
                testId={`count-title-${kind}`}
              />
            );
          })}
        </Row>
      )}
    </div>
  );
}
