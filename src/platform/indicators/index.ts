export {
  IndicatorCatalogue,
  underPath,
  type CountIndicator,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRecord,
  type IndicatorUnit,
  type IndicatorValue,
  type RateIndicator,
  type SumIndicator,
} from './indicators';
export { AMOUNT_KINDS, amountHeader, amountNumFmt, formatAmount, shownAmount, type AmountColumn, type AmountKind } from './columns';
