import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endSession } from './end-session';
import { useMe } from './use-me';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (!me.data) return null;
  const { user } = me.data;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={user.name}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="nanshan">
              {user.name.slice(0, 1)}
            </Avatar>
            <Text size="sm" visibleFrom="md" maw={200} truncate>
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.email} · {t(`role.${user.role}`)}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          data-testid="sign-out"
          onClick={() => void endSession().then(() => navigate('/sign-in', { replace: true }))}
        >
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
