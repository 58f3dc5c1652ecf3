/**
 * The app's version as built (package.json's), written into every backup file so a support call can
 * tell which Samut made it.
 */
import { version } from '../../../package.json';

export const appVersion: string = version;
