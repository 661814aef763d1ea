import { Alert, Button, Grid, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { GRANT_ARTICLES, type GrantArticle, SHARED_CAP_ARTICLES } from '@nanshan/api/grant-facts';
import { ErrorNotice, FormSection, formatFen, parseAmountToFen, useLanguage } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantEvidence, GrantInput } from '../../lib/api-types';
import { useFormField } from '../../lib/form-field';
import { amountProblem, requiredText, useFieldError, type ValidationKey } from '../../lib/validation';
import { EvidenceUploader } from './EvidenceUploader';
import { USUAL_EVIDENCE } from './evidence-kinds';
import { FactInput } from './FactInput';
import { emptyFactValues, type FactValues, factFields, toFacts } from './facts-fields';
import { OtherAwardsFields } from './OtherAwardsFields';
import { emptyOtherAward, type OtherAwardValues, toOtherAwards } from './other-awards';

interface ApplyValues {
  article: GrantArticle;
  year: string;
  projectName: string;
  projectReference: string;
  requested: string;
  facts: FactValues;
  otherAwards: OtherAwardValues[];
}

/** Art. 6's declaration covers the previous year's spend; the other articles this year or last. */
function yearsFor(article: GrantArticle, serverYear: number): number[] {
  return article === 'art6' ? [serverYear - 1] : [serverYear, serverYear - 1];
}

function requestedProblem(text: string): ValidationKey | null {
  const parsed = parseAmountToFen(text, 'yuan');
  if (!parsed.ok) return amountProblem(text, 'yuan');
  return parsed.fen > 0 ? null : 'validation.amountPositive';
}

/**
 * A grant application: the article, the project, the facts that article needs (its inputs follow the API's facts
 * schema), the amount asked in 元 and the evidence files. The server computes the proposal; its refusals are shown
 * translated under the form.
 */
