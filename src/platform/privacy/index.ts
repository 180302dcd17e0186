export { maskIdNumber, maskPhone, maskFields } from './mask';
