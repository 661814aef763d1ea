import { Button, Container } from '@mantine/core';
import { AppFrame, DocumentTitle } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { AdminGuard } from '../features/session/AdminGuard';
import { UserMenu } from '../features/session/UserMenu';

function NavItem({
  to,
  label,
  testId,
  onClick,
}: {
  to: string;
  label: string;
  testId: string;
  onClick: () => void;
}) {
  return (
    <NavLink to={to} end={to === '/'} onClick={onClick} style={{ textDecoration: 'none' }}>
      {({ isActive }) => (
        <Button
          component="span"
          variant={isActive ? 'light' : 'subtle'}
          size="sm"
          fullWidth
          justify="flex-start"
          data-testid={testId}
          data-active={isActive || undefined}
        >
          {label}
        </Button>
      )}
    </NavLink>
  );
}

/** The staff console's sections, in the order of the daily work. */
const SECTIONS = [
  'overview',
  'enterprises',
  'providers',
  'grants',
  'fund',
  'settlement',
  'reports',
  'audit',
  'parameters',
  'incubator',
  'orders',
] as const;

/** Every page but sign-in: staff only. */
export function GuardedLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <AppFrame
      productName={t('app.name')}
      tagline={t('app.tagline')}
      onHome={() => void navigate('/')}
      userMenu={<UserMenu />}
      navPlacement="sidebar"
      nav={(close) => (
        <>
          {SECTIONS.map((section) => (
            <NavItem
              key={section}
              to={section === 'overview' ? '/' : `/${section}`}
              label={t(`nav.${section}`)}
              testId={`nav-${section}`}
              onClick={close}
            />
          ))}
        </>
      )}
    >
      <DocumentTitle title={t('app.name')} />
      <Container size="xl" px={0}>
        <AdminGuard>
          <Outlet />
        </AdminGuard>
      </Container>
    </AppFrame>
  );
}

/** The sign-in page: no navigation, only the language switch. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <AppFrame productName={t('app.name')} tagline={t('app.tagline')}>
      <DocumentTitle title={t('app.name')} />
      <Container size="xl" px={0}>
        <Outlet />
      </Container>
    </AppFrame>
  );
}
