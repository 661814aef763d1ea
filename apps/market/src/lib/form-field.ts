import type { UseFormReturnType } from '@mantine/form';
import { useFieldError } from './validation';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Props for one form field: Mantine's value/onChange, the validator's error translated, and the test id
 * `<testIdPrefix>-<field name in kebab case>` that the end-to-end journeys address it by.
 */
export function useFormField<Values>(form: UseFormReturnType<Values>, testIdPrefix: string) {
  const fieldError = useFieldError();
  return (name: keyof Values & string) => ({
    ...form.getInputProps(name),
    error: fieldError(form.errors[name]),
    'data-testid': `${testIdPrefix}-${kebab(name)}`,
  });
}
