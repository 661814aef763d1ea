import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n';
import type { Language } from '../i18n/languages';
import { type GrantAudience, useGrantStatusLabel } from './use-grant-status-label';
import { GRANT_STATUSES } from './workflow';

const i18n = createI18n({ 'zh-CN': {}, en: {} });

function Labels({ audience }: { audience: GrantAudience }) {
  const statusLabel = useGrantStatusLabel(audience);
  return <>{GRANT_STATUSES.map((s) => `${s}=${statusLabel(s)};`)}</>;
}

function labels(language: Language, audience: GrantAudience): Record<string, string> {
  i18n.changeLanguage(language);
  const markup = renderToStaticMarkup(<Labels audience={audience} />);
  return Object.fromEntries(
    markup
      .split(';')
      .filter(Boolean)
      .map((pair) => pair.split('=')),
  );
}

/** The market's words for the applicant, as they were in its own resources. */
const APPLICANT_ZH = {
  submitted: '已提交',
  formal_check: '形式审查',
  bureau_review: '区科创局复审',
  funding_plan: '资金计划',
  verification: '核查',
  public_notice: '公示',
  decided: '已核定',
  paid: '已拨付',
  rejected: '未通过',
  info_requested: '待补充材料',
  withdrawn: '已撤回',
  revoked: '资助已撤销',
};

describe('useGrantStatusLabel', () => {
  it('words a status for the applicant as the market app always has', () => {
    expect(labels('zh-CN', 'applicant')).toEqual(APPLICANT_ZH);
  });

  it('words a status for staff as the admin app always has: some statuses by what staff do', () => {
    expect(labels('zh-CN', 'staff')).toEqual({
      ...APPLICANT_ZH,
      bureau_review: '科创局复审',
      funding_plan: '拟定资助计划',
      rejected: '已驳回',
      revoked: '已撤销核定',
    });
  });

  it('has one English word per status for both', () => {
    const english = {
      submitted: 'Submitted',
      formal_check: 'Formal check',
      bureau_review: 'Bureau review',
      funding_plan: 'Funding plan',
      verification: 'Verification',
      public_notice: 'Public notice',
      decided: 'Decided',
      paid: 'Paid',
      rejected: 'Rejected',
      info_requested: 'Information requested',
      withdrawn: 'Withdrawn',
      revoked: 'Revoked',
    };
    expect(labels('en', 'applicant')).toEqual(english);
    expect(labels('en', 'staff')).toEqual(english);
  });
});
