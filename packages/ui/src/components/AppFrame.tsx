import { AppShell, Burger, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export interface AppFrameProps {
  productName: ReactNode;
  /** Small line under the product name, e.g. the district's name or "Staff console". */
  tagline?: ReactNode;
  /** Navigation links; shown in the header on wide screens and in a drawer on phones. */
  nav?: (close: () => void) => ReactNode;
  /** The signed-in user's menu, or a sign-in link. */
  userMenu?: ReactNode;
  onHome?: () => void;
  /** `header` (default): links in the header on wide screens. `sidebar`: a side bar from `sm` up, for long menus. */
  navPlacement?: 'header' | 'sidebar';
  children: ReactNode;
}

/** The page frame shared by both apps: header with product name, navigation, language switch and user menu. */
export function AppFrame({
  productName,
  tagline,
  nav,
  userMenu,
  onHome,
  navPlacement = 'header',
  children,
}: AppFrameProps) {
  const { t } = useTranslation('ui');
  const [opened, { toggle, close }] = useDisclosure(false);
  const sidebar = navPlacement === 'sidebar';
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{
        width: sidebar ? 220 : 260,
        breakpoint: 'sm',
        collapsed: { mobile: !opened, desktop: !sidebar },
      }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {nav ? (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('frame.toggleNav')}
              />
            ) : null}
            <UnstyledButton onClick={onHome} data-testid="app-home">
              <Text fw={700} fz={{ base: 'md', sm: 'lg' }} c="nanshan.8" lh={1.1}>
                {productName}
              </Text>
              {tagline ? (
                <Text size="xs" c="dimmed" lh={1.2} visibleFrom="xs">
                  {tagline}
                </Text>
              ) : null}
            </UnstyledButton>
            {nav && !sidebar ? (
              <Group gap={4} ml="lg" visibleFrom="sm" component="nav">
                {nav(close)}
              </Group>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {userMenu}
          </Group>
        </Group>
      </AppShell.Header>
      {nav ? (
        <AppShell.Navbar p="md">
          {/* Rendered only while open (or as the side bar), so links (and their test ids) exist once in the page. */}
          {opened || sidebar ? (
            <Stack gap={4} component="nav">
              {nav(close)}
            </Stack>
          ) : null}
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
