import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateTime, Money } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnterpriseOptions, EnterpriseProfile } from '../../lib/api-types';
import { useEnterpriseLabels } from './labels';

function Fact({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** The facts the enterprise registered, as the rules read them; owners get an edit button. */
export function ProfileFacts({
  profile,
  options,
}: {
  profile: EnterpriseProfile;
  options: EnterpriseOptions | undefined;
}) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels(options);
  const yesNo = (v: boolean) => (v ? t('enterprise.yes') : t('enterprise.no'));
  return (
    <Card data-testid="profile-facts">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('enterprise.profile.facts')}</Title>
          {profile.myRole === 'owner' ? (
            <Button
              component={Link}
              to="/enterprise/edit"
              variant="light"
              size="xs"
              data-testid="enterprise-edit"
            >
              {t('enterprise.profile.edit')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="md">
          <Fact label={t('enterprise.fields.uscc')}>
            <Text span ff="monospace" size="sm">
              {profile.uscc}
            </Text>
          </Fact>
          <Fact label={t('enterprise.fields.district')} testId="profile-district">
            {labels.district(profile.district)}
          </Fact>
          <Fact label={t('enterprise.profile.registeredInNanshan')}>
            {yesNo(profile.registeredInNanshan)}
          </Fact>
          <Fact label={t('enterprise.fields.legalStatus')}>{labels.legalStatus(profile.legalStatus)}</Fact>
          <Fact label={t('enterprise.fields.industry')}>{labels.industry(profile.industry)}</Fact>
          <Fact label={t('enterprise.fields.employees')} testId="profile-employees">
            {profile.employees.toLocaleString()}
          </Fact>
          <Fact label={t('enterprise.fields.revenue')}>
            <Money fen={profile.revenueFen} data-testid="profile-revenue" />
          </Fact>
          <Fact label={t('enterprise.fields.assets')}>
            <Money fen={profile.assetsFen} data-testid="profile-assets" />
          </Fact>
          <Fact label={t('enterprise.fields.techSme')}>{yesNo(profile.techSmeRegistered)}</Fact>
          <Fact label={t('enterprise.fields.aiActivity')}>{labels.aiActivity(profile.aiActivity)}</Fact>
          <Fact label={t('enterprise.profile.createdAt')}>
            <DateTime value={profile.createdAt} size="sm" />
          </Fact>
          <Fact label={t('enterprise.profile.myRole')}>{t(`enterprise.role.${profile.myRole}`)}</Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
