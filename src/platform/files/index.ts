export { cleanFileName, deleteFile, detectKind, FileErrors, loadFile, sendStoredFile, storeFile, type StoredFile } from './files';
export { storedFiles, type StoredFileRow } from './files.table';
export { demoPdf } from './demo-pdf';
export { sealFile, openSealedFile } from './sealed';
