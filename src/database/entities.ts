import { AclResourceGroup } from '../acl/entities/acl-resource-group.entity';
import { AclResourceType } from '../acl/entities/acl-resource-type.entity';
import { AclResource } from '../acl/entities/acl-resource.entity';
import { ApiToken } from '../acl/entities/api-token.entity';
import { Grant } from '../acl/entities/grant.entity';
import { PasswordReset } from '../acl/entities/password-reset.entity';
import { RevokedToken } from '../acl/entities/revoked-token.entity';
import { Role } from '../acl/entities/role.entity';
import { User } from '../acl/entities/user.entity';
import { ApprovalDecision } from '../approval/entities/approval-decision.entity';
import { Approval } from '../approval/entities/approval.entity';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { CI_ENTITIES } from '../cmdb/ci/entities';
import { ApplicationInstance } from '../cmdb/inventory/entities/application-instance.entity';
import { Application } from '../cmdb/inventory/entities/application.entity';
import { HostPoll } from '../cmdb/inventory/entities/host-poll.entity';
import { Host } from '../cmdb/inventory/entities/host.entity';
import { IpAddress } from '../cmdb/inventory/entities/ip-address.entity';
import { Production } from '../cmdb/inventory/entities/production.entity';
import { ResponsePerson } from '../cmdb/inventory/entities/response-person.entity';
import { MailMessage } from '../common/mail/mail-message.entity';
import { DeployScript } from '../deploy/entities/deploy-script.entity';
import { DeploySetting } from '../deploy/entities/deploy-setting.entity';
import { DeployTemplate } from '../deploy/entities/deploy-template.entity';
import { RepositoryCredential } from '../deploy/entities/repository-credential.entity';
import { HermesEventType } from '../hermes-workflow/entities/hermes-event-type.entity';
import { HermesEvent } from '../hermes-workflow/entities/hermes-event.entity';
import { HermesFate } from '../hermes-workflow/entities/hermes-fate.entity';
import { HermesLabor } from '../hermes-workflow/entities/hermes-labor.entity';
import { HermesQuest } from '../hermes-workflow/entities/hermes-quest.entity';
import { CertificateAuthority } from '../resource-request/entities/certificate-authority.entity';
import { DomainRequest } from '../resource-request/entities/domain-request.entity';
import { HostRequest } from '../resource-request/entities/host-request.entity';
import { SslCertificateRequest } from '../resource-request/entities/ssl-certificate-request.entity';
import { CdnProviderSetting } from '../toolbox/entities/cdn-provider-setting.entity';
import { CdnRefreshTask } from '../toolbox/entities/cdn-refresh-task.entity';
import { ExternalNavigator } from '../toolbox/entities/external-navigator.entity';

/** Every entity of the service: one set for both dialects. */
export const ENTITIES = [
  User,
  Role,
  Grant,
  ApiToken,
  RevokedToken,
  PasswordReset,
  AclResourceType,
  AclResource,
  AclResourceGroup,
  AuditEntry,
  MailMessage,
  Host,
  IpAddress,
  HostPoll,
  Production,
  Application,
  ApplicationInstance,
  ResponsePerson,
  HermesEventType,
  HermesFate,
  HermesEvent,
  HermesQuest,
  HermesLabor,
  ...CI_ENTITIES,
  RepositoryCredential,
  DeployScript,
  DeployTemplate,
  DeploySetting,
  Approval,
  ApprovalDecision,
  HostRequest,
  DomainRequest,
  SslCertificateRequest,
  CertificateAuthority,
  ExternalNavigator,
  CdnRefreshTask,
  CdnProviderSetting,
];
