import { registerEnumType } from '@nestjs/graphql';

/** The module whose permissions govern resource requests (enable_resource_req, create_resource_req, approve_*). */
export const RESOURCE_REQUEST_MODULE = 'resource_request';

export enum ResourceRequestKind {
  HOST = 'host',
  DOMAIN = 'domain',
  SSL_CERTIFICATE = 'ssl_certificate',
}
registerEnumType(ResourceRequestKind, { name: 'ResourceRequestKind' });

export interface KindInfo {
  /** The approval's resource type, and the audit entries' target type. */
  resourceType: string;
  /** The module permission whose holders approve this kind. */
  reviewPermission: string;
  label: string;
}

export const KINDS: Readonly<Record<ResourceRequestKind, KindInfo>> = {
  [ResourceRequestKind.HOST]: {
    resourceType: 'host_request',
    reviewPermission: 'approve_host_req',
    label: 'host request',
  },
  [ResourceRequestKind.DOMAIN]: {
    resourceType: 'domain_request',
    reviewPermission: 'approve_domain_req',
    label: 'domain request',
  },
  [ResourceRequestKind.SSL_CERTIFICATE]: {
    resourceType: 'ssl_certificate_request',
    reviewPermission: 'approve_ssl_cert_req',
    label: 'SSL certificate request',
  },
};
