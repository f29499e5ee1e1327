export { GvcError } from '../core/errors.js';
