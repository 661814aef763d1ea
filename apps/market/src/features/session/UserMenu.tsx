import { Avatar, Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from './use-me';
import { useSignOut } from './use-sign-out';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <Button component={Link} to="/sign-in" size="xs" data-testid="nav-sign-in">
        {t('nav.signIn')}
      </Button>
    );
  }
  const { user, enterprise } = me.data;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={user.name}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="nanshan">
              {user.name.slice(0, 1)}
            </Avatar>
            <Text size="sm" visibleFrom="md" maw={180} truncate>
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.email} · {t(`role.${user.role}`)}
        </Menu.Label>
        {enterprise ? <Menu.Label>{enterprise.name}</Menu.Label> : null}
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()} data-testid="sign-out">
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
