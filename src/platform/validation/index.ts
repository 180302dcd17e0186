export { normaliseCode, parseIdNumber, parseUscc, withIdCheckDigit, withUsccCheckDigit, type IdNumberInfo } from './china-ids';
