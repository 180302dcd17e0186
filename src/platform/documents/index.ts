export { convertWithLibreOffice, docxToPdf, findSoffice } from './pdf';
