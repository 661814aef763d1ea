import { type AmountProblem, type AmountUnit, parseAmountToFen } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketMessages } from '../i18n/zh-CN';

/**
 * Form validators return i18n keys, not sentences, and the form translates them when it renders, so an error shown
 * before a language switch is re-rendered in the new language.
 */
export type ValidationKey = `validation.${keyof MarketMessages['validation']}`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredText(value: string): ValidationKey | null {
  return value.trim() ? null : 'validation.required';
}

export function emailText(value: string): ValidationKey | null {
  if (!value.trim()) return 'validation.required';
  return EMAIL.test(value.trim()) ? null : 'validation.email';
}

export function passwordText(value: string): ValidationKey | null {
  if (!value) return 'validation.required';
  return value.length >= 8 ? null : 'validation.passwordMin';
}

const AMOUNT_KEYS: Record<AmountProblem, ValidationKey> = {
  required: 'validation.required',
  format: 'validation.amountFormat',
  tooPrecise: 'validation.amountTooPrecise',
  tooLarge: 'validation.amountTooLarge',
};

/** What is wrong with an amount typed in `unit`, if anything. */
export function amountProblem(text: string, unit: AmountUnit): ValidationKey | null {
  const parsed = parseAmountToFen(text, unit);
  return parsed.ok ? null : AMOUNT_KEYS[parsed.problem];
}

/** Translates a validator's key (other ReactNodes pass through). */
export function useFieldError(): (error: ReactNode) => ReactNode {
  const { t } = useTranslation();
  return (error) => (typeof error === 'string' ? t(error as ValidationKey) : error);
}
