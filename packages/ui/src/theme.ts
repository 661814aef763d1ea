import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Nanshan blue: a sober government-service blue, readable on white at every shade used for text. */
const nanshan: MantineColorsTuple = [
  '#e7f2ff',
  '#d0e1ff',
  '#a0c0fb',
  '#6c9df7',
  '#417ff3',
  '#266cf1',
  '#1662f1',
  '#0552d7',
  '#0048c1',
  '#003eab',
];

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Source Han Sans SC', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const theme = createTheme({
  primaryColor: 'nanshan',
  primaryShade: 7,
  colors: { nanshan },
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Card: { defaultProps: { withBorder: true, padding: 'lg' } },
    Paper: { defaultProps: { withBorder: true } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
  },
});
