import { CiAttributeChoice } from './ci-attribute-choice.entity';
import { CiAttributeHistory } from './ci-attribute-history.entity';
import { CiAttribute } from './ci-attribute.entity';
import { CiHistoryRecord } from './ci-history-record.entity';
import { CiPreferenceAttribute } from './ci-preference-attribute.entity';
import { CiPreferenceTreeView } from './ci-preference-tree-view.entity';
import { CiRelationHistory } from './ci-relation-history.entity';
import { CiRelationType } from './ci-relation-type.entity';
import { CiRelationView } from './ci-relation-view.entity';
import { CiRelation } from './ci-relation.entity';
import { CiTypeAttributeGroupItem } from './ci-type-attribute-group-item.entity';
import { CiTypeAttributeGroup } from './ci-type-attribute-group.entity';
import { CiTypeAttribute } from './ci-type-attribute.entity';
import { CiTypeGroupItem } from './ci-type-group-item.entity';
import { CiTypeGroup } from './ci-type-group.entity';
import { CiTypeRelation } from './ci-type-relation.entity';
import { CiType } from './ci-type.entity';
import { CiValueDatetime } from './ci-value-datetime.entity';
import { CiValueFloat } from './ci-value-float.entity';
import { CiValueInt } from './ci-value-int.entity';
import { CiValueJson } from './ci-value-json.entity';
import { CiValueText } from './ci-value-text.entity';
import { Ci } from './ci.entity';

/** The CI engine's tables. */
export const CI_ENTITIES = [
  CiAttribute,
  CiAttributeChoice,
  CiType,
  CiTypeAttribute,
  Ci,
  CiValueInt,
  CiValueFloat,
  CiValueText,
  CiValueDatetime,
  CiValueJson,
  CiRelationType,
  CiTypeRelation,
  CiRelation,
  CiTypeGroup,
  CiTypeGroupItem,
  CiTypeAttributeGroup,
  CiTypeAttributeGroupItem,
  CiHistoryRecord,
  CiAttributeHistory,
  CiRelationHistory,
  CiPreferenceAttribute,
  CiPreferenceTreeView,
  CiRelationView,
];
