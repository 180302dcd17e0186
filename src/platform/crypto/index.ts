export { createFieldCipher, createBlindIndex, cryptoSelfTest, FieldCipherError, type FieldCipher, type FieldContext } from './field-cipher';
export { loadFieldKey } from './keys';
