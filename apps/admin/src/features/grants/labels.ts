import type { MantineColor } from '@mantine/core';
import type { GrantArticle } from '../../lib/api-types';
import type { GrantStatus } from './workflow';

export const GRANT_ARTICLES: readonly GrantArticle[] = [
  'art5',
  'art6',
  'art7',
  'art8',
  'art9',
  'art11',
  'art12',
  'art13',
  'art14',
];

export const GRANT_STATUS_COLORS: Record<GrantStatus, MantineColor> = {
  submitted: 'yellow',
  formal_check: 'yellow',
  bureau_review: 'yellow',
  funding_plan: 'yellow',
  verification: 'yellow',
  public_notice: 'violet',
  decided: 'teal',
  paid: 'green',
  rejected: 'red',
  info_requested: 'orange',
  withdrawn: 'gray',
};
