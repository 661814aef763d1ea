import { useTranslation } from 'react-i18next';
import { zhCN } from '../../i18n/zh-CN';

type UnitKey = keyof typeof zhCN.unit;

function isKnownUnit(unit: string): unit is UnitKey {
  return Object.hasOwn(zhCN.unit, unit);
}

/** The billing unit in words ("卡时" / "GPU-hour"); an unknown unit code is shown as is. */
export function useUnitLabel(): (unit: string) => string {
  const { t } = useTranslation();
  return (unit) => (isKnownUnit(unit) ? t(`unit.${unit}`) : unit);
}
