import { TextInput, type TextInputProps } from '@mantine/core';
import { fenToYuanText, parseYuanToFen } from '@nanshan/ui';
import { useEffect, useState } from 'react';

export interface YuanInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** Integer fen, or null while the text is empty or not an amount. */
  valueFen: number | null;
  onChangeFen: (fen: number | null) => void;
  allowNegative?: boolean;
}

/**
 * An amount typed in yuan and kept as integer fen: the text is parsed digit by digit (never through a float), so
 * "0.29" is 29 fen exactly. The caller shows its own error for null or out-of-range values.
 */
export function YuanInput({ valueFen, onChangeFen, allowNegative = false, ...props }: YuanInputProps) {
  const [text, setText] = useState(valueFen === null ? '' : fenToYuanText(valueFen));
  // Follow the value when the caller changes it (a reset, a proposal filled in), not while the user types it.
  useEffect(() => {
    setText((current) =>
      parseYuanToFen(current, { allowNegative }) === valueFen
        ? current
        : valueFen === null
          ? current
          : fenToYuanText(valueFen),
    );
  }, [valueFen, allowNegative]);
  return (
    <TextInput
      inputMode="decimal"
      leftSection="¥"
      {...props}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChangeFen(parseYuanToFen(next, { allowNegative }));
      }}
    />
  );
}
