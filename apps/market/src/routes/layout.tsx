import { Button, Container } from '@mantine/core';
import { AppFrame, DocumentTitle } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { UserMenu } from '../features/session/UserMenu';
import { useMe } from '../features/session/use-me';

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
        <Button component="span" variant={isActive ? 'light' : 'subtle'} size="sm" data-testid={testId}>
          {label}
        </Button>
      )}
    </NavLink>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const isSme = me.data?.user.role === 'sme';
  return (
    <AppFrame
      productName={t('app.name')}
      tagline={t('app.tagline')}
      onHome={() => void navigate('/')}
      userMenu={<UserMenu />}
      nav={(close) => (
        <>
          <NavItem to="/" label={t('nav.catalogue')} testId="nav-catalogue" onClick={close} />
          {isSme ? (
            <>
              <NavItem to="/orders" label={t('nav.orders')} testId="nav-orders" onClick={close} />
              <NavItem to="/dashboard" label={t('nav.dashboard')} testId="nav-dashboard" onClick={close} />
            </>
          ) : null}
        </>
      )}
    >
      <DocumentTitle title={t('app.name')} />
      <Container size="lg" px={0}>
        <Outlet />
      </Container>
    </AppFrame>
  );
}
