import { Init1795393535275 } from './1795393535275-Init';

/** In order. A new migration is generated here and added to this list. */
export const MYSQL_MIGRATIONS = [Init1795393535275];
