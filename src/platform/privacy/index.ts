export { maskIdNumber, maskName, maskPhone, maskFields } from './mask';