export function GrantApplyForm({
  serverYear,
  submitting,
  error,
  onSubmit,
  onCancel,
}: {
  /** The server's Shenzhen year (its clock, not the browser's). */
  serverYear: number;
  submitting: boolean;
  error: unknown;
  onSubmit: (input: GrantInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fieldError = useFieldError();
  const [documents, setDocuments] = useState<GrantEvidence[]>([]);
  const [evidenceError, setEvidenceError] = useState<ValidationKey | null>(null);
  const form = useForm<ApplyValues>({
    mode: 'controlled',
    initialValues: {
      article: 'art12',
      year: String(serverYear),
      projectName: '',
      projectReference: '',
      requested: '',
      facts: emptyFactValues('art12'),
      otherAwards: [],
    },
    validate: (v) => {
      const errors: Record<string, ValidationKey | null> = {
        projectName: requiredText(v.projectName),
        requested: requestedProblem(v.requested),
      };
      const facts = toFacts(v.article, v.facts);
      if (!facts.ok) {
        for (const [name, key] of Object.entries(facts.errors)) errors[`facts.${name}`] = key;
      }
      const awards = toOtherAwards(v.otherAwards);
      if (!awards.ok) Object.assign(errors, awards.errors);
      return errors;
    },
  });
  const field = useFormField(form, 'grant-form');
  const values = form.getValues();
  const sharedCap = SHARED_CAP_ARTICLES.has(values.article);
  const caps = useQuery(
    trpc.subsidy.summary.queryOptions({ year: Number(values.year) }, { enabled: sharedCap }),
  );
  const capLeft = caps.data?.articles.find((a) => a.article === values.article)?.leftFen;

  function chooseArticle(article: GrantArticle) {
    const years = yearsFor(article, serverYear);
    form.setValues({
      article,
      facts: emptyFactValues(article),
      year: years.includes(Number(values.year)) ? values.year : String(years[0]),
    });
    form.clearErrors();
  }

  function submit(v: ApplyValues) {
    const facts = toFacts(v.article, v.facts);
    const requested = parseAmountToFen(v.requested, 'yuan');
    if (documents.length === 0) {
      setEvidenceError('validation.evidenceRequired');
      return;
    }
    const awards = toOtherAwards(v.otherAwards);
    if (!facts.ok || !requested.ok || !awards.ok) return;
    onSubmit({
      year: Number(v.year),
      projectName: v.projectName.trim(),
      projectReference: v.projectReference.trim(),
      requestedFen: requested.fen,
      facts: facts.facts,
      evidenceDocumentIds: documents.map((d) => d.id),
      otherMeasureAwards: awards.awards,
    });
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="grant-form" data-article={values.article}>
      <Stack gap="lg">
        <FormSection title={t('grants.form.sections.article')}>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <NativeSelect
              label={t('grants.form.article')}
              value={values.article}
              onChange={(e) => chooseArticle(e.currentTarget.value as GrantArticle)}
              data={GRANT_ARTICLES.map((a) => ({ value: a, label: t(`grants.article.${a}`) }))}
              description={t(`grants.articleHint.${values.article}`)}
              data-testid="grant-form-article"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <NativeSelect
              label={values.article === 'art6' ? t('grants.form.yearArt6') : t('grants.form.year')}
              data={yearsFor(values.article, serverYear).map(String)}
              {...field('year')}
            />
          </Grid.Col>
          {sharedCap && capLeft !== undefined ? (
            <Grid.Col span={12}>
              <Text size="sm" c="dimmed" data-testid="grant-form-shared-cap">
                {t('grants.form.sharedCap', {
                  year: values.year,
                  article: t(`grants.article.${values.article}`),
                  left: formatFen(capLeft, language),
                })}
              </Text>
            </Grid.Col>
          ) : null}
        </FormSection>

        <FormSection title={t('grants.form.sections.project')}>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('grants.form.projectName')}
              required
              maxLength={200}
              {...field('projectName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('grants.form.projectReference')}
              description={t('grants.form.projectReferenceHint')}
              maxLength={100}
              {...field('projectReference')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('grants.form.requested')}
              description={t('grants.form.requestedHint')}
              required
              inputMode="decimal"
              {...field('requested')}
            />
          </Grid.Col>
        </FormSection>

        <FormSection title={t('grants.form.sections.facts')}>
          {factFields(values.article, values.facts).map((f) => (
            <Grid.Col
              key={f.name}
              span={{ base: 12, md: f.type === 'boolean' || f.type === 'list' ? 12 : 6 }}
            >
              <FactInput
                field={f}
                value={values.facts[f.name]}
                onChange={(value) => form.setFieldValue(`facts.${f.name}`, value)}
                error={fieldError(form.errors[`facts.${f.name}`])}
              />
            </Grid.Col>
          ))}
        </FormSection>

        <FormSection title={t('grants.form.sections.otherAwards')}>
          <Grid.Col span={12}>
            <OtherAwardsFields
              rows={values.otherAwards}
              onAdd={() => form.insertListItem('otherAwards', emptyOtherAward())}
              onRemove={(i) => form.removeListItem('otherAwards', i)}
              onChange={(i, name, value) => form.setFieldValue(`otherAwards.${i}.${name}`, value)}
              errorOf={(i, name) => fieldError(form.errors[`otherAwards.${i}.${name}`])}
            />
          </Grid.Col>
        </FormSection>

        <FormSection title={t('grants.form.sections.evidence')}>
          <Grid.Col span={12}>
            <EvidenceUploader
              key={values.article}
              documents={documents}
              onChange={(docs) => {
                setDocuments(docs);
                setEvidenceError(null);
              }}
              initialKind={USUAL_EVIDENCE[values.article]}
              error={evidenceError ? t(evidenceError) : null}
            />
          </Grid.Col>
        </FormSection>

        {error ? <ErrorNotice error={error} data-testid="grant-form-error" /> : null}
        {Object.keys(form.errors).length > 0 ? (
          <Alert color="red" variant="light" data-testid="grant-form-invalid">
            {t('grants.form.invalid')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('grants.form.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="grant-form-submit">
            {t('grants.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
