import { Init1795393531188 } from './1795393531188-Init';
import { Acl1795394524796 } from './1795394524796-Acl';
import { Inventory1795395842991 } from './1795395842991-Inventory';
import { Hermes1795968820155 } from './1795968820155-Hermes';
import { MailDelivery1795969522754 } from './1795969522754-MailDelivery';
import { CiEngine1795973096224 } from './1795973096224-CiEngine';
import { Deploy1796680595198 } from './1796680595198-Deploy';
import { Approvals1796681223293 } from './1796681223293-Approvals';
import { ResourceRequests1796681276557 } from './1796681276557-ResourceRequests';
import { Toolbox1796682581573 } from './1796682581573-Toolbox';

/** In order. A new migration is generated here and added to this list. */
export const SQLITE_MIGRATIONS = [
  Init1795393531188,
  Acl1795394524796,
  Inventory1795395842991,
  Hermes1795968820155,
  MailDelivery1795969522754,
  CiEngine1795973096224,
  Deploy1796680595198,
  Approvals1796681223293,
  ResourceRequests1796681276557,
  Toolbox1796682581573,
];
