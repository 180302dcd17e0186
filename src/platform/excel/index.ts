export { writeXlsx, sendXlsx, readXlsxRows, safeCellValue, type XlsxColumn } from './xlsx';
