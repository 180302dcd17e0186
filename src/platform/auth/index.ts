export { hashPassword, verifyPassword, checkPasswordPolicy, passwordClasses, generatePassword } from './password';
export { newToken, hashToken } from './token';
