import { Init1795393535275 } from './1795393535275-Init';
import { Acl1795394519455 } from './1795394519455-Acl';
import { Inventory1795395859339 } from './1795395859339-Inventory';
import { Hermes1795968831882 } from './1795968831882-Hermes';
import { MailDelivery1795969526523 } from './1795969526523-MailDelivery';
import { CiEngine1795973105665 } from './1795973105665-CiEngine';
import { Deploy1796680623946 } from './1796680623946-Deploy';
import { Approvals1796681255690 } from './1796681255690-Approvals';
import { ResourceRequests1796681321855 } from './1796681321855-ResourceRequests';
import { Toolbox1796682671262 } from './1796682671262-Toolbox';

/** In order. A new migration is generated here and added to this list. */
export const MYSQL_MIGRATIONS = [
  Init1795393535275,
  Acl1795394519455,
  Inventory1795395859339,
  Hermes1795968831882,
  MailDelivery1795969526523,
  CiEngine1795973105665,
  Deploy1796680623946,
  Approvals1796681255690,
  ResourceRequests1796681321855,
  Toolbox1796682671262,
];
