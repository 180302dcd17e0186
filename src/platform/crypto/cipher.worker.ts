/** Worker thread of a FieldCipher: encrypts batches off the event loop (see FieldCipher.encryptMany). */
import { serveRequests, startData } from '../workers';
import { createFieldCipher, type FieldContext } from './field-cipher';

const cipher = createFieldCipher(Buffer.from(startData<{ key: Uint8Array }>().key));
serveRequests((items: [string, FieldContext][]) => items.map(([plaintext, ctx]) => cipher.encrypt(plaintext, ctx)));
