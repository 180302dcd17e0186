export { docxToPdf, findSoffice } from './pdf';
