import { Init1795393531188 } from './1795393531188-Init';

/** In order. A new migration is generated here and added to this list. */
export const SQLITE_MIGRATIONS = [Init1795393531188];
