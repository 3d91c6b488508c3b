import { Init1795393535275 } from './1795393535275-Init';
import { Acl1795394519455 } from './1795394519455-Acl';

/** In order. A new migration is generated here and added to this list. */
export const MYSQL_MIGRATIONS = [Init1795393535275, Acl1795394519455];
