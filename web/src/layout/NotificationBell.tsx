/**
 * The bell in the header: unread notifications ("a case waits for you"), refreshed every minute
 * and on every page change; a click marks one read and opens what it points to.
 */
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';
import * as api from '../pages/cases/api.ts';
import { formatDateTime } from '../pages/cases/casesShared.tsx';

export function NotificationBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [items, setItems] = useState<api.Notification[]>([]);
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    api.listNotifications(true).then(setItems, () => setItems([]));
  }, []);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, 60_000);
    return () => window.clearInterval(timer);
  }, [load, location.pathname]);

  async function openOne(n: api.Notification) {
    try {
      await api.markRead(n.id);
    } catch {
      // Reading it is what matters; the count is refreshed below either way.
    }
    setOpen(false);
    load();
    if (n.link) navigate(n.link);
  }

  async function readAll() {
    await Promise.all(items.map((n) => api.markRead(n.id).catch(() => undefined)));
    load();
  }

  const content = (
    <div style={{ width: 380, maxHeight: 440, overflow: 'auto' }} data-testid="notifications">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.none')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 50)}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => void openOne(n)} data-testid="notification">
              <List.Item.Meta
                title={<span style={{ fontWeight: 400 }}>{lang === 'zh' ? n.textZh : n.textEn}</span>}
                description={
                  <Typography.Text type="secondary" className="small-text">
                    {formatDateTime(n.createdAt)} · {t(`notif.kind.${n.kind}`)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('notif.title', { n: items.length })}</span>
          {items.length > 0 && (
            <Button size="small" type="link" onClick={() => void readAll()} data-testid="notifications-read-all">
              {t('notif.readAll')}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Badge count={items.length} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          className="app-header-button"
          icon={<BellOutlined />}
          data-testid="notification-bell"
          aria-label={t('notif.title', { n: items.length })}
        />
      </Badge>
    </Popover>
  );
}
