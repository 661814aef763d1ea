import { Button, Container } from '@mantine/core';
import { AppFrame, DocumentTitle } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
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
    <NavLink
      to={to}
      end={to === '/' || to === '/enterprise' || to === '/provider'}
      onClick={onClick}
      style={{ textDecoration: 'none' }}
    >
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
  const role = me.data?.user.role;
  const hasEnterprise = Boolean(me.data?.enterprise);
  // Tenants of the incubation space get its page in the menu (Art. 10); the query is cached for the session.
  const incubator = useQuery(
    trpc.incubator.mine.queryOptions(undefined, {
      enabled: role === 'sme' && hasEnterprise,
      staleTime: 300_000,
    }),
  );
  return (
    <AppFrame
      productName={t('app.name')}
      tagline={t('app.tagline')}
      onHome={() => void navigate('/')}
      userMenu={<UserMenu />}
      nav={(close) => (
        <>
          <NavItem to="/" label={t('nav.catalogue')} testId="nav-catalogue" onClick={close} />
          {role === 'sme' ? (
            <>
              <NavItem to="/dashboard" label={t('nav.dashboard')} testId="nav-dashboard" onClick={close} />
              {hasEnterprise ? (
                <>
                  <NavItem to="/orders" label={t('nav.orders')} testId="nav-orders" onClick={close} />
                  <NavItem to="/grants" label={t('nav.grants')} testId="nav-grants" onClick={close} />
                </>
              ) : null}
              <NavItem to="/enterprise" label={t('nav.enterprise')} testId="nav-enterprise" onClick={close} />
              {incubator.data ? (
                <NavItem to="/incubator" label={t('nav.incubator')} testId="nav-incubator" onClick={close} />
              ) : null}
            </>
          ) : null}
          {role === 'provider' ? (
            <>
              <NavItem
                to="/provider"
                label={t('nav.providerDashboard')}
                testId="nav-provider-dashboard"
                onClick={close}
              />
              <NavItem
                to="/provider/offerings"
                label={t('nav.providerOfferings')}
                testId="nav-provider-offerings"
                onClick={close}
              />
              <NavItem
                to="/provider/profile"
                label={t('nav.providerProfile')}
                testId="nav-provider-profile"
                onClick={close}
              />
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
