import { Accordion, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { DateTime, QueryState, StateBadge, useLanguage } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../features/common/PageHeader';
import { DraftDialog } from '../features/parameters/DraftDialog';
import { ParamValue } from '../features/parameters/ParamValue';
import { SegmentActions } from '../features/parameters/SegmentActions';
import { isEditableUnit } from '../features/parameters/values';
import type { Parameter } from '../lib/api-types';

const SEGMENT_COLORS = { draft: 'yellow', published: 'teal', withdrawn: 'gray' } as const;

function ParameterPanel({ param, onDraft }: { param: Parameter; onDraft: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('parameters.rulesSegments')}
        </Text>
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('parameters.period')}</Table.Th>
                <Table.Th>{t('parameters.value')}</Table.Th>
                <Table.Th>{t('parameters.citation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {param.segments.map((s) => (
                <Table.Tr key={s.from} data-testid="param-rules-segment">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {s.from} – {s.to ?? t('parameters.openEnded')}
                  </Table.Td>
                  <Table.Td>
                    <ParamValue unit={param.unit} value={s.value} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {s.cite.article}
                      {s.cite.clause ? ` ${s.cite.clause}` : ''}：「{s.cite.quoteZh}」
                    </Text>
                    {s.setByBureau ? (
                      <Text size="xs" c="dimmed">
                        {t('parameters.defaultByBureau')}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t('parameters.storedSegments')}
          </Text>
          {param.draftable && (param.setByBureau || param.whatIf) && isEditableUnit(param.unit) ? (
            <Button size="xs" onClick={onDraft} data-testid="param-draft">
              {param.setByBureau ? t('parameters.newValue') : t('parameters.newWhatIf')}
            </Button>
          ) : null}
        </Group>
        {param.stored.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('parameters.noStored')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table withTableBorder fz="sm" data-testid="param-stored">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('parameters.status')}</Table.Th>
                  <Table.Th>{t('parameters.period')}</Table.Th>
                  <Table.Th>{t('parameters.value')}</Table.Th>
                  <Table.Th>{t('parameters.reason')}</Table.Th>
                  <Table.Th>{t('parameters.createdBy')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {param.stored.map((s) => (
                  <Table.Tr
                    key={s.id}
                    data-testid="param-segment"
                    data-status={s.status}
                    data-segment-id={s.id}
                  >
                    <Table.Td>
                      <StateBadge status={s.status} color={SEGMENT_COLORS[s.status]} size="sm">
                        {t(`parameters.segmentStatus.${s.status}`)}
                      </StateBadge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {s.fromDate} – {s.toDate ?? t('parameters.openEnded')}
                    </Table.Td>
                    <Table.Td>
                      <ParamValue unit={param.unit} value={s.value} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {s.reason}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.createdByName}</Text>
                      <DateTime value={s.createdAt} size="xs" c="dimmed" />
                    </Table.Td>
                    <Table.Td>
                      <SegmentActions param={param} segment={s} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}

/** Every parameter of the measures with its citation and dates; bureau-set values get new dated segments here. */
export function ParametersRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery(trpc.admin.parameters.list.queryOptions());
  const [drafting, setDrafting] = useState<Parameter | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader title={t('parameters.title')} subtitle={t('parameters.subtitle')} />
      <QueryState query={list} skeletonRows={10}>
        {(params) => (
          <Accordion multiple variant="separated" data-testid="parameters">
            {params.map((p) => {
              const cite = p.segments[0]?.cite;
              return (
                <Accordion.Item key={p.key} value={p.key} data-testid="param-row" data-key={p.key}>
                  <Accordion.Control data-testid="param-toggle">
                    <Group justify="space-between" wrap="wrap" gap="xs" pr="sm">
                      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                        <Group gap="xs">
                          <Text fw={600} size="sm">
                            {language === 'en' ? p.en : `${cite?.article ?? ''}：${cite?.quoteZh ?? p.key}`}
                          </Text>
                        </Group>
                        <Group gap="xs">
                          <Text size="xs" ff="monospace" c="dimmed">
                            {p.key}
                          </Text>
                          {p.setByBureau ? (
                            <Badge size="xs" variant="light" color="nanshan" tt="none">
                              {t('parameters.setByBureau')}
                            </Badge>
                          ) : (
                            <Badge size="xs" variant="light" color="gray" tt="none">
                              {t('parameters.fixedByMeasures')}
                            </Badge>
                          )}
                          {p.whatIf ? (
                            <Badge size="xs" variant="light" color="cyan" tt="none">
                              {t('parameters.whatIfAvailable')}
                            </Badge>
                          ) : null}
                          {p.stored.some((s) => s.status === 'draft') ? (
                            <Badge size="xs" variant="light" color="yellow" tt="none">
                              {t('parameters.hasDraft')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Stack>
                      <Stack gap={0} align="flex-end" data-testid="param-in-force">
                        <Text size="sm" component="div">
                          {p.inForceToday ? (
                            <ParamValue unit={p.unit} value={p.inForceToday.value} compact />
                          ) : (
                            '—'
                          )}
                        </Text>
                        {p.inForceToday ? (
                          <Text size="xs" c="dimmed">
                            {t(`parameters.source.${p.inForceToday.source}`, { date: p.inForceToday.from })}
                          </Text>
                        ) : null}
                      </Stack>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <ParameterPanel param={p} onDraft={() => setDrafting(p)} />
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        )}
      </QueryState>
      <DraftDialog param={drafting} onClose={() => setDrafting(null)} />
    </Stack>
  );
}
